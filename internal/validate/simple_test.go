package validate

import (
	"regexp"
	"testing"
)

// simpleCases are patterns of the models and others near the edge of what
// the one-pass matcher takes, with whether it takes them.
var simpleCases = []struct {
	source string
	simple bool
}{
	{`^g-[a-z0-9]{10}$`, true},
	{`^eng-[0-9a-z]{14}$`, true},
	{`^O[0-9]{1,19}$`, true},
	{`^[a-zA-Z+-=._:/]+$`, true},
	{`^[A-Za-z0-9._-]+$`, true},
	{`^[a-z]*$`, true},
	{`^[a-z]+[0-9]{2}[a-z]?$`, true},
	{`^[a-z]+[a-z0-9]$`, false},    // the run could give its last letter away
	{`^[a-z]*[0-9]*[a-z]$`, false}, // an optional class after a run
	{`^[a-z]+`, false},             // not anchored at the end
	{`[a-z]+$`, false},             // nor at the start
	{`^[^a-z]+$`, false},           // a negated class holds non-ASCII
	{`^(?i)ab$`, false},            // case folding
	{`^é+$`, false},                // non-ASCII
	{`^(ab)+$`, false},             // a group
	{`^a|b$`, false},               // an alternation
	{`^.+$`, false},                // any character
}

func TestSimplePatterns(t *testing.T) {
	t.Parallel()
	inputs := []string{"", "g-abcdef1234", "g-abcdef123", "g-ABCDEF1234", "eng-0123456789abcd", "O1", "O",
		"O12345678901234567890", "a+b=c/d", "a b", "abc12", "abc12d", "abc1", "12", "abc", "é", "\xff", "ab\n",
		"a\x00", "x-y.z_1"}
	for _, tc := range simpleCases {
		p, ok := compileSimple(tc.source)
		if ok != tc.simple {
			t.Errorf("compileSimple(%q) took it: %t, want %t", tc.source, ok, tc.simple)
			continue
		}
		if !ok {
			continue
		}
		runs, ok := CompileSimple(tc.source)
		if !ok {
			t.Errorf("CompileSimple(%q) refused what compileSimple takes", tc.source)
			continue
		}
		ahead := SimplePattern(tc.source, runs...)
		re := regexp.MustCompile(tc.source)
		for _, in := range inputs {
			want := re.MatchString(in)
			if got := p.match(in); got != want {
				t.Errorf("%q on %q: %t, regexp says %t", tc.source, in, got, want)
			}
			if got := ahead.Match(in); got != want {
				t.Errorf("%q compiled ahead (%+v) on %q: %t, regexp says %t", tc.source, runs, in, got, want)
			}
		}
	}
}

// FuzzSimpleMatchesRegexp matches arbitrary inputs against arbitrary
// patterns the one-pass matcher takes: it always agrees with regexp.
func FuzzSimpleMatchesRegexp(f *testing.F) {
	for _, tc := range simpleCases {
		f.Add(tc.source, "abc12")
		f.Add(tc.source, "g-abcdef1234")
	}
	f.Fuzz(func(t *testing.T, source, input string) {
		re, err := regexp.Compile(source)
		if err != nil {
			return
		}
		p, ok := compileSimple(source)
		if !ok {
			return
		}
		want := re.MatchString(input)
		if got := p.match(input); got != want {
			t.Fatalf("%q on %q: %t, regexp says %t", source, input, got, want)
		}
		runs, _ := CompileSimple(source)
		if got := SimplePattern(source, runs...).Match(input); got != want {
			t.Fatalf("%q compiled ahead (%+v) on %q: %t, regexp says %t", source, runs, input, got, want)
		}
	})
}
