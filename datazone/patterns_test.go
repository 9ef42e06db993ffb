package datazone

import (
	"math/rand"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/validate"
)

// This file proves the pattern functions equal to the model's patterns.
// The reference is the shared ECMAScript-semantics matcher
// (internal/smithymodel.Pattern), which runs the patterns as written,
// look-ahead included. It is itself checked against Go's regexp on the
// patterns RE2 accepts.

// compileRef compiles the reference matcher of pattern.
func compileRef(t testing.TB, pattern string) refPattern {
	t.Helper()
	p, err := smithymodel.CompilePattern(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return refPattern{p}
}

// refPattern is a pattern run by the shared ECMAScript-semantics matcher.
type refPattern struct{ p *smithymodel.Pattern }

// Match reports whether the pattern matches s anywhere.
func (r refPattern) Match(s string) bool { return r.p.MatchString(s) }

// patternCorpus returns every string over valid+other up to maxLen
// characters, and random strings of valid characters up to 45 long (past
// the {1,36} bounds), half of them with one character from other; then
// all of these again after each prefix.
func patternCorpus(valid, other string, maxLen int, prefixes ...string) []string {
	corpus, layer := []string{""}, []string{""}
	for range maxLen {
		var next []string
		for _, s := range layer {
			for _, r := range valid + other {
				next = append(next, s+string(r))
			}
		}
		corpus = append(corpus, next...)
		layer = next
	}
	random := rand.New(rand.NewSource(1))
	validRunes, otherRunes := []rune(valid), []rune(other)
	for range 5000 {
		s := make([]rune, random.Intn(46))
		for i := range s {
			s[i] = validRunes[random.Intn(len(validRunes))]
		}
		if len(s) > 0 && random.Intn(2) == 0 {
			s[random.Intn(len(s))] = otherRunes[random.Intn(len(otherRunes))]
		}
		corpus = append(corpus, string(s))
	}
	all := corpus
	for _, prefix := range prefixes {
		for _, s := range corpus {
			all = append(all, prefix+s)
		}
	}
	return all
}

// The characters the patterns tell apart: a lower and an upper letter, a
// digit, _, - and . (wordAlphabet); space, the edges of \x21-\x7E, a
// control character and non-ASCII runes (otherAlphabet).
const (
	wordAlphabet  = "aZ0_-."
	otherAlphabet = " !~\n\x7fé😀"
)

func TestPatternsMatchTheModel(t *testing.T) {
	t.Parallel()
	patterns := []struct {
		pattern  *validate.Pattern
		depth    int
		prefixes []string
	}{
		{domainIDPattern, 3, []string{"dzd_", "dzd-", "dzd", "dzdx", "Dzd_"}},
		{identifierPattern, 4, nil},
		{revisionInputPattern, 4, nil},
		{clientTokenPattern, 4, nil},
		{formNamePattern, 4, []string{"_", "__"}},
		{formTypeIdentifierPattern, 4, []string{".", "a."}},
	}
	for _, tt := range patterns {
		t.Run(tt.pattern.Source, func(t *testing.T) {
			t.Parallel()
			ref := compileRef(t, tt.pattern.Source)
			corpus := patternCorpus(wordAlphabet, otherAlphabet, tt.depth, tt.prefixes...)
			matched := 0
			for _, s := range corpus {
				want := ref.Match(s)
				if got := tt.pattern.Match(s); got != want {
					t.Fatalf("%q: function says %v, the pattern says %v", s, got, want)
				}
				if want {
					matched++
				}
			}
			if matched == 0 || matched == len(corpus) {
				t.Errorf("the corpus of %d strings does not separate the pattern (%d match)", len(corpus), matched)
			}
			t.Logf("%d strings agree, %d of them match", len(corpus), matched)
		})
	}
}

// TestReferenceMatcherAgreesWithRE2 checks the reference matcher against
// Go's regexp, on the model patterns RE2 accepts and on the RE2 rewrites
// the spec gives for the look-ahead patterns.
func TestReferenceMatcherAgreesWithRE2(t *testing.T) {
	t.Parallel()
	patterns := []string{
		`^dzd[-_][a-zA-Z0-9_-]{1,36}$`,
		`^[a-zA-Z0-9_-]{1,36}$`,
		`^[a-zA-Z0-9_-]+$`,
		`^[\x21-\x7E]+$`,
		`^[A-Za-z]\w*$|^_\w*[A-Za-z0-9]\w*$`,
		`^(?:\w[\w.]*)?\w$`,
		`ab?c{2,}|^x.z`,
	}
	corpus := patternCorpus(wordAlphabet+"bcxz", otherAlphabet, 3, "dzd_", "_")
	for _, pattern := range patterns {
		re, ref := regexp.MustCompile(pattern), compileRef(t, pattern)
		for _, s := range corpus {
			if !utf8.ValidString(s) {
				continue
			}
			if got, want := ref.Match(s), re.MatchString(s); got != want {
				t.Fatalf("%s on %q: reference %v, regexp %v", pattern, s, got, want)
			}
		}
	}
}

// TestLookAheadRewritesFromTheSpec checks the look-ahead patterns against
// the RE2 rewrites the spec gives, through the reference matcher.
func TestLookAheadRewritesFromTheSpec(t *testing.T) {
	t.Parallel()
	rewrites := map[string]string{
		`^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`: `^[A-Za-z]\w*$|^_\w*[A-Za-z0-9]\w*$`,
		`^(?!\.)[\w\.]*\w$`:                    `^(?:\w[\w.]*)?\w$`,
	}
	corpus := patternCorpus(wordAlphabet, otherAlphabet, 4, "_", ".")
	for original, rewrite := range rewrites {
		ref, re := compileRef(t, original), regexp.MustCompile(rewrite)
		for _, s := range corpus {
			if got, want := re.MatchString(s), ref.Match(s); got != want {
				t.Fatalf("%q: %s says %v, %s says %v", s, rewrite, got, original, want)
			}
		}
	}
}
