package neptunegraph

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// This file proves the pattern matchers equal to the model's patterns by
// comparing them, over generated strings, with a small backtracking
// matcher that reads the patterns as ECMA-262 does (look-ahead included).

// refNode is a node of a parsed pattern. match calls k with every position
// where the node can end when it starts at i, until k returns true.
type refNode interface {
	match(s []rune, i int, k func(int) bool) bool
}

type refLiteral rune

func (n refLiteral) match(s []rune, i int, k func(int) bool) bool {
	return i < len(s) && s[i] == rune(n) && k(i+1)
}

type refClass struct {
	ranges [][2]rune
	negate bool
}

func (n refClass) match(s []rune, i int, k func(int) bool) bool {
	if i >= len(s) {
		return false
	}
	in := false
	for _, r := range n.ranges {
		in = in || r[0] <= s[i] && s[i] <= r[1]
	}
	return in != n.negate && k(i+1)
}

type refStart struct{}

func (refStart) match(_ []rune, i int, k func(int) bool) bool { return i == 0 && k(i) }

type refEnd struct{}

func (refEnd) match(s []rune, i int, k func(int) bool) bool { return i == len(s) && k(i) }

type refSeq []refNode

func (n refSeq) match(s []rune, i int, k func(int) bool) bool {
	if len(n) == 0 {
		return k(i)
	}
	return n[0].match(s, i, func(j int) bool { return n[1:].match(s, j, k) })
}

type refAlt []refNode

func (n refAlt) match(s []rune, i int, k func(int) bool) bool {
	for _, branch := range n {
		if branch.match(s, i, k) {
			return true
		}
	}
	return false
}

// refLookahead is (?=...) or, negated, (?!...): it tests without consuming.
type refLookahead struct {
	body   refNode
	negate bool
}

func (n refLookahead) match(s []rune, i int, k func(int) bool) bool {
	found := n.body.match(s, i, func(int) bool { return true })
	return found != n.negate && k(i)
}

// refRepeat is a greedy quantifier; max < 0 means no bound.
type refRepeat struct {
	body     refNode
	min, max int
}

func (n refRepeat) match(s []rune, i int, k func(int) bool) bool {
	return n.from(s, i, 0, k)
}

func (n refRepeat) from(s []rune, i, count int, k func(int) bool) bool {
	if n.max < 0 || count < n.max {
		more := n.body.match(s, i, func(j int) bool {
			return j != i && n.from(s, j, count+1, k) // an empty iteration ends the loop
		})
		if more {
			return true
		}
	}
	return count >= n.min && k(i)
}

// refParser parses the pattern syntax the model uses: anchors, literals,
// escapes, classes with ranges, groups, look-ahead, alternation and the
// quantifiers * + ? {n} {n,} {n,m}.
type refParser struct {
	src []rune
	pos int
}

func parseRef(t *testing.T, pattern string) refNode {
	t.Helper()
	p := &refParser{src: []rune(pattern)}
	n := p.alt()
	if p.pos != len(p.src) {
		t.Fatalf("pattern %s: unexpected %q at %d", pattern, p.src[p.pos], p.pos)
	}
	return n
}

func (p *refParser) peek(s string) bool { return strings.HasPrefix(string(p.src[p.pos:]), s) }

func (p *refParser) alt() refNode {
	branches := refAlt{p.seq()}
	for p.peek("|") {
		p.pos++
		branches = append(branches, p.seq())
	}
	if len(branches) == 1 {
		return branches[0]
	}
	return branches
}

func (p *refParser) seq() refNode {
	var seq refSeq
	for p.pos < len(p.src) && !p.peek("|") && !p.peek(")") {
		seq = append(seq, p.quantified(p.atom()))
	}
	return seq
}

func (p *refParser) atom() refNode {
	c := p.src[p.pos]
	p.pos++
	switch c {
	case '^':
		return refStart{}
	case '$':
		return refEnd{}
	case '[':
		return p.class()
	case '\\':
		p.pos++
		return refLiteral(p.src[p.pos-1])
	case '(':
		var n refNode
		switch {
		case p.peek("?!"), p.peek("?="):
			negate := p.src[p.pos+1] == '!'
			p.pos += 2
			n = refLookahead{body: p.alt(), negate: negate}
		default:
			n = p.alt()
		}
		p.pos++ // ')'
		return n
	}
	return refLiteral(c)
}

func (p *refParser) class() refNode {
	var n refClass
	if p.peek("^") {
		n.negate = true
		p.pos++
	}
	for !p.peek("]") {
		lo := p.classChar()
		hi := lo
		if p.peek("-") && !p.peek("-]") {
			p.pos++
			hi = p.classChar()
		}
		n.ranges = append(n.ranges, [2]rune{lo, hi})
	}
	p.pos++ // ']'
	return n
}

func (p *refParser) classChar() rune {
	if p.peek("\\") {
		p.pos++
	}
	p.pos++
	return p.src[p.pos-1]
}

func (p *refParser) quantified(n refNode) refNode {
	switch {
	case p.peek("*"):
		p.pos++
		return refRepeat{n, 0, -1}
	case p.peek("+"):
		p.pos++
		return refRepeat{n, 1, -1}
	case p.peek("?"):
		p.pos++
		return refRepeat{n, 0, 1}
	case p.peek("{"):
		end := p.pos
		for p.src[end] != '}' {
			end++
		}
		bounds := strings.Split(string(p.src[p.pos+1:end]), ",")
		p.pos = end + 1
		lo, _ := strconv.Atoi(bounds[0])
		hi := lo
		if len(bounds) == 2 {
			hi = -1
			if bounds[1] != "" {
				hi, _ = strconv.Atoi(bounds[1])
			}
		}
		return refRepeat{n, lo, hi}
	}
	return n
}

// refMatch reports whether the pattern matches anywhere in s, as Smithy
// patterns are not implicitly anchored.
func refMatch(n refNode, s string) bool {
	runes := []rune(s)
	for i := 0; i <= len(runes); i++ {
		if n.match(runes, i, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

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
