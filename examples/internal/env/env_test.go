package env

import (
	"flag"
	"strings"
	"testing"
)

// TestParse checks that -h prints the flags and stops the example without
// an error, that a bad flag is an error, and that other arguments let it run.
func TestParse(t *testing.T) {
	cases := []struct {
		args    []string
		run     bool
		failure bool
		usage   bool
	}{
		{args: nil, run: true},
		{args: []string{"-aws"}, run: true},
		{args: []string{"-h"}, usage: true},
		{args: []string{"-help"}, usage: true},
		{args: []string{"-nosuchflag"}, failure: true, usage: true},
	}
	for _, c := range cases {
		var out strings.Builder
		fs := flag.NewFlagSet("example", flag.ContinueOnError)
		fs.SetOutput(&out)
		var f Flags
		f.Register(fs)
		run, err := Parse(fs, c.args)
		if run != c.run || (err != nil) != c.failure {
			t.Errorf("%q: run %v, error %v; want run %v, an error %v", c.args, run, err, c.run, c.failure)
		}
		if printed := strings.Contains(out.String(), "-aws"); printed != c.usage {
			t.Errorf("%q: usage printed %v, want %v:\n%s", c.args, printed, c.usage, out.String())
		}
	}
}
