package neptunegraph

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// The pattern matchers are proved equal to the model's patterns by
// comparing them, over generated strings, with the shared backtracking
// matcher that reads the patterns as ECMA-262 does (look-ahead included).

// parseRef compiles the reference matcher of pattern: the shared
// ECMAScript-semantics matcher, internal/smithymodel.Pattern.
func parseRef(t *testing.T, pattern string) *smithymodel.Pattern {
	t.Helper()
	p, err := smithymodel.CompilePattern(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// refMatch reports whether the pattern matches anywhere in s, as Smithy
// patterns are not implicitly anchored.
func refMatch(p *smithymodel.Pattern, s string) bool { return p.MatchString(s) }

// allStrings returns every string of at most maxLen characters over alphabet.
func allStrings(alphabet []string, maxLen int) []string {
	out := []string{""}
	level := []string{""}
	for n := 1; n <= maxLen; n++ {
		var next []string
		for _, prefix := range level {
			for _, c := range alphabet {
				next = append(next, prefix+c)
			}
		}
		out = append(out, next...)
		level = next
	}
	return out
}

// randomStrings returns count strings of minLen to maxLen characters over
// alphabet.
func randomStrings(rng *rand.Rand, alphabet []string, count, minLen, maxLen int) []string {
	out := make([]string, count)
	for i := range out {
		var b strings.Builder
		for n := minLen + rng.IntN(maxLen-minLen+1); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		out[i] = b.String()
	}
	return out
}

// snapshotNameLike returns names built from the pattern's own grammar,
// often with a "gs" start, with occasional damage, so that long accepted
// strings are well represented.
func snapshotNameLike(rng *rand.Rand, count int) []string {
	starts := []string{"gs-", "gs", "g-", "g", "a", "z", "gsx", "-", "0", "G"}
	parts := []string{"a", "s", "0", "9", "z", "-", "--", "gs-", "A", "_", "é"}
	out := make([]string, count)
	for i := range out {
		var b strings.Builder
		b.WriteString(starts[rng.IntN(len(starts))])
		for n := rng.IntN(40); n > 0; n-- {
			if rng.IntN(8) == 0 {
				b.WriteString(parts[rng.IntN(len(parts))])
			} else {
				b.WriteString(parts[rng.IntN(5)])
			}
		}
		out[i] = b.String()
	}
	return out
}

func TestPatternsMatchTheModel(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 11))
	nameAlphabet := []string{"a", "g", "s", "z", "0", "9", "-"}
	wide := []string{"a", "g", "s", "z", "0", "9", "-", "A", "Z", "_", ".", " ", "é", "日", "\n", "+"}
	var printable []string
	for c := rune(0x20); c < 0x7f; c++ {
		printable = append(printable, string(c))
	}
	keyAlphabet := append(printable, "é", "\n", "\x00", "\u212a")
	tests := []struct {
		name    string
		pattern string
		match   func(string) bool
		corpus  []string
	}{
		{"SnapshotName", `^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$`, snapshotNameRule.Pattern.Match, concat(
			allStrings(nameAlphabet, 6),
			randomStrings(rng, nameAlphabet, 20000, 7, 70),
			randomStrings(rng, wide, 20000, 0, 70),
			snapshotNameLike(rng, 20000),
			[]string{"gs-abc", "gs", "g-s", "gsx-a", "a-", "a--b", "gs-", "GS-a", "gs-\n", "a\n"},
		)},
		{"TagKey", `^[a-zA-Z+-=._:/]+$`, tagKeyRule.Pattern.Match, concat(
			allStrings(keyAlphabet, 2),
			randomStrings(rng, keyAlphabet, 20000, 3, 40),
		)},
		{"GraphIdentifier", `^g-[a-z0-9]{10}$`, graphIdentifierRule.Pattern.Match, concat(
			allStrings([]string{"g", "-", "a"}, 5),
			randomStrings(rng, []string{"g", "-", "a", "z", "0", "9", "A", "\n"}, 20000, 10, 14),
			prefixed("g-", randomStrings(rng, []string{"a", "k", "z", "0", "5", "9", "b", "y", "1", "8", "A", "-", "é"}, 20000, 9, 11)),
			[]string{"g-abcde12345", "g-0123456789", "g-abcde1234", "g-abcde123456", "xg-abcde12345"},
		)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.match == nil {
				t.Fatal("no matcher")
			}
			reference := parseRef(t, tt.pattern)
			accepted := 0
			for _, s := range tt.corpus {
				want := refMatch(reference, s)
				if got := tt.match(s); got != want {
					t.Fatalf("%s on %q: matcher says %v, the pattern says %v", tt.pattern, s, got, want)
				}
				if want {
					accepted++
				}
			}
			t.Logf("%s: %d strings agree, %d of them accepted", tt.pattern, len(tt.corpus), accepted)
			if accepted == 0 || accepted == len(tt.corpus) {
				t.Errorf("the corpus does not exercise both outcomes")
			}
		})
	}
}

// TestReferenceMatcher checks the reference matcher itself against Go's
// regexp on patterns both can read.
func TestReferenceMatcher(t *testing.T) {
	t.Parallel()
	patterns := []string{`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`, `^g-[a-z0-9]{10}$`, `^[a-zA-Z+-=._:/]+$`,
		`a(b|cd)*e`, `^x{2,3}y?$`, `[^a-c]+`, `^(ab|a)(bc|c)$`, `\.\-`, `^a{2,}$`}
	alphabet := []string{"a", "b", "c", "d", "e", "x", "y", "g", "-", ".", "0", "+", "="}
	corpus := allStrings(alphabet, 4)
	for _, pattern := range patterns {
		reference := parseRef(t, pattern)
		re := regexp.MustCompile(pattern)
		for _, s := range corpus {
			if got, want := refMatch(reference, s), re.MatchString(s); got != want {
				t.Fatalf("%s on %q: reference says %v, regexp says %v", pattern, s, got, want)
			}
		}
	}
	lookahead := parseRef(t, `^(?!ab)[a-z]+$`)
	for s, want := range map[string]bool{"ab": false, "abc": false, "a": true, "ba": true, "": false, "aab": true} {
		if got := refMatch(lookahead, s); got != want {
			t.Errorf("(?!ab) on %q: %v, want %v", s, got, want)
		}
	}
}

// TestSpecRewrite checks the rewrite the spec suggests (RE2 body and a
// prefix test) against the matcher in use.
func TestSpecRewrite(t *testing.T) {
	t.Parallel()
	body := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	for _, s := range allStrings([]string{"a", "g", "s", "0", "-", "A"}, 6) {
		want := body.MatchString(s) && !strings.HasPrefix(s, "gs-")
		if got := matchSnapshotName(s); got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	}
}

func prefixed(prefix string, list []string) []string {
	for i := range list {
		list[i] = prefix + list[i]
	}
	return list
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
