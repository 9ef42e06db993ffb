package kit

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aws/smithy-go/middleware"

	"github.com/awssnap/awssnap/internal/testutil"
)

// DropInvocationID is an APIOptions entry for the official clients that
// removes the random amz-sdk-invocation-id header before signing, so that
// their requests are reproducible at a fixed signing time.
func DropInvocationID(stack *middleware.Stack) error {
	_, err := stack.Build.Remove("ClientRequestID")
	return err
}

// RequestView is what the wire comparison looks at in a captured request.
type RequestView struct {
	Method        string
	Path          string
	Host          string
	ContentType   string
	Target        string
	Accept        string // rpcv2Cbor sends Accept and Smithy-Protocol
	SmithyProto   string
	ContentLength string
	Date          string
	SDKRequest    string
	Scope         string
	SignedHeaders string
	Signature     string
	Body          string
}

// ViewRequest returns the RequestView of r, with amz-sdk-invocation-id
// dropped from the signed-header list.
func ViewRequest(r testutil.Request) RequestView {
	v := RequestView{
		Method:        r.Method,
		Path:          r.Path,
		Host:          r.Host,
		ContentType:   r.Header.Get("Content-Type"),
		Target:        r.Header.Get("X-Amz-Target"),
		Accept:        r.Header.Get("Accept"),
		SmithyProto:   r.Header.Get("Smithy-Protocol"),
		ContentLength: r.Header.Get("Content-Length"),
		Date:          r.Header.Get("X-Amz-Date"),
		SDKRequest:    r.Header.Get("Amz-Sdk-Request"),
		Body:          r.Body,
	}
	auth := strings.TrimPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ")
	for _, part := range strings.Split(auth, ", ") {
		name, value, _ := strings.Cut(part, "=")
		switch name {
		case "Credential":
			v.Scope = value
		case "SignedHeaders":
			headers := slices.DeleteFunc(strings.Split(value, ";"), func(h string) bool { return h == "amz-sdk-invocation-id" })
			v.SignedHeaders = strings.Join(headers, ";")
		case "Signature":
			v.Signature = value
		}
	}
	return v
}

// HasInvocationID reports whether r carries amz-sdk-invocation-id.
func HasInvocationID(r testutil.Request) bool {
	return r.Header.Get("Amz-Sdk-Invocation-Id") != "" || strings.Contains(r.Header.Get("Authorization"), "amz-sdk-invocation-id")
}

// Header is a shorthand for building an http.Header from name, value pairs.
func Header(pairs ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(pairs); i += 2 {
		h.Set(pairs[i], pairs[i+1])
	}
	return h
}

// CompareJSON compares two JSON documents byte for byte, except that the
// members of the objects at the given paths (maps, which the official
// client writes in random order) compare as sets; in ours those members
// must be sorted by the strings their names stand for (see replaced for
// names written from invalid UTF-8). A path is a list of member names, "*" matching
// any member or array index. Scalars compare as raw text, so escapes must
// match.
func CompareJSON(ours, official string, unordered ...[]string) error {
	o, err := parseJSON(ours)
	if err != nil {
		return fmt.Errorf("ours: %w", err)
	}
	f, err := parseJSON(official)
	if err != nil {
		return fmt.Errorf("official: %w", err)
	}
	return compareNodes(o, f, nil, unordered)
}

type jsonNode struct {
	kind byte // '{', '[', or 's' for a scalar
	raw  string
	keys []string
	kids []*jsonNode
}

func compareNodes(o, f *jsonNode, path []string, unordered [][]string) error {
	at := "/" + strings.Join(path, "/")
	if o.kind != f.kind || o.raw != f.raw || len(o.kids) != len(f.kids) {
		return fmt.Errorf("at %s: ours %s, official %s", at, o.render(), f.render())
	}
	switch o.kind {
	case '[':
		for i := range o.kids {
			if err := compareNodes(o.kids[i], f.kids[i], append(path, fmt.Sprint(i)), unordered); err != nil {
				return err
			}
		}
	case '{':
		if !matchesAny(path, unordered) {
			if !slices.Equal(o.keys, f.keys) {
				return fmt.Errorf("at %s: member order ours %v, official %v", at, o.keys, f.keys)
			}
			for i, key := range o.keys {
				if err := compareNodes(o.kids[i], f.kids[i], append(path, key), unordered); err != nil {
					return err
				}
			}
			return nil
		}
		if !slices.IsSortedFunc(o.keys, compareKeys) && !slices.ContainsFunc(o.keys, replaced) {
			return fmt.Errorf("at %s: our map keys are not sorted: %v", at, o.keys)
		}
		if !slices.Equal(slices.Sorted(slices.Values(o.keys)), slices.Sorted(slices.Values(f.keys))) {
			return fmt.Errorf("at %s: members ours %v, official %v", at, o.keys, f.keys)
		}
		// Each of our members pairs with an equal official one of the same
		// name; two names may read the same (see replaced).
		used := make([]bool, len(f.keys))
		for i, key := range o.keys {
			var err error
			for fi, fkey := range f.keys {
				if used[fi] || fkey != key {
					continue
				}
				if err = compareNodes(o.kids[i], f.kids[fi], append(path, key), unordered); err == nil {
					used[fi] = true
					break
				}
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// compareKeys orders two member names, as written in JSON, by the
// strings they stand for: our encoder sorts a map's keys before escaping
// them.
func compareKeys(a, b string) int {
	var x, y string
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return strings.Compare(a, b)
	}
	return strings.Compare(x, y)
}

// replaced reports whether a member name holds U+FFFD, which the encoders
// write for invalid UTF-8: the bytes our encoder sorted by are not in the
// body, so the order of such names is not checked.
func replaced(key string) bool {
	var s string
	return json.Unmarshal([]byte(key), &s) == nil && strings.ContainsRune(s, utf8.RuneError)
}

func matchesAny(path []string, patterns [][]string) bool {
	for _, p := range patterns {
		if len(p) != len(path) {
			continue
		}
		match := true
		for i := range p {
			if p[i] != "*" && p[i] != strings.Trim(path[i], `"`) {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func (n *jsonNode) render() string {
	switch n.kind {
	case '{':
		return fmt.Sprintf("object with keys %v", n.keys)
	case '[':
		return fmt.Sprintf("array of %d", len(n.kids))
	}
	return n.raw
}

// parseJSON parses a JSON document keeping member order and the raw text
// of scalars and keys.
func parseJSON(s string) (*jsonNode, error) {
	p := &jsonParser{s: s}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("trailing data at %d", p.i)
	}
	return n, nil
}

type jsonParser struct {
	s string
	i int
}

func (p *jsonParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *jsonParser) value() (*jsonNode, error) {
	p.space()
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("unexpected end")
	}
	switch p.s[p.i] {
	case '{':
		return p.container('{', '}')
	case '[':
		return p.container('[', ']')
	case '"':
		raw, err := p.str()
		return &jsonNode{kind: 's', raw: raw}, err
	}
	start := p.i
	for p.i < len(p.s) && strings.IndexByte(",]} \t\r\n", p.s[p.i]) < 0 {
		p.i++
	}
	return &jsonNode{kind: 's', raw: p.s[start:p.i]}, nil
}

func (p *jsonParser) str() (string, error) {
	start := p.i
	for p.i++; p.i < len(p.s); p.i++ {
		switch p.s[p.i] {
		case '\\':
			p.i++
		case '"':
			p.i++
			return p.s[start:p.i], nil
		}
	}
	return "", fmt.Errorf("unterminated string at %d", start)
}

func (p *jsonParser) container(open, end byte) (*jsonNode, error) {
	n := &jsonNode{kind: open}
	p.i++
	for first := true; ; first = false {
		p.space()
		if p.i < len(p.s) && p.s[p.i] == end {
			p.i++
			return n, nil
		}
		if !first {
			if p.i >= len(p.s) || p.s[p.i] != ',' {
				return nil, fmt.Errorf("expected , at %d", p.i)
			}
			p.i++
			p.space()
		}
		if open == '{' {
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return nil, fmt.Errorf("expected key at %d", p.i)
			}
			key, err := p.str()
			if err != nil {
				return nil, err
			}
			p.space()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return nil, fmt.Errorf("expected : at %d", p.i)
			}
			p.i++
			n.keys = append(n.keys, key)
		}
		kid, err := p.value()
		if err != nil {
			return nil, err
		}
		n.kids = append(n.kids, kid)
	}
}
