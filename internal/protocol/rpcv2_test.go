package protocol

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"
)

func serviceSchema(name string, ts ...smithy.Trait) *smithy.ServiceSchema {
	return smithy.NewServiceSchema(smithy.NewSchema(smithy.ShapeID{Namespace: "com.example", Name: name}, smithy.ShapeTypeService, 0, ts...), "2021-01-01")
}

// ownProtocol is a ClientProtocol of a program's own, whose serializers
// this client would never run.
type ownProtocol struct{ *rpcv2.Protocol }

// TestChooser checks which Options.Protocol values select which binding,
// and that every value that cannot be honoured is an error naming why.
func TestChooser(t *testing.T) {
	t.Parallel()
	svc := serviceSchema("AmazonMemoryDB")
	jsonBinding := NewAWSJSON(AWSJSON11, "AmazonMemoryDB.CopySnapshot")
	cborBinding := NewRPCv2CBOR("AmazonMemoryDB", "CopySnapshot")
	cases := []struct {
		name   string
		value  smithyhttp.ClientProtocol
		want   *Binding
		reason string // a part of the error's text; "" for success
	}{
		{"nil is the default", nil, jsonBinding, ""},
		{"rpcv2Cbor", rpcv2.NewCBOR(svc), cborBinding, ""},
		{"awsJson1_1", awsjson.New11(svc), jsonBinding, ""},
		{"awsJson1_0", awsjson.New10(svc), nil, "not offered in this protocol"},
		{"restJson1", restjson1.New(svc), nil, "not offered in this protocol"},
		{"rpcv2Cbor of another service", rpcv2.NewCBOR(serviceSchema("Other")), nil, "built for another service"},
		{"awsJson1_1 of another service", awsjson.New11(serviceSchema("Other")), nil, "built for another service"},
		{"query-compatible", awsjson.New11(serviceSchema("AmazonMemoryDB", &traits.AWSQueryCompatible{})), nil, "query-compatibility"},
		{"a ClientProtocol of one's own", ownProtocol{rpcv2.NewCBOR(svc)}, nil, "cannot run the serializers of a protocol.ownProtocol"},
		{"a value naming awsJson1_1", NewNamed(smithy.ShapeID{Namespace: "aws.protocols", Name: "awsJson1_1"}), jsonBinding, ""},
		{"a value naming restJson1", NewNamed(smithy.ShapeID{Namespace: "aws.protocols", Name: "restJson1"}), nil, "not offered in this protocol"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := &Chooser{Bindings: []*Binding{jsonBinding, cborBinding}}
			for range 2 { // the second time from the remembered choice
				got, err := c.Choose(tc.value)
				if tc.reason == "" {
					if err != nil || got != tc.want {
						t.Fatalf("got %v, %v; want binding %v", got, err, tc.want.Protocol.ID())
					}
					continue
				}
				var choiceErr *ChoiceError
				if !errors.As(err, &choiceErr) || !strings.Contains(err.Error(), tc.reason) ||
					!strings.Contains(err.Error(), "Options.Protocol") || !strings.Contains(err.Error(), "smithy.protocols#rpcv2Cbor") {
					t.Fatalf("error %v, want a ChoiceError naming Options.Protocol, the supported protocols and %q", err, tc.reason)
				}
			}
		})
	}
}

// TestChooserRemembersSeveralValues checks that values used alternately,
// as a client's own and a per-call one, are each verified once: choosing
// a remembered value frames nothing, so it allocates nothing.
func TestChooserRemembersSeveralValues(t *testing.T) {
	svc := serviceSchema("AmazonMemoryDB")
	jsonBinding := NewAWSJSON(AWSJSON11, "AmazonMemoryDB.CopySnapshot")
	cborBinding := NewRPCv2CBOR("AmazonMemoryDB", "CopySnapshot")
	c := &Chooser{Bindings: []*Binding{cborBinding, jsonBinding}}
	values := []smithyhttp.ClientProtocol{rpcv2.NewCBOR(svc), awsjson.New11(svc), rpcv2.NewCBOR(svc)}
	want := []*Binding{cborBinding, jsonBinding, cborBinding}
	choose := func() {
		for i, value := range values {
			if got, err := c.Choose(value); err != nil || got != want[i] {
				t.Fatalf("value %d: got %v, %v", i, got, err)
			}
		}
	}
	choose()
	if allocs := testing.AllocsPerRun(100, choose); allocs != 0 {
		t.Errorf("choosing remembered values allocated %v times, want 0", allocs)
	}
	// Four more values replace the three, the oldest first.
	for range 4 {
		if _, err := c.Choose(rpcv2.NewCBOR(svc)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range c.verified {
		for _, value := range values {
			if c.verified[i].Load().value == value {
				t.Errorf("slot %d still holds a value chosen before four others", i)
			}
		}
	}
}

// TestRPCv2CBORFraming checks the request an rpcv2Cbor binding frames
// against what smithy-go's rpcv2 protocol frames.
func TestRPCv2CBORFraming(t *testing.T) {
	t.Parallel()
	b := NewRPCv2CBOR("AmazonMemoryDB", "CopySnapshot")
	req, err := probe(rpcv2.NewCBOR(serviceSchema("AmazonMemoryDB")), b)
	if err != nil {
		t.Fatal(err)
	}
	r := b.NewRequest()
	if path, raw := r.Path(); path != req.URL.Path || raw != req.URL.RawPath {
		t.Errorf("path %q (raw %q), smithy-go frames %q (raw %q)", path, raw, req.URL.Path, req.URL.RawPath)
	}
	for _, name := range []string{"Smithy-Protocol", "Accept"} {
		if got, want := b.Header(name), req.Header.Get(name); len(got) != 1 || got[0] != want {
			t.Errorf("%s %v, smithy-go sends %q", name, got, want)
		}
	}
	if got := b.Header("Content-Type"); len(got) != 1 || got[0] != "application/cbor" || b.Method != req.Method {
		t.Errorf("Content-Type %v, method %s", got, b.Method)
	}
	r.EmptyBody()
	if got := string(r.Payload()); got != "\xbf\xff" {
		t.Errorf("empty body % x, want an empty indefinite-length map", got)
	}
}
