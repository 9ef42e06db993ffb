package partnercentral

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyjson "github.com/aws/smithy-go/encoding/json"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/partnercentral/types"
)

func benchInput() *CreateResourceSnapshotInput {
	return &CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		ClientToken:                        aws.String("3f1c2a3e-7b4d-4e8f-9a0b-1c2d3e4f5a6b"),
		EngagementIdentifier:               aws.String("eng-0123456789abcd"),
		ResourceIdentifier:                 aws.String("O1234567"),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummary"),
		ResourceType:                       types.ResourceTypeOpportunity,
	}
}

// smithyEncode writes in the way the official serializer does: smithy-go's
// JSON encoder, members in name order, unset members left out.
func smithyEncode(in *CreateResourceSnapshotInput) string {
	enc := smithyjson.NewEncoder()
	obj := enc.Object()
	for _, m := range []struct {
		name  string
		value *string
	}{
		{"Catalog", in.Catalog}, {"ClientToken", in.ClientToken}, {"EngagementIdentifier", in.EngagementIdentifier},
		{"ResourceIdentifier", in.ResourceIdentifier},
		{"ResourceSnapshotTemplateIdentifier", in.ResourceSnapshotTemplateIdentifier},
	} {
		if m.value != nil {
			obj.Key(m.name).String(*m.value)
		}
	}
	if in.ResourceType != "" {
		obj.Key("ResourceType").String(string(in.ResourceType))
	}
	obj.Close()
	return string(enc.Bytes())
}

func TestEncodeMatchesSmithyEncoder(t *testing.T) {
	t.Parallel()
	escapes := benchInput()
	escapes.ClientToken = aws.String("\"q\" \\ / \n\r\t\b\f \x00\x1f\x7f <&> é 雪 😀 \u2028\u2029 \xff")
	empty := &CreateResourceSnapshotInput{Catalog: aws.String(""), ResourceType: "x"}
	for name, in := range map[string]*CreateResourceSnapshotInput{
		"every member": benchInput(), "escapes": escapes, "empty strings": empty, "nothing set": {},
	} {
		var req protocol.Request
		encodeCreateResourceSnapshotInput(in, &req)
		if diff := cmp.Diff(smithyEncode(in), string(req.Body.Bytes())); diff != "" {
			t.Errorf("%s (-smithy +ours):\n%s", name, diff)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	in := benchInput()
	b.ReportAllocs()
	for b.Loop() {
		if err := in.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	in := benchInput()
	var req protocol.Request
	b.ReportAllocs()
	for b.Loop() {
		req.Body.Reset()
		encodeCreateResourceSnapshotInput(in, &req)
	}
}

const benchResponse = `{"Arn":"arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/engagement/eng-0123456789abcd/resource-snapshot/O1234567/OpportunitySummary/12","Revision":12}`

func BenchmarkDecode(b *testing.B) {
	var r jsonwire.Reader
	b.ReportAllocs()
	for b.Loop() {
		r.Reset(benchResponse)
		var out CreateResourceSnapshotOutput
		decodeCreateResourceSnapshotOutput(&r, &out)
		if r.Err() != nil || *out.Revision != 12 {
			b.Fatal(r.Err())
		}
	}
}

const benchValidationError = `{"__type":"com.amazonaws.partnercentralselling#ValidationException","Message":"Invalid request.",` +
	`"Reason":"REQUEST_VALIDATION_FAILED","ErrorList":[{"FieldName":"Catalog","Message":"Unknown catalog.","Code":"INVALID_VALUE"},` +
	`{"FieldName":"ResourceIdentifier","Message":"Not found.","Code":"INVALID_RESOURCE_STATE"}]}`

func BenchmarkDecodeValidationException(b *testing.B) {
	var r jsonwire.Reader
	b.ReportAllocs()
	for b.Loop() {
		r.Reset(benchValidationError)
		if err := decodeValidationException(&r); r.Err() != nil || err == nil {
			b.Fatal(r.Err())
		}
	}
}

func BenchmarkCallLoopback(b *testing.B) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-RequestId", "bench")
		_, _ = w.Write([]byte(benchResponse))
	}))
	defer server.Close()
	client := New(Options{
		Region:       "us-east-1",
		Credentials:  testutil.Credentials,
		BaseEndpoint: aws.String(server.URL),
	})
	in := benchInput()
	in.ClientToken = nil
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.CreateResourceSnapshot(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}
