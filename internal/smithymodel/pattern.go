package smithymodel

import (
	"fmt"
	"strconv"
	"strings"
)

// Pattern is a small backtracking matcher for the ECMA 262 patterns of
// Smithy's pattern trait, lookaheads included. It matches code points (like
// the u flag), is not implicitly anchored, and gives '.', \s and \S their
// ECMA meaning: '.' stops at the four line terminators and \s includes the
// Unicode spaces. It is the oracle the pattern tests trust; it is too slow
// for the request path, where the services use RE2 rewrites and
// hand-written look-ahead matchers checked against it.
type Pattern struct {
	source string
	root   reNode
}

type reNode interface {
	// match reports whether the node matches in at i with a continuation k
	// that accepts the rest.
	match(in []rune, i int, k func(int) bool) bool
}

// CompilePattern parses an ECMA 262 pattern as Smithy's pattern trait
// writes it.
func CompilePattern(source string) (*Pattern, error) {
	p := &reParser{src: []rune(source)}
	root, err := p.alternation()
	if err == nil && p.pos < len(p.src) {
		err = fmt.Errorf("unexpected %q at %d", p.src[p.pos], p.pos)
	}
	if err != nil {
		return nil, fmt.Errorf("pattern %s: %w", source, err)
	}
	return &Pattern{source: source, root: root}, nil
}

// MatchString reports whether s contains a match.
func (r *Pattern) MatchString(s string) bool {
	in := []rune(s)
	for i := 0; i <= len(in); i++ {
		if r.root.match(in, i, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

type (
	reSeq   []reNode
	reAlt   []reNode
	reClass func(rune) bool
	reBegin struct{}
	reEnd   struct{}
	reLook  struct {
		negative bool
		node     reNode
	}
	reRepeat struct {
		node     reNode
		min, max int // max < 0: unbounded
	}
)

func (s reSeq) match(in []rune, i int, k func(int) bool) bool {
	if len(s) == 0 {
		return k(i)
	}
	return s[0].match(in, i, func(j int) bool { return s[1:].match(in, j, k) })
}

func (a reAlt) match(in []rune, i int, k func(int) bool) bool {
	for _, n := range a {
		if n.match(in, i, k) {
			return true
		}
	}
	return false
}

func (c reClass) match(in []rune, i int, k func(int) bool) bool {
	return i < len(in) && c(in[i]) && k(i+1)
}

func (reBegin) match(_ []rune, i int, k func(int) bool) bool { return i == 0 && k(i) }

func (reEnd) match(in []rune, i int, k func(int) bool) bool { return i == len(in) && k(i) }

func (l reLook) match(in []rune, i int, k func(int) bool) bool {
	if l.node.match(in, i, func(int) bool { return true }) == l.negative {
		return false
	}
	return k(i)
}

func (r reRepeat) match(in []rune, i int, k func(int) bool) bool { return r.from(in, i, 0, k) }

// from tries one more iteration first (greedy), then the continuation.
func (r reRepeat) from(in []rune, i, count int, k func(int) bool) bool {
	if r.max < 0 || count < r.max {
		more := r.node.match(in, i, func(j int) bool {
			return (j != i || count < r.min) && r.from(in, j, count+1, k)
		})
		if more {
			return true
		}
	}
	return count >= r.min && k(i)
}

type reParser struct {
	src []rune
	pos int
}

func (p *reParser) more() bool { return p.pos < len(p.src) }

func (p *reParser) peek(r rune) bool { return p.more() && p.src[p.pos] == r }

func (p *reParser) alternation() (reNode, error) {
	var branches reAlt
	for {
		seq, err := p.sequence()
		if err != nil {
			return nil, err
		}
		branches = append(branches, seq)
		if !p.peek('|') {
			break
		}
		p.pos++
	}
	if len(branches) == 1 {
		return branches[0], nil
	}
	return branches, nil
}

func (p *reParser) sequence() (reNode, error) {
	var seq reSeq
	for p.more() && !p.peek('|') && !p.peek(')') {
		atom, err := p.atom()
		if err != nil {
			return nil, err
		}
		node, err := p.quantifier(atom)
		if err != nil {
			return nil, err
		}
		seq = append(seq, node)
	}
	return seq, nil
}

func (p *reParser) atom() (reNode, error) {
	c := p.src[p.pos]
	p.pos++
	switch c {
	case '^':
		return reBegin{}, nil
	case '$':
		return reEnd{}, nil
	case '.':
		return reClass(func(r rune) bool { return !isLineTerminator(r) }), nil
	case '(':
		return p.group()
	case '[':
		return p.class()
	case '\\':
		pred, err := p.escape()
		return reClass(pred), err
	case '*', '+', '?', '{', ')', ']', '}':
		return nil, fmt.Errorf("unexpected %q at %d", c, p.pos-1)
	}
	return reClass(func(r rune) bool { return r == c }), nil
}

func (p *reParser) group() (reNode, error) {
	look, negative := false, false
	if p.peek('?') {
		if p.pos+1 >= len(p.src) {
			return nil, fmt.Errorf("unterminated group")
		}
		switch p.src[p.pos+1] {
		case '!':
			look, negative = true, true
		case '=':
			look = true
		case ':':
		default:
			return nil, fmt.Errorf("unsupported group (?%c", p.src[p.pos+1])
		}
		p.pos += 2
	}
	inner, err := p.alternation()
	if err != nil {
		return nil, err
	}
	if !p.peek(')') {
		return nil, fmt.Errorf("missing )")
	}
	p.pos++
	if look {
		return reLook{negative: negative, node: inner}, nil
	}
	return inner, nil
}

func (p *reParser) class() (reNode, error) {
	negated := p.peek('^')
	if negated {
		p.pos++
	}
	var preds []func(rune) bool
	for first := true; p.more() && (first || !p.peek(']')); first = false {
		lo, loPred, err := p.classAtom()
		if err != nil {
			return nil, err
		}
		if loPred == nil && p.peek('-') && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' {
			p.pos++
			hi, hiPred, err := p.classAtom()
			if err != nil {
				return nil, err
			}
			if hiPred != nil || hi < lo {
				return nil, fmt.Errorf("bad range in class")
			}
			preds = append(preds, func(r rune) bool { return lo <= r && r <= hi })
			continue
		}
		if loPred == nil {
			preds = append(preds, func(r rune) bool { return r == lo })
		} else {
			preds = append(preds, loPred)
		}
	}
	if !p.peek(']') {
		return nil, fmt.Errorf("missing ]")
	}
	p.pos++
	return reClass(func(r rune) bool {
		for _, pred := range preds {
			if pred(r) {
				return !negated
			}
		}
		return negated
	}), nil
}

// classAtom reads one class member: a rune, or a predicate for \w and the
// like.
func (p *reParser) classAtom() (rune, func(rune) bool, error) {
	c := p.src[p.pos]
	p.pos++
	if c != '\\' {
		return c, nil, nil
	}
	if !p.more() {
		return 0, nil, fmt.Errorf("trailing backslash")
	}
	switch p.src[p.pos] {
	case 'w', 'W', 'd', 'D', 's', 'S':
		pred, err := p.escape()
		return 0, pred, err
	}
	r, err := p.escapedRune()
	return r, nil, err
}

// escape reads what follows a backslash outside a class.
func (p *reParser) escape() (func(rune) bool, error) {
	if !p.more() {
		return nil, fmt.Errorf("trailing backslash")
	}
	c := p.src[p.pos]
	not := func(f func(rune) bool) func(rune) bool { return func(r rune) bool { return !f(r) } }
	switch c {
	case 'w':
		p.pos++
		return isWord, nil
	case 'W':
		p.pos++
		return not(isWord), nil
	case 'd':
		p.pos++
		return isDigit, nil
	case 'D':
		p.pos++
		return not(isDigit), nil
	case 's':
		p.pos++
		return isECMASpace, nil
	case 'S':
		p.pos++
		return not(isECMASpace), nil
	}
	r, err := p.escapedRune()
	return func(x rune) bool { return x == r }, err
}

func (p *reParser) escapedRune() (rune, error) {
	c := p.src[p.pos]
	p.pos++
	hex := func(n int) (rune, error) {
		if p.pos+n > len(p.src) {
			return 0, fmt.Errorf("short escape")
		}
		v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+n]), 16, 32)
		p.pos += n
		return rune(v), err
	}
	switch c {
	case 'x':
		return hex(2)
	case 'u':
		return hex(4)
	case 't':
		return '\t', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 'f':
		return '\f', nil
	case 'v':
		return '\v', nil
	}
	if strings.ContainsRune(`\/^$.|?*+()[]{}-`, c) {
		return c, nil
	}
	return 0, fmt.Errorf("unsupported escape \\%c", c)
}

func (p *reParser) quantifier(atom reNode) (reNode, error) {
	if !p.more() {
		return atom, nil
	}
	min, max := -1, -1
	switch p.src[p.pos] {
	case '*':
		min, max = 0, -1
		p.pos++
	case '+':
		min, max = 1, -1
		p.pos++
	case '?':
		min, max = 0, 1
		p.pos++
	case '{':
		end := p.pos
		for end < len(p.src) && p.src[end] != '}' {
			end++
		}
		if end == len(p.src) {
			return nil, fmt.Errorf("unterminated {")
		}
		body := string(p.src[p.pos+1 : end])
		p.pos = end + 1
		lo, hi, hasComma := strings.Cut(body, ",")
		var err error
		if min, err = strconv.Atoi(lo); err != nil {
			return nil, fmt.Errorf("bad quantifier {%s}", body)
		}
		switch {
		case !hasComma:
			max = min
		case hi == "":
			max = -1
		default:
			if max, err = strconv.Atoi(hi); err != nil {
				return nil, fmt.Errorf("bad quantifier {%s}", body)
			}
		}
	default:
		return atom, nil
	}
	if p.peek('?') {
		return nil, fmt.Errorf("lazy quantifiers are not supported")
	}
	return reRepeat{node: atom, min: min, max: max}, nil
}

func isWord(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isLineTerminator(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

// isECMASpace is ECMA 262's WhiteSpace and LineTerminator.
func isECMASpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return '\u2000' <= r && r <= '\u200a'
}

// DiffersFromRE2 reports whether s holds a rune on which ECMA 262 and Go's
// RE2 syntax disagree ('.' and \s), so RE2 cannot cross-check the verdict.
func DiffersFromRE2(s string) bool {
	for _, r := range s {
		if r != '\t' && r != '\n' && r != '\f' && r != ' ' && (isECMASpace(r) || isLineTerminator(r)) {
			return true
		}
	}
	return false
}

// String returns the pattern as written in the model.
func (r *Pattern) String() string { return r.source }
