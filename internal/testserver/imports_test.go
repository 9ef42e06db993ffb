package testserver_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The test servers import the clients, never the other way round: a
// program that uses a client does not build the emulator into itself.
func TestClientsDoNotImportTheTestServers(t *testing.T) {
	t.Parallel()
	const module = "github.com/awssnap/awssnap/"
	for _, service := range []string{"memorydb", "lightsail", "neptunegraph", "datazone", "partnercentral"} {
		out, err := exec.Command("go", "list", "-deps", module+service).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", service, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == module+"internal/emulator" || dep == module+"internal/testserver" || (strings.HasPrefix(dep, module) && strings.HasSuffix(dep, "test")) {
				t.Errorf("%s depends on %s", service, dep)
			}
		}
	}
}
