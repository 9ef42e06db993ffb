package redact_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/redact"
)

// plain has no Format method: fmt prints it as a struct.
type plain struct {
	Name   *string
	Tags   []string
	Count  int
	When   time.Time
	Nested inner
	hidden int
}

// secret has the same fields and a Format method that redacts nothing.
type secret plain

func (s secret) Format(f fmt.State, verb rune) { redact.Format(f, verb, s) }

// named redacts Name and Nested.
type named plain

func (n named) Format(f fmt.State, verb rune) { redact.Format(f, verb, n, "Name", "Nested") }

type inner struct{ Value string }

func sample() plain {
	name := "alice"
	return plain{Name: &name, Tags: []string{"a", "b"}, Count: 42, When: time.Unix(0, 0).UTC(), Nested: inner{"v"}, hidden: 7}
}

// TestFormatMatchesFmt checks that, with nothing to redact, Format prints
// exactly what fmt prints for the same struct, for every verb and flag.
func TestFormatMatchesFmt(t *testing.T) {
	t.Parallel()
	value := sample()
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q", "%10v", "%-8.2v", "% x"} {
		want := fmt.Sprintf(verb, value)
		want = strings.Replace(want, "redact_test.plain", "redact_test.secret", 1)
		if diff := cmp.Diff(want, fmt.Sprintf(verb, secret(value))); diff != "" {
			t.Errorf("%s (-fmt +Format):\n%s", verb, diff)
		}
	}
}

func TestFormatRedactsNamedFields(t *testing.T) {
	t.Parallel()
	value := named(sample())
	tests := map[string]string{
		"%v":  "{" + redact.Placeholder + " [a b] 42 1970-01-01 00:00:00 +0000 UTC " + redact.Placeholder + " 7}",
		"%+v": "{Name:" + redact.Placeholder + " Tags:[a b] Count:42 When:1970-01-01 00:00:00 +0000 UTC Nested:" + redact.Placeholder + " hidden:7}",
	}
	for verb, want := range tests {
		if got := fmt.Sprintf(verb, value); got != want {
			t.Errorf("%s:\n got %s\nwant %s", verb, got, want)
		}
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		got := fmt.Sprintf(verb, value) + fmt.Sprintf(verb, &value) + fmt.Sprintf(verb, []named{value})
		if strings.Contains(got, "alice") || strings.Contains(got, "616c696365") || strings.Contains(got, "616C696365") {
			t.Errorf("%s shows the name: %s", verb, got)
		}
	}
}

func TestFormatOfANonStruct(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	fmt.Fprintf(&b, "%v", formatter{"x"})
	if b.String() != redact.Placeholder {
		t.Errorf("got %q", b.String())
	}
}

type formatter [1]string

func (v formatter) Format(f fmt.State, verb rune) { redact.Format(f, verb, v) }

// logged has a LogValue method that redacts Name.
type logged struct {
	Name    *string
	Count   *int32
	Missing *string
	When    *time.Time
	Tags    []string
	Items   []item
	Empty   []item
	Inner   *inner
	Kind    kind
	ByName  map[string]item
	private string
}

type kind string

type item struct{ Secret, Public string }

func (i item) LogValue() slog.Value { return redact.LogValue(i, "Secret") }

func (l logged) LogValue() slog.Value { return redact.LogValue(l, "Name") }

func TestLogValue(t *testing.T) {
	t.Parallel()
	name, count, when := "alice", int32(3), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	value := logged{
		Name: &name, Count: &count, When: &when, Tags: []string{"a"},
		Items: []item{{"s1", "p1"}, {"s2", "p2"}}, Empty: []item{}, Inner: &inner{"v"}, Kind: "K", private: "p",
		ByName: map[string]item{"b": {"s4", "p4"}, "a": {"s3", "p3"}},
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "v", value)
	var entry struct {
		V map[string]any `json:"v"`
	}
	if err := json.Unmarshal(buf.Bytes(), &entry); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"Name": redact.Placeholder, "Count": 3.0, "When": "2026-01-02T03:04:05Z", "Tags": []any{"a"},
		"Items": map[string]any{
			"0": map[string]any{"Secret": redact.Placeholder, "Public": "p1"},
			"1": map[string]any{"Secret": redact.Placeholder, "Public": "p2"},
		},
		// Missing (nil) and private are left out; so is Empty, an empty
		// group, by the handlers.
		"Inner": map[string]any{"Value": "v"}, "Kind": "K",
		"ByName": map[string]any{
			"a": map[string]any{"Secret": redact.Placeholder, "Public": "p3"},
			"b": map[string]any{"Secret": redact.Placeholder, "Public": "p4"},
		},
	}
	if diff := cmp.Diff(want, entry.V); diff != "" {
		t.Errorf("logged value (-want +got):\n%s", diff)
	}
	var text bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("m", "v", &value)
	if strings.Contains(text.String(), "alice") || strings.Contains(text.String(), "s1") {
		t.Errorf("text log shows a sensitive value: %s", text.String())
	}
}

func TestLogValueOfANonStruct(t *testing.T) {
	t.Parallel()
	if got := redact.LogValue("x"); got.String() != "x" {
		t.Errorf("got %v", got)
	}
}

// jsonItem redacts Secret in encoding/json.
type jsonItem struct {
	Secret *string
	Public string
	Nested []jsonItem
	When   time.Time
	hidden int
}

func (i jsonItem) MarshalJSON() ([]byte, error) { return redact.JSON(i, "Secret") }

// TestJSON checks that JSON writes what encoding/json writes for the plain
// struct, with the set sensitive fields, at every depth, replaced by the
// placeholder.
func TestJSON(t *testing.T) {
	t.Parallel()
	secret := "s<&>"
	value := jsonItem{Secret: &secret, Public: "p<&>", When: time.Unix(0, 0).UTC(), hidden: 1,
		Nested: []jsonItem{{Public: "n"}, {Secret: &secret}}}
	got, err := json.Marshal(map[string]any{"v": value})
	if err != nil {
		t.Fatal(err)
	}
	type plain jsonItem
	placeholder, _ := json.Marshal(redact.Placeholder)
	nested, _ := json.Marshal([]plain{{Public: "n"}, {Secret: &secret}})
	nested = bytes.Replace(nested, []byte(`"Secret":"s\u003c\u0026\u003e"`), []byte(`"Secret":`+string(placeholder)), 1)
	want, _ := json.Marshal(map[string]any{"v": plain{Secret: nil, Public: "p<&>", When: value.When}})
	want = bytes.Replace(want, []byte(`"Secret":null`), []byte(`"Secret":`+string(placeholder)), 1)
	want = bytes.Replace(want, []byte(`"Nested":null`), []byte(`"Nested":`+string(nested)), 1)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	if got, _ := redact.JSON("x"); string(got) != string(placeholder) {
		t.Errorf("a non-struct is %s, want the placeholder", got)
	}
}
