package testserver_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The five packages' faults.go delegate the same methods with the same
// documentation; only their package clause differs. They are kept alike
// by hand, so this test catches one that drifts.
func TestFaultMethodsAreAlikeInEveryPackage(t *testing.T) {
	t.Parallel()
	read := func(service string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", service, service+"test", "faults.go"))
		if err != nil {
			t.Fatal(err)
		}
		_, rest, found := strings.Cut(string(data), "\n")
		if !found || !strings.HasPrefix(string(data), "package "+service+"test\n") {
			t.Fatalf("%stest/faults.go does not start with its package clause", service)
		}
		return rest
	}
	want := read("memorydb")
	for _, service := range []string{"lightsail", "neptunegraph", "datazone", "partnercentral"} {
		if got := read(service); got != want {
			t.Errorf("%stest/faults.go differs from memorydbtest/faults.go beyond the package clause", service)
		}
	}
}
