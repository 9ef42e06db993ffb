package validate

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

type violation struct{ Field, Rule string }

func violations(t *testing.T, err error) []violation {
	t.Helper()
	if err == nil {
		return nil
	}
	var params smithy.InvalidParamsError
	if !errors.As(err, &params) {
		t.Fatalf("error %T is not a smithy.InvalidParamsError", err)
	}
	var got []violation
	for _, e := range params.Errs() {
		var v *Violation
		if !errors.As(e, &v) {
			t.Fatalf("violation %T is not a *Violation", e)
		}
		got = append(got, violation{v.Field(), v.Rule})
	}
	return got
}

var (
	nameRule = &String{MinLen: 1, MaxLen: 3, HasMax: true, Pattern: MustPattern(`^[a-z]+$`)}
	secret   = &String{MaxLen: 4, HasMax: true, Pattern: MustPattern(`^[a-z]*$`), Sensitive: true}
	sizeRule = &Size{Min: 1, Max: 2, HasMax: true}
	colors   = &Enum{Values: []string{"RED", "GREEN"}}
	one      = 1.0
	rangeMin = &Range{Min: &one}
)

func ptr(s string) *string { return &s }

func TestCheckerCollectsEveryViolation(t *testing.T) {
	t.Parallel()
	c := New("ThingInput", Full)
	c.Required("Id", false)
	c.String("Name", ptr("abcd"), nameRule)
	c.String("Short", ptr(""), nameRule)
	c.String("Pattern", ptr("AB"), nameRule)
	c.Size("Tags", 3, true, sizeRule)
	c.EnumValue("Color", "BLUE", colors)
	c.Number("Count", 0, rangeMin)
	for i, tag := range []string{"ok", "TOOLONG"} {
		c.EnterIndex("Tags", i)
		c.String("Key", &tag, nameRule)
		c.Leave()
	}
	c.Enter("Config")
	c.EnterKey("Labels", "k")
	c.String("", ptr("X"), nameRule)
	c.Leave()
	c.Leave()
	want := []violation{
		{"ThingInput.Id", "required"},
		{"ThingInput.Name", "length"},
		{"ThingInput.Short", "length"},
		{"ThingInput.Short", "pattern"},
		{"ThingInput.Pattern", "pattern"},
		{"ThingInput.Tags", "size"},
		{"ThingInput.Color", "enum"},
		{"ThingInput.Count", "range"},
		{"ThingInput.Tags[1].Key", "length"},
		{"ThingInput.Tags[1].Key", "pattern"},
		{`ThingInput.Config.Labels["k"]`, "pattern"},
	}
	if diff := cmp.Diff(want, violations(t, c.Err())); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
}

func TestLengthCountsRunes(t *testing.T) {
	t.Parallel()
	rule := &String{MinLen: 2, MaxLen: 3, HasMax: true}
	for _, s := range []string{"éé", "雪雪雪", "😀😀"} {
		c := New("In", Full)
		c.String("S", &s, rule)
		if err := c.Err(); err != nil {
			t.Errorf("%q (%d bytes) rejected: %v", s, len(s), err)
		}
	}
	c := New("In", Full)
	c.String("S", ptr("😀😀😀😀"), rule)
	if got := violations(t, c.Err()); len(got) != 1 {
		t.Errorf("four runes accepted by max 3: %v", got)
	}
}

// TestLengthBounds checks the length rule at and around both bounds with
// strings of one-, two-, three- and four-byte characters and invalid bytes,
// against a count of the characters.
func TestLengthBounds(t *testing.T) {
	t.Parallel()
	for _, char := range []string{"a", "é", "雪", "😀", "\xff"} {
		for n := range 12 {
			s := strings.Repeat(char, n)
			for _, rule := range []*String{
				{MinLen: 1}, {MinLen: 3}, {MinLen: 5}, {MaxLen: 0, HasMax: true}, {MaxLen: 4, HasMax: true},
				{MinLen: 2, MaxLen: 8, HasMax: true}, {MinLen: 8, MaxLen: 8, HasMax: true},
			} {
				c := New("In", Full)
				c.String("S", &s, rule)
				want := n < rule.MinLen || rule.HasMax && n > rule.MaxLen
				if got := c.Err() != nil; got != want {
					t.Errorf("%d of %q against %+v: violation %v, want %v", n, char, *rule, got, want)
				}
			}
		}
	}
}

func TestModes(t *testing.T) {
	t.Parallel()
	run := func(mode Mode) []violation {
		c := New("In", mode)
		c.Required("Id", false)
		c.String("Name", ptr("TOO LONG"), nameRule)
		return violations(t, c.Err())
	}
	if got := run(Full); len(got) != 3 {
		t.Errorf("Full found %v", got)
	}
	if diff := cmp.Diff([]violation{{"In.Id", "required"}}, run(RequiredOnly)); diff != "" {
		t.Errorf("RequiredOnly (-want +got):\n%s", diff)
	}
	if got := run(Off); got != nil {
		t.Errorf("Off found %v", got)
	}
}

func TestMessages(t *testing.T) {
	t.Parallel()
	c := New("In", Full)
	c.Required("Id", false)
	c.String("Name", ptr("ABCD"), nameRule)
	c.String("Secret", ptr("HUNTER22"), secret)
	msg := c.Err().Error()
	for _, want := range []string{
		"5 validation error(s) found.",
		"missing required field, In.Id.",
		`In.Name: has length 4, more than the maximum 3`,
		`In.Name: value "ABCD" does not match the pattern ^[a-z]+$`,
		"In.Secret: value (sensitive, 8 characters) does not match",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "HUNTER22") {
		t.Errorf("message reveals a sensitive value:\n%s", msg)
	}
}

func TestPatternsAreNotAnchored(t *testing.T) {
	t.Parallel()
	p := MustPattern(`\S`)
	if !p.Match("  x  ") || p.Match("   ") {
		t.Error(`\S must match any string with a non-space character, anywhere`)
	}
}

func TestNoViolationsAllocatesNothing(t *testing.T) {
	name := "abc"
	allocs := testing.AllocsPerRun(100, func() {
		c := New("In", Full)
		c.Required("Id", true)
		c.String("Name", &name, nameRule)
		c.EnterIndex("Tags", 1)
		c.String("Key", &name, nameRule)
		c.Leave()
		if c.Err() != nil {
			t.Fatal("unexpected violation")
		}
	})
	if allocs != 0 {
		t.Errorf("a clean check allocated %v times", allocs)
	}
}

func TestSingleLine(t *testing.T) {
	t.Parallel()
	p := SingleLine(2, 3)
	if p.Source != "^.{2,3}$" {
		t.Errorf("Source = %q, want ^.{2,3}$", p.Source)
	}
	tests := []struct {
		in   string
		want bool
	}{
		{"ab", true}, {"é😀", true}, {"a\tb", true}, {"\u0085\u00a0", true},
		{"a", false}, {"abcd", false}, {"a\n", false}, {"a\r", false}, {"a\u2028", false}, {"a\u2029", false},
	}
	for _, tt := range tests {
		if got := p.Match(tt.in); got != tt.want {
			t.Errorf("Match(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
