package validate

import "regexp/syntax"

// simplePattern is a pattern anchored at both ends that is a sequence of
// ASCII character classes and literals, each taken a fixed or a bounded
// number of times, where a class taken a variable number of times is
// followed by the end or by a class that shares no character with it and
// is taken at least once. Such a pattern matches in one left-to-right pass:
// each class takes the longest run it can, which is the only run any match
// can give it. Most model patterns are of this kind (^g-[a-z0-9]{10}$,
// ^[A-Za-z0-9._-]+$), and matching them this way costs a fraction of the
// regexp engine's time.
type simplePattern []atom

// atom is one class with how many times it is taken; max < 0 means no
// upper bound.
type atom struct {
	set      [2]uint64 // bit c: ASCII character c is in the class
	min, max int
}

func (a *atom) has(c byte) bool { return c < 128 && a.set[c/64]&(1<<(c%64)) != 0 }

func (a *atom) disjoint(b *atom) bool { return a.set[0]&b.set[0] == 0 && a.set[1]&b.set[1] == 0 }

// compileSimple returns the one-pass form of source, or false when the
// pattern is not of that kind and needs the regexp engine.
func compileSimple(source string) (simplePattern, bool) {
	re, err := syntax.Parse(source, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 2 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[len(re.Sub)-1].Op != syntax.OpEndText {
		return nil, false
	}
	var p simplePattern
	for _, sub := range re.Sub[1 : len(re.Sub)-1] {
		min, max := 1, 1
		switch sub.Op {
		case syntax.OpStar:
			min, max = 0, -1
		case syntax.OpPlus:
			min, max = 1, -1
		case syntax.OpQuest:
			min, max = 0, 1
		case syntax.OpRepeat:
			min, max = sub.Min, sub.Max
		case syntax.OpLiteral:
			if sub.Flags&syntax.FoldCase != 0 {
				return nil, false
			}
			for _, r := range sub.Rune {
				a, ok := classAtom([]rune{r, r})
				if !ok {
					return nil, false
				}
				p = append(p, a)
			}
			continue
		}
		if min != 1 || max != 1 || sub.Op == syntax.OpRepeat {
			if len(sub.Sub) != 1 {
				return nil, false
			}
			sub = sub.Sub[0]
		}
		var a atom
		var ok bool
		switch {
		case sub.Op == syntax.OpCharClass:
			a, ok = classAtom(sub.Rune)
		case sub.Op == syntax.OpLiteral && len(sub.Rune) == 1 && sub.Flags&syntax.FoldCase == 0:
			a, ok = classAtom([]rune{sub.Rune[0], sub.Rune[0]})
		}
		if !ok {
			return nil, false
		}
		a.min, a.max = min, max
		p = append(p, a)
	}
	for i := range p {
		if p[i].min == p[i].max || i == len(p)-1 {
			continue
		}
		if next := &p[i+1]; next.min < 1 || !p[i].disjoint(next) {
			return nil, false
		}
	}
	return p, true
}

// classAtom makes an atom taken once of the class given as rune ranges,
// which must all be ASCII.
func classAtom(ranges []rune) (atom, bool) {
	a := atom{min: 1, max: 1}
	if len(ranges) == 0 {
		return a, false
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if lo < 0 || hi >= 128 || lo > hi {
			return a, false
		}
		for c := lo; c <= hi; c++ {
			a.set[c/64] |= 1 << (c % 64)
		}
	}
	return a, true
}

func (p simplePattern) match(s string) bool {
	i := 0
	for k := range p {
		a := &p[k]
		n := 0
		for (a.max < 0 || n < a.max) && i < len(s) && a.has(s[i]) {
			i++
			n++
		}
		if n < a.min {
			return false
		}
	}
	return i == len(s)
}

// Run is one step of a pattern compiled ahead of time: a class of ASCII
// characters, written as the first and last character of each of its
// ranges ("az09" is [a-z0-9]), taken from Min to Max times in a row (Max
// < 0: no upper bound).
type Run struct {
	Ranges   string
	Min, Max int
}

// SimplePattern declares a model pattern with the runs CompileSimple made
// of it when the service package was generated, so that a program
// compiles and links no regular expression for it.
func SimplePattern(source string, runs ...Run) *Pattern {
	p := make(simplePattern, len(runs))
	for i, r := range runs {
		p[i] = atom{min: r.Min, max: r.Max}
		for k := 0; k+1 < len(r.Ranges); k += 2 {
			for c := r.Ranges[k]; c <= r.Ranges[k+1] && c < 128; c++ {
				p[i].set[c/64] |= 1 << (c % 64)
			}
		}
	}
	return &Pattern{Source: source, match: p.match}
}

// CompileSimple returns the runs of source for SimplePattern, or false
// when the pattern is not a sequence of ASCII classes that one pass
// matches (see simplePattern) and needs MustPattern.
func CompileSimple(source string) ([]Run, bool) {
	p, ok := compileSimple(source)
	if !ok {
		return nil, false
	}
	runs := make([]Run, len(p))
	for i := range p {
		a := &p[i]
		var ranges []byte
		for c := 0; c < 128; c++ {
			if !a.has(byte(c)) || (c > 0 && a.has(byte(c-1))) {
				continue
			}
			last := c
			for last+1 < 128 && a.has(byte(last+1)) {
				last++
			}
			ranges = append(ranges, byte(c), byte(last))
		}
		runs[i] = Run{Ranges: string(ranges), Min: a.min, Max: a.max}
	}
	return runs, true
}
