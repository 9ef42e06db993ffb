package datazone

import (
	"fmt"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/awssnap/awssnap/internal/validate"
)

// This file proves the pattern functions equal to the model's patterns.
// The reference is a small backtracking matcher that runs the patterns as
// written, look-ahead included, with ECMAScript semantics (what Smithy
// specifies): \w is [A-Za-z0-9_], $ matches only at the very end, and
// matching works on characters. It is itself checked against Go's regexp
// on the patterns RE2 accepts.

// node matches at position i of in and calls k with each end position,
// most greedy first, until k accepts.
type node interface {
	match(in []rune, i int, k func(int) bool) bool
}

type charNode func(rune) bool

func (n charNode) match(in []rune, i int, k func(int) bool) bool {
	return i < len(in) && n(in[i]) && k(i+1)
}

type assertNode func(in []rune, i int) bool

func (n assertNode) match(in []rune, i int, k func(int) bool) bool { return n(in, i) && k(i) }

type seqNode []node

func (s seqNode) match(in []rune, i int, k func(int) bool) bool {
	if len(s) == 0 {
		return k(i)
	}
	return s[0].match(in, i, func(j int) bool { return s[1:].match(in, j, k) })
}

type altNode []node

func (a altNode) match(in []rune, i int, k func(int) bool) bool {
	for _, n := range a {
		if n.match(in, i, k) {
			return true
		}
	}
	return false
}

type repeatNode struct {
	node     node
	min, max int // max < 0: unbounded
}

func (r repeatNode) match(in []rune, i int, k func(int) bool) bool { return r.from(in, i, 0, k) }

func (r repeatNode) from(in []rune, i, count int, k func(int) bool) bool {
	if (r.max < 0 || count < r.max) &&
		r.node.match(in, i, func(j int) bool { return j > i && r.from(in, j, count+1, k) }) {
		return true
	}
	return count >= r.min && k(i)
}

type lookNode struct {
	node   node
	negate bool
}

func (l lookNode) match(in []rune, i int, k func(int) bool) bool {
	found := l.node.match(in, i, func(int) bool { return true })
	return found != l.negate && k(i)
}

// refPattern is a pattern compiled for the reference matcher.
type refPattern struct{ root node }

// Match reports whether the pattern matches s anywhere.
func (p refPattern) Match(s string) bool {
	in := []rune(s)
	for start := 0; start <= len(in); start++ {
		if p.root.match(in, start, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

type refParser struct {
	src []rune
	pos int
}

func compileRef(t testing.TB, pattern string) refPattern {
	t.Helper()
	p := &refParser{src: []rune(pattern)}
	root, err := p.alternation()
	if err == nil && p.pos != len(p.src) {
		err = fmt.Errorf("unexpected %q at %d", p.src[p.pos], p.pos)
	}
	if err != nil {
		t.Fatalf("pattern %s: %v", pattern, err)
	}
	return refPattern{root}
}

func (p *refParser) peek(c rune) bool { return p.pos < len(p.src) && p.src[p.pos] == c }

func (p *refParser) alternation() (node, error) {
	var alts altNode
	for {
		seq, err := p.sequence()
		if err != nil {
			return nil, err
		}
		alts = append(alts, seq)
		if !p.peek('|') {
			return alts, nil
		}
		p.pos++
	}
}

func (p *refParser) sequence() (node, error) {
	var seq seqNode
	for p.pos < len(p.src) && !p.peek('|') && !p.peek(')') {
		atom, err := p.atom()
		if err != nil {
			return nil, err
		}
		seq = append(seq, p.quantifier(atom))
	}
	return seq, nil
}

func (p *refParser) quantifier(atom node) node {
	switch {
	case p.peek('*'):
		p.pos++
		return repeatNode{atom, 0, -1}
	case p.peek('+'):
		p.pos++
		return repeatNode{atom, 1, -1}
	case p.peek('?'):
		p.pos++
		return repeatNode{atom, 0, 1}
	case p.peek('{'):
		end := p.pos + strings.IndexRune(string(p.src[p.pos:]), '}')
		bounds := strings.Split(string(p.src[p.pos+1:end]), ",")
		p.pos = end + 1
		low, _ := strconv.Atoi(bounds[0])
		high := low
		if len(bounds) == 2 {
			high = -1
			if bounds[1] != "" {
				high, _ = strconv.Atoi(bounds[1])
			}
		}
		return repeatNode{atom, low, high}
	}
	return atom
}

func (p *refParser) atom() (node, error) {
	c := p.src[p.pos]
	p.pos++
	switch c {
	case '^':
		return assertNode(func(_ []rune, i int) bool { return i == 0 }), nil
	case '$':
		return assertNode(func(in []rune, i int) bool { return i == len(in) }), nil
	case '.':
		return charNode(func(r rune) bool { return r != '\n' && r != '\r' && r != '\u2028' && r != '\u2029' }), nil
	case '(':
		return p.group()
	case '[':
		return p.class()
	case '\\':
		return p.escape()
	}
	return literal(c), nil
}

func (p *refParser) group() (node, error) {
	look, negate := false, false
	switch rest := string(p.src[p.pos:]); {
	case strings.HasPrefix(rest, "?:"):
		p.pos += 2
	case strings.HasPrefix(rest, "?!"), strings.HasPrefix(rest, "?="):
		look, negate = true, rest[1] == '!'
		p.pos += 2
	}
	inner, err := p.alternation()
	if err != nil {
		return nil, err
	}
	if !p.peek(')') {
		return nil, fmt.Errorf("missing ) at %d", p.pos)
	}
	p.pos++
	if look {
		return lookNode{inner, negate}, nil
	}
	return inner, nil
}

func (p *refParser) escape() (charNode, error) {
	if p.pos >= len(p.src) {
		return nil, fmt.Errorf("trailing backslash")
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 'w':
		return isWordRune, nil
	case 'd':
		return func(r rune) bool { return '0' <= r && r <= '9' }, nil
	case 'x':
		v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+2]), 16, 8)
		p.pos += 2
		return literal(rune(v)), err
	}
	return literal(c), nil
}

func (p *refParser) class() (node, error) {
	negate := p.peek('^')
	if negate {
		p.pos++
	}
	var items []charNode
	for !p.peek(']') {
		if p.pos >= len(p.src) {
			return nil, fmt.Errorf("missing ]")
		}
		low, err := p.classAtom()
		if err != nil {
			return nil, err
		}
		if p.peek('-') && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' {
			p.pos++
			high, err := p.classAtom()
			if err != nil {
				return nil, err
			}
			lo, hi := singleRune(low), singleRune(high)
			items = append(items, func(r rune) bool { return lo <= r && r <= hi })
			continue
		}
		items = append(items, low)
	}
	p.pos++
	return charNode(func(r rune) bool {
		for _, item := range items {
			if item(r) {
				return !negate
			}
		}
		return negate
	}), nil
}

func (p *refParser) classAtom() (charNode, error) {
	c := p.src[p.pos]
	p.pos++
	if c == '\\' {
		return p.escape()
	}
	return literal(c), nil
}

// singleRune returns the one rune a literal class atom accepts.
func singleRune(n charNode) rune {
	for r := rune(0); r < 0x80; r++ {
		if n(r) {
			return r
		}
	}
	return -1
}

func literal(c rune) charNode { return func(r rune) bool { return r == c } }

func isWordRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
}

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
