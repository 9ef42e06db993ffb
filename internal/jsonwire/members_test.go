package jsonwire

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testMembers holds names of every length class of the in-place
// comparison (the closing quote in the first, second or third word, or
// too long to compare), names sharing a prefix, an empty name, names
// written only with escapes or non-ASCII bytes, and an alias.
var testMembers = NewMembers(
	"a", "abc", "abcdefg", "abcdefgh", "abcdefghijklmno", "abcdefghijklmnop",
	"abcdefghijklmnopqrstuvw", "abcdefghijklmnopqrstuvwx", "", `q"uote`, "back\\slash",
	"tab\there", "café", "Message", "message",
)

// walk reads the members of the object doc with MoreIn (in) or with More
// and a look-up of each name in the table, and returns, for each member,
// its index, name and the position after the name. The first member of
// the table is read as a string, so that a value of another type is an
// error (kept pending in the Classic style); the others are skipped.
func walk(doc string, style Style, m *Members, in bool) ([]string, error) {
	var r Reader
	r.Reset(doc)
	r.SetStyle(style)
	var trace []string
	it := r.Object()
	for {
		var member int
		if in {
			if !r.MoreIn(&it, m) {
				break
			}
			member = it.Member()
		} else {
			if !r.More(&it) {
				break
			}
			member = m.lookup(r.Key())
		}
		trace = append(trace, fmt.Sprintf("%d %q at %d", member, r.Key(), r.pos))
		if member == 0 {
			r.StringPtr()
		} else {
			r.Skip()
		}
	}
	return trace, r.Err()
}

// TestMoreInMatchesMore reads objects whose names MoreIn finds in place,
// by their hash, or not at all, and checks that it reads them as More
// does, with the index the table gives the name.
func TestMoreInMatchesMore(t *testing.T) {
	docs := []string{
		// In the table's order, compact and indented, with members left out.
		`{"a":"x","abc":1,"abcdefg":2,"abcdefgh":3,"abcdefghijklmno":4,"abcdefghijklmnop":5,"abcdefghijklmnopqrstuvw":6,"abcdefghijklmnopqrstuvwx":7,"":8}`,
		"{\n  \"a\" : \"x\",\n\t\"abcdefgh\":\r\n[1, 2],  \"\": {}\n}",
		`{"abc":1,"abcdefghijklmnop":2,"Message":"m"}`,
		// Out of order, repeated, unknown, and names that share a prefix
		// with a table name or are one of its names followed by more bytes.
		`{"Message":1,"a":"x","message":2,"a":"y","zzz":3,"ab":4,"abcd":5,"abcdefghi":6,"abcdefghijklmnopq":7,"abcdefghijklmnopqrstuvwxy":8}`,
		// Names only ever looked up: escaped, non-ASCII, with a quote or a
		// backslash or a tab, and a table name written with an escape.
		`{"q\"uote":1,"back\\slash":2,"tab\there":3,"café":4,"caf\u00e9":5,"\u0061":"x","abc\u0064efg":6}`,
		// Near the end of the document, where fewer than 27 bytes are left.
		`{"zz":0,"a":"x"}`, `{"a":"x","abc":1}`, `{"abcdefgh":1}`, `{"a":`, `{"a"`, `{"a`, `{"`, `{`,
		// Nulls, which the Schema style skips, and wrong types, which the
		// Classic style keeps pending until a later value replaces them.
		`{"a":null,"abc":null,"a":1,"abc":2}`, `{"a":1,"a":"x"}`, `{"a":1}`, `{"a":1,"abc":2}`,
		// Malformed.
		`{"a":"x",}`, `{"a":"x" "abc":1}`, `{"a" "x"}`, `{"a":"x"]`, `{,"a":"x"}`, `{"a":"x",,"abc":1}`,
		`{"abc":1 , "a":"x"}`, `{"zz":1,"a" :"x","abc" :1}`, `{"abcdefgh"  :  1}`, `{"abc":` + strings.Repeat(" ", 30) + `1}`,
		`null`, `[]`, `"a"`, `{}`, ` { } `,
	}
	for _, doc := range docs {
		// Once as it is and once followed by space, so that its last names
		// are not near the end.
		for _, doc := range []string{doc, doc + padding} {
			for _, style := range []Style{Schema, Classic} {
				if err := sameWalks(doc, style); err != nil {
					t.Error(err)
				}
			}
		}
	}
	// The walks above are not vacuous: in a table whose entries hold other
	// names than the ones they recognise, the names MoreIn found in place
	// show, in the order of the table (predicted) and out of it (hashed).
	tampered := NewMembers("a", "abc", "abcdefghijklmnop", "zzz")
	for i := range tampered.entries {
		tampered.entries[i].name = strings.ToUpper(tampered.entries[i].name)
	}
	for doc, want := range map[string][]string{
		`{"a":"x","abc":1,"abcdefghijklmnop":2}`: {`0 "A"`, `1 "ABC"`, `2 "ABCDEFGHIJKLMNOP"`},
		`{"abcdefghijklmnop":2,"abc":1,"a":"x"}`: {`2 "ABCDEFGHIJKLMNOP"`, `1 "ABC"`, `0 "A"`},
		`{"a\u0062c":1,"zz":2,"zzz":3}`:          {`-1 "abc"`, `-1 "zz"`, `3 "ZZZ"`},
	} {
		trace, err := walk(doc+padding, Schema, tampered, true)
		var got []string
		for _, member := range trace {
			got = append(got, member[:strings.LastIndex(member, " at ")])
		}
		if diff := cmp.Diff(want, got); diff != "" || err != nil {
			t.Errorf("%q: error %v, members (-want +got):\n%s", doc, err, diff)
		}
	}
}

// FuzzMoreInMatchesMore checks that MoreIn reads any document as More
// does, in both styles.
func FuzzMoreInMatchesMore(f *testing.F) {
	f.Add(`{"a":"x","abc":1,"abcdefgh":{"a":[1,2]},"abcdefghijklmnop":null,"zz":"café"}`)
	f.Add(`{"Message":1, "message" : "m","abcdefghijklmnopqrstuvwx":true,"":""}`)
	f.Add(`{"a":1,"a":"x","q\"uote":2}`)
	f.Fuzz(func(t *testing.T, doc string) {
		for _, doc := range []string{doc, doc + padding} {
			for _, style := range []Style{Schema, Classic} {
				if err := sameWalks(doc, style); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

// padding follows a document so that its last names are not near the end,
// where MoreIn leaves them to More.
var padding = strings.Repeat(" ", 30)

// sameWalks reports how MoreIn and More read doc differently, if they do.
func sameWalks(doc string, style Style) error {
	want, wantErr := walk(doc, style, testMembers, false)
	got, gotErr := walk(doc, style, testMembers, true)
	if diff := cmp.Diff(want, got); diff != "" {
		return fmt.Errorf("style %d, %q: members (-More +MoreIn):\n%s", style, doc, diff)
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		return fmt.Errorf("style %d, %q: MoreIn error %v, More error %v", style, doc, gotErr, wantErr)
	}
	return nil
}

// TestNewMembers checks the tables: every name has its index, names that
// cannot be compared in place are only looked up, and the hash table
// finds every name that can.
func TestNewMembers(t *testing.T) {
	for i := range testMembers.entries {
		e := &testMembers.entries[i]
		if got := testMembers.lookup(e.name); got != i {
			t.Errorf("lookup(%q) = %d, want %d", e.name, got, i)
		}
		inPlace := e.masks[0] != 0
		wantInPlace := len(e.name) < 24 && e.name != "" && !strings.ContainsAny(e.name, "\"\\\t") && e.name != "café"
		if inPlace != wantInPlace {
			t.Errorf("%q compared in place: %v, want %v", e.name, inPlace, wantInPlace)
		}
		if !inPlace {
			continue
		}
		// The name followed by its quote and enough bytes for the words.
		doc := `"` + e.name + `":` + strings.Repeat("1", 30)
		if got := testMembers.find(doc, 1); got != i {
			t.Errorf("find(%q) = %d, want %d", e.name, got, i)
		}
	}
	if got := testMembers.find(`"zz":`+strings.Repeat("1", 30), 1); got != -1 {
		t.Errorf("find of a name not in the table = %d, want -1", got)
	}
	if got := testMembers.lookup("zz"); got != -1 {
		t.Errorf("lookup of a name not in the table = %d, want -1", got)
	}
	// A table of more names than the hash table indexes: those past it
	// are looked up, and every name still has its own index.
	names := make([]string, 300)
	for i := range names {
		names[i] = fmt.Sprintf("m%d", i)
	}
	large := NewMembers(names...)
	if large.complete {
		t.Error("a table of 300 names is marked complete")
	}
	var r Reader
	r.Reset(`{"m299":1,"m5":2,"m254":3,"m255":4,"x":5}` + padding)
	var got []int
	it := r.Object()
	for r.MoreIn(&it, large) {
		got = append(got, it.Member())
		r.Skip()
	}
	if want := []int{299, 5, 254, 255, -1}; r.Err() != nil || !slices.Equal(got, want) {
		t.Errorf("indexes %v, error %v; want %v", got, r.Err(), want)
	}
}

// BenchmarkMembers reads an object whose members come in the order of
// the table, in the reverse order, and unknown to it.
func BenchmarkMembers(b *testing.B) {
	names := []string{"Name", "Status", "Source", "KmsKeyId", "ARN", "ClusterConfiguration", "DataTiering", "NodeType", "EngineVersion", "Port"}
	m := NewMembers(names...)
	object := func(names []string) string {
		var doc strings.Builder
		doc.WriteString("{")
		for i, n := range names {
			if i > 0 {
				doc.WriteString(",")
			}
			fmt.Fprintf(&doc, `"%s":%d`, n, i)
		}
		doc.WriteString("}")
		return doc.String()
	}
	reversed := make([]string, len(names))
	unknown := make([]string, len(names))
	for i, n := range names {
		reversed[len(names)-1-i] = n
		unknown[i] = n + "X"
	}
	for _, c := range []struct{ name, doc string }{
		{"order=model", object(names)}, {"order=reversed", object(reversed)}, {"order=unknown", object(unknown)},
	} {
		for _, in := range []bool{true, false} {
			how := "MoreIn"
			if !in {
				how = "More+switch"
			}
			b.Run(c.name+"/read="+how, func(b *testing.B) {
				var r Reader
				sum := 0
				for b.Loop() {
					r.Reset(c.doc)
					it := r.Object()
					for {
						if in {
							if !r.MoreIn(&it, m) {
								break
							}
							sum += it.Member()
						} else {
							if !r.More(&it) {
								break
							}
							sum += switchName(r.Key())
						}
						r.Skip()
					}
				}
				if r.Err() != nil || sum == 0 {
					b.Fatal(r.Err(), sum)
				}
			})
		}
	}
}

// switchName is the switch on the member name that decoders make without
// a table.
func switchName(name string) int {
	switch name {
	case "Name":
		return 0
	case "Status":
		return 1
	case "Source":
		return 2
	case "KmsKeyId":
		return 3
	case "ARN":
		return 4
	case "ClusterConfiguration":
		return 5
	case "DataTiering":
		return 6
	case "NodeType":
		return 7
	case "EngineVersion":
		return 8
	case "Port":
		return 9
	}
	return -1
}

// TestMembersLearnOrder reads objects whose members come in another order
// than the table's, and checks that each name that followed another is
// then the first guess after it, that an unknown member between two
// teaches nothing, and that the guesses are right on the next object in
// the same order.
func TestMembersLearnOrder(t *testing.T) {
	m := NewMembers("alpha", "beta", "gamma", "delta")
	nexts := func() []int32 {
		got := []int32{m.first.Load()}
		for i := range m.entries {
			got = append(got, m.entries[i].next.Load())
		}
		return got
	}
	// guesses reads doc and returns, for each member, whether MoreIn's
	// first guess for it was its name.
	guesses := func(doc string) []bool {
		var r Reader
		r.Reset(doc + padding)
		var hits []bool
		it := r.Object()
		for {
			guess := it.next
			if it.count == 0 {
				guess = int(m.first.Load())
			}
			if !r.MoreIn(&it, m) {
				break
			}
			hits = append(hits, guess == it.Member())
			r.Skip()
		}
		if r.Err() != nil {
			t.Fatalf("%s: %v", doc, r.Err())
		}
		return hits
	}
	steps := []struct {
		doc   string
		nexts []int32 // first, then next of alpha, beta, gamma, delta
		hits  []bool
	}{
		{`{"alpha":1,"beta":2,"gamma":3,"delta":4}`, []int32{0, 1, 2, 3, 4}, []bool{true, true, true, true}},
		{`{"delta":4,"gamma":3,"beta":2,"alpha":1}`, []int32{3, 1, 0, 1, 2}, []bool{false, false, false, false}},
		{`{"delta":4,"gamma":3,"beta":2,"alpha":1}`, []int32{3, 1, 0, 1, 2}, []bool{true, true, true, true}},
		// After an unknown name, beta is not learnt as gamma's follower.
		{`{"delta":4,"gamma":3,"other":0,"beta":2}`, []int32{3, 1, 0, 1, 2}, []bool{true, true, false, true}},
		{`{"gamma":3,"alpha":1}`, []int32{2, 1, 0, 0, 2}, []bool{false, false}},
	}
	for _, step := range steps {
		hits := guesses(step.doc)
		if !slices.Equal(hits, step.hits) {
			t.Errorf("%s: first guess right %v, want %v", step.doc, hits, step.hits)
		}
		if got := nexts(); !slices.Equal(got, step.nexts) {
			t.Errorf("after %s: guesses %v, want %v", step.doc, got, step.nexts)
		}
	}
}

// TestMembersLearnConcurrently reads objects in two orders from several
// goroutines at once, so that the guesses keep changing under each
// reader, and checks every result against More.
func TestMembersLearnConcurrently(t *testing.T) {
	docs := []string{
		`{"a":"x","abc":1,"abcdefg":2,"abcdefgh":3,"abcdefghijklmno":4,"Message":5,"message":6}` + padding,
		`{"message":6,"Message":5,"abcdefghijklmno":4,"abcdefgh":3,"abcdefg":2,"abc":1,"a":"x"}` + padding,
	}
	errs := make(chan error, 4)
	for g := range cap(errs) {
		go func() {
			for i := range 200 {
				if err := sameWalks(docs[(g+i)%len(docs)], Schema); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
