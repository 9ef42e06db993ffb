package neptunegraph_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/neptunegraph"
)

// nTags returns n valid tags.
func nTags(n int) map[string]string {
	tags := make(map[string]string, n)
	for i := 0; i < n; i++ {
		tags["key"+strconv.Itoa(i)] = "value"
	}
	return tags
}

// tagPath is the violation path of the tag with the given key.
func tagPath(key string) string {
	if runes := []rune(key); len(runes) > 64 {
		key = string(runes[:64]) + "…"
	}
	return "Tags[" + strconv.Quote(key) + "]"
}

func TestValidationRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edit  func(in *neptunegraph.CreateGraphSnapshotInput)
		wants []violation
	}{
		// GraphIdentifier: required, ^g-[a-z0-9]{10}$
		{"graph identifier missing", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = nil },
			[]violation{{"GraphIdentifier", "required"}}},
		{"graph identifier empty", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier 9 characters", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("g-abcde1234") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier 11 characters", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("g-abcde123456") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier upper case", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("g-ABCDE12345") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier prefix G", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("G-abcde12345") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier snapshot id", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("gs-abcde12345") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier leading text", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("xg-abcde12345") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier trailing newline", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("g-abcde12345\n") },
			[]violation{{"GraphIdentifier", "pattern"}}},
		{"graph identifier as an ARN", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.GraphIdentifier = aws.String("arn:aws:neptune-graph:us-east-1:111122223333:graph/g-abcde12345")
		}, []violation{{"GraphIdentifier", "pattern"}}},

		// SnapshotName: required, length 1..63, ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
		{"snapshot name missing", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = nil },
			[]violation{{"SnapshotName", "required"}}},
		{"snapshot name empty", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("") },
			[]violation{{"SnapshotName", "length"}, {"SnapshotName", "pattern"}}},
		{"snapshot name 64 characters", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String(strings.Repeat("a", 64)) },
			[]violation{{"SnapshotName", "length"}}},
		{"snapshot name 64 characters starting gs-", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.SnapshotName = aws.String("gs-" + strings.Repeat("a", 61))
		}, []violation{{"SnapshotName", "length"}, {"SnapshotName", "pattern"}}},
		{"snapshot name gs-abc", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("gs-abc") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name gs-", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("gs-") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name gs-0", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("gs-0") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name trailing hyphen", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("a-") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name double hyphen", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("a--b") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name leading hyphen", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("-a") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name leading digit", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("1abc") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name upper case", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("Nightly") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name upper case inside", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("nightlY-1") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name underscore", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("a_b") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name space", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("a b") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name non-ASCII letter", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("café") },
			[]violation{{"SnapshotName", "pattern"}}},
		{"snapshot name trailing newline", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("a\n") },
			[]violation{{"SnapshotName", "pattern"}}},

		// Tags: 0..50 entries; key 1..128, ^[a-zA-Z+-=._:/]+$; value 0..256
		{"51 tags", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = nTags(51) },
			[]violation{{"Tags", "size"}}},
		{"tag key empty", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"": "v"} },
			[]violation{{tagPath(""), "length"}, {tagPath(""), "pattern"}}},
		{"tag key 129 characters", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{strings.Repeat("k", 129): "v"}
		}, []violation{{tagPath(strings.Repeat("k", 129)), "length"}}},
		{"tag key with a space", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"cost center": "v"} },
			[]violation{{tagPath("cost center"), "pattern"}}},
		{"tag key non-ASCII", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"ключ": "v"} },
			[]violation{{tagPath("ключ"), "pattern"}}},
		{"tag key '*' below the +-= range", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"a*": "v"} },
			[]violation{{tagPath("a*"), "pattern"}}},
		{"tag key '>' above the +-= range", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"a>b": "v"} },
			[]violation{{tagPath("a>b"), "pattern"}}},
		{"tag key '@'", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"me@x": "v"} },
			[]violation{{tagPath("me@x"), "pattern"}}},
		{"tag key trailing newline", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"k\n": "v"} },
			[]violation{{tagPath("k\n"), "pattern"}}},
		{"tag value 257 characters", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{"k": strings.Repeat("v", 257)}
		}, []violation{{tagPath("k"), "length"}}},
		{"tag value 257 multi-byte characters", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{"k": strings.Repeat("日", 257)}
		}, []violation{{tagPath("k"), "length"}}},

		// Several at once, in member order and then in sorted key order.
		{"several at once", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.GraphIdentifier = nil
			in.SnapshotName = aws.String("gs-abc")
			in.Tags = nTags(50)
			in.Tags["zz top"] = strings.Repeat("v", 300)
			in.Tags["a b"] = "ok"
		}, []violation{
			{"GraphIdentifier", "required"},
			{"SnapshotName", "pattern"},
			{"Tags", "size"},
			{tagPath("a b"), "pattern"},
			{tagPath("zz top"), "pattern"},
			{tagPath("zz top"), "length"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t)
			in := validInput()
			tt.edit(in)
			_, err := newClient(srv).CreateGraphSnapshot(context.Background(), in)
			if diff := cmp.Diff(tt.wants, violations(t, err)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wants, violations(t, in.Validate())); diff != "" {
				t.Errorf("Validate violations (-want +got):\n%s", diff)
			}
			if n := srv.Count(); n != 0 {
				t.Errorf("server saw %d requests, want 0", n)
			}
		})
	}
}

func TestValidationAccepts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(in *neptunegraph.CreateGraphSnapshotInput)
	}{
		{"digits only graph identifier", func(in *neptunegraph.CreateGraphSnapshotInput) { in.GraphIdentifier = aws.String("g-0123456789") }},
		{"name one letter", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("a") }},
		{"name gs", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("gs") }},
		{"name g-s", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("g-s") }},
		{"name gsx-a", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("gsx-a") }},
		{"name gs0-1", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("gs0-1") }},
		{"name g-s-", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("g-s-1") }},
		{"name with digits and hyphens", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String("my-snapshot-1-2") }},
		{"name 63 characters", func(in *neptunegraph.CreateGraphSnapshotInput) { in.SnapshotName = aws.String(strings.Repeat("a", 63)) }},
		{"name 63 characters with hyphens", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.SnapshotName = aws.String(strings.Repeat("a-", 31) + "z")
		}},
		{"no tags", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = nil }},
		{"empty tags", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{} }},
		{"50 tags", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = nTags(50) }},
		{"tag key 1 character", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"k": "v"} }},
		{"tag key 128 characters", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{strings.Repeat("k", 128): "v"}
		}},
		{"tag key with every allowed symbol", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{"+,-./0123456789:;<=._:/AZaz": "v"}
		}},
		{"tag key aws: prefix (allowed since the 2026-07 model)", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{"aws:cloudformation:stack-name": "v"}
		}},
		{"tag value empty", func(in *neptunegraph.CreateGraphSnapshotInput) { in.Tags = map[string]string{"k": ""} }},
		{"tag value 256 characters", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{"k": strings.Repeat("v", 256)}
		}},
		{"tag value 256 multi-byte characters", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{"k": strings.Repeat("🎉", 256)}
		}},
		{"tag value with any characters", func(in *neptunegraph.CreateGraphSnapshotInput) {
			in.Tags = map[string]string{"k": "\"\\\n\t<>& é 日本"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
			in := validInput()
			tt.edit(in)
			if err := in.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if _, err := newClient(srv).CreateGraphSnapshot(context.Background(), in); err != nil {
				t.Fatal(err)
			}
			if n := srv.Count(); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}

func TestValidationModes(t *testing.T) {
	t.Parallel()
	invalid := &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("graph-1"),
		SnapshotName:    aws.String("gs-" + strings.Repeat("x", 70)),
		Tags:            nTags(60),
	}
	missing := &neptunegraph.CreateGraphSnapshotInput{Tags: map[string]string{"bad key": ""}}
	tests := []struct {
		name         string
		mode         neptunegraph.ValidationMode
		in           *neptunegraph.CreateGraphSnapshotInput
		wantRequests int
		wants        []violation
	}{
		{"full rejects constraints", neptunegraph.ValidationFull, invalid, 0,
			[]violation{{"GraphIdentifier", "pattern"}, {"SnapshotName", "length"}, {"SnapshotName", "pattern"}, {"Tags", "size"}}},
		{"required-only sends broken constraints", neptunegraph.ValidationRequiredOnly, invalid, 1, nil},
		{"required-only rejects missing members", neptunegraph.ValidationRequiredOnly, missing, 0,
			[]violation{{"GraphIdentifier", "required"}, {"SnapshotName", "required"}}},
		{"off sends broken constraints", neptunegraph.ValidationOff, invalid, 1, nil},
		{"off sends missing members", neptunegraph.ValidationOff, missing, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
			client := newClient(srv, func(o *neptunegraph.Options) { o.Validation = tt.mode })
			_, err := client.CreateGraphSnapshot(context.Background(), tt.in)
			if tt.wants == nil && err != nil {
				t.Fatal(err)
			}
			if tt.wants != nil {
				if diff := cmp.Diff(tt.wants, violations(t, err)); diff != "" {
					t.Errorf("violations (-want +got):\n%s", diff)
				}
			}
			if n := srv.Count(); n != tt.wantRequests {
				t.Errorf("server saw %d requests, want %d", n, tt.wantRequests)
			}
		})
	}
}

func TestValidationMessages(t *testing.T) {
	t.Parallel()
	in := &neptunegraph.CreateGraphSnapshotInput{
		SnapshotName: aws.String("gs-abc"),
		Tags:         map[string]string{"a b": strings.Repeat("v", 257)},
	}
	want := "4 validation error(s) found.\n" +
		"- missing required field, CreateGraphSnapshotInput.GraphIdentifier.\n" +
		"- CreateGraphSnapshotInput.SnapshotName: value \"gs-abc\" does not match the pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$\n" +
		"- CreateGraphSnapshotInput.Tags[\"a b\"]: value \"a b\" does not match the pattern ^[a-zA-Z+-=._:/]+$\n" +
		"- CreateGraphSnapshotInput.Tags[\"a b\"]: has length 257, more than the maximum 256\n"
	if diff := cmp.Diff(want, in.Validate().Error()); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
}

func TestGoldenRequests(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		input    *neptunegraph.CreateGraphSnapshotInput
		optFns   []func(*neptunegraph.Options)
		wantBody string
	}{
		{
			name:     "required_only",
			input:    validInput(),
			wantBody: `{"graphIdentifier":"g-abcde12345","snapshotName":"nightly-1"}`,
		},
		{
			name: "all_members",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-0123456789"),
				SnapshotName:    aws.String("weekly-2026-01-02"),
				Tags: map[string]string{
					"team": "graph", "Env": "prod", "cost-center": "42", "aws:created-by": "ci",
					"z/path": "x", "+plus": "p", "a.b_c": "", "=eq;<lt": "range",
				},
			},
			wantBody: `{"graphIdentifier":"g-0123456789","snapshotName":"weekly-2026-01-02","tags":{` +
				`"+plus":"p","=eq;<lt":"range","Env":"prod","a.b_c":"","aws:created-by":"ci",` +
				`"cost-center":"42","team":"graph","z/path":"x"}}`,
		},
		{
			name: "unicode_and_escapes",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"),
				SnapshotName:    aws.String("a"),
				Tags: map[string]string{
					"quote":   "say \"hi\" \\ back",
					"control": "line\nfeed\ttab\rcr\x01\x1f\b\f",
					"unicode": "é 日本 🎉 \u2028\u2029",
					"html":    "<a href=\"/x\">&amp;</a>",
				},
			},
			wantBody: `{"graphIdentifier":"g-abcde12345","snapshotName":"a","tags":{` +
				`"control":"line\nfeed\ttab\rcr\u0001\u001f\u0008\u000c",` +
				`"html":"<a href=\"/x\">&amp;</a>",` +
				`"quote":"say \"hi\" \\ back",` +
				`"unicode":"é 日本 🎉 \u2028\u2029"}}`,
		},
		{
			name: "escapes_unchecked",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-\"é\""),
				SnapshotName:    aws.String("名前\n\\"),
				Tags:            map[string]string{"key\"\n": "v", "ключ": "значение"},
			},
			optFns:   []func(*neptunegraph.Options){func(o *neptunegraph.Options) { o.Validation = neptunegraph.ValidationOff }},
			wantBody: `{"graphIdentifier":"g-\"é\"","snapshotName":"名前\n\\","tags":{"key\"\n":"v","ключ":"значение"}}`,
		},
		{
			name: "empty_tags",
			input: &neptunegraph.CreateGraphSnapshotInput{
				GraphIdentifier: aws.String("g-abcde12345"),
				SnapshotName:    aws.String("z9"),
				Tags:            map[string]string{},
			},
			wantBody: `{"graphIdentifier":"g-abcde12345","snapshotName":"z9","tags":{}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
			client := newGoldenClient(srv, tt.optFns...)
			if _, err := client.CreateGraphSnapshot(context.Background(), tt.input); err != nil {
				t.Fatal(err)
			}
			requests := srv.Requests()
			if len(requests) != 1 {
				t.Fatalf("server saw %d requests, want 1", len(requests))
			}
			req := requests[0]
			if diff := cmp.Diff(tt.wantBody, req.Body); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			got := struct{ Method, Path, Host, ContentType string }{req.Method, req.Path, req.Host, req.Header.Get("Content-Type")}
			want := struct{ Method, Path, Host, ContentType string }{"POST", "/base/path/snapshots", goldenHost, "application/json"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("request line (-want +got):\n%s", diff)
			}
			testutil.Golden(t, tt.name, testutil.Snapshot(req))
		})
	}
}

func TestValidationModePerCall(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, testutil.Response{Status: 201, Body: "{}"})
	client := newClient(srv)
	in := validInput()
	in.SnapshotName = aws.String("gs-taken")
	if _, err := client.CreateGraphSnapshot(context.Background(), in); err == nil {
		t.Fatal("an invalid name was accepted")
	}
	_, err := client.CreateGraphSnapshot(context.Background(), in, func(o *neptunegraph.Options) {
		o.Validation = neptunegraph.ValidationRequiredOnly
	})
	if err != nil {
		t.Fatalf("required-only call failed: %v", err)
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
	if client.Options().Validation != neptunegraph.ValidationFull {
		t.Error("a per-call option changed the client's options")
	}
}
