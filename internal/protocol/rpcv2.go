package protocol

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"
)

// NewRPCv2CBOR declares an rpcv2Cbor operation: a POST to
// /service/{service}/operation/{operation} with a CBOR body, where service
// is the name of the model's service shape ("AmazonMemoryDB").
func NewRPCv2CBOR(service, operation string) *Binding {
	return &Binding{
		Protocol: RPCV2CBOR,
		Method:   "POST",
		path:     "/service/" + service + "/operation/" + operation,
		headers: []Header{
			{"Accept", []string{"application/cbor"}},
			{"Content-Type", []string{"application/cbor"}},
			{"Smithy-Protocol", []string{"rpc-v2-cbor"}},
		},
	}
}

// ID returns the Smithy shape ID of the protocol, as the official
// ClientProtocol values report it.
func (k Kind) ID() string {
	switch k {
	case AWSJSON10:
		return "aws.protocols#awsJson1_0"
	case AWSJSON11:
		return "aws.protocols#awsJson1_1"
	case RESTJSON1:
		return "aws.protocols#restJson1"
	case RPCV2CBOR:
		return "smithy.protocols#rpcv2Cbor"
	}
	return fmt.Sprintf("protocol(%d)", int(k))
}

// ChoiceError reports an Options.Protocol value the client cannot honour:
// a protocol the service does not offer, a protocol value built for
// another service, or a ClientProtocol implementation other than
// smithy-go's, whose serializers this client would not run.
type ChoiceError struct {
	ID        string   // the protocol the value names
	Supported []string // the protocols the operation is offered in
	Reason    string
}

func (e *ChoiceError) Error() string {
	return fmt.Sprintf("Options.Protocol %s cannot be honoured: %s (supported: %s)",
		e.ID, e.Reason, strings.Join(e.Supported, ", "))
}

// choice is one verified pairing of a protocol value with a binding.
type choice struct {
	value  smithyhttp.ClientProtocol
	chosen *Binding
}

// Chooser picks the binding an Options.Protocol value selects among the
// bindings of one operation, remembering the last few values it verified,
// so that a program using a few values (a client's own and one per call,
// say) has each checked once, whichever order they come in.
type Chooser struct {
	// Bindings are the operation in each protocol the service offers; the
	// first is the default.
	Bindings []*Binding
	// verified are the last values verified, the oldest replaced first.
	verified [4]atomic.Pointer[choice]
	next     atomic.Uint32
}

// Choose returns the binding value selects: the first binding when value
// is nil, else the binding of the protocol value names, once the value is
// found to frame requests exactly as that binding does (same service, same
// operation, no query-compatibility mode).
func (c *Chooser) Choose(value smithyhttp.ClientProtocol) (*Binding, error) {
	if value == nil {
		return c.Bindings[0], nil
	}
	for i := range c.verified {
		// A verified value is one of the protocol types verify accepts, so
		// the comparison never meets two values of a type Go cannot compare.
		if v := c.verified[i].Load(); v != nil && v.value == value {
			return v.chosen, nil
		}
	}
	chosen, err := c.verify(value)
	if err != nil {
		return nil, err
	}
	c.verified[(c.next.Add(1)-1)%uint32(len(c.verified))].Store(&choice{value: value, chosen: chosen})
	return chosen, nil
}

func (c *Chooser) verify(value smithyhttp.ClientProtocol) (*Binding, error) {
	id := value.ID().String()
	fail := func(format string, args ...any) error {
		supported := make([]string, len(c.Bindings))
		for i, b := range c.Bindings {
			supported[i] = b.Protocol.ID()
		}
		return &ChoiceError{ID: id, Supported: supported, Reason: fmt.Sprintf(format, args...)}
	}
	var chosen *Binding
	for _, b := range c.Bindings {
		if b.Protocol.ID() == id {
			chosen = b
		}
	}
	if chosen == nil {
		return nil, fail("the operation is not offered in this protocol")
	}
	switch value.(type) {
	case *Named:
		return chosen, nil // it names the protocol, and frames nothing
	case *rpcv2.Protocol, *awsjson.Protocol:
	default:
		return nil, fail("this client frames requests itself and cannot run the serializers of a %T; "+
			"use smithy-go's rpcv2.NewCBOR or awsjson.New11 with the service's schema", value)
	}
	req, err := probe(value, chosen)
	if err != nil {
		return nil, fail("the protocol value failed to frame a request: %v", err)
	}
	if req.Header.Get("X-Amzn-Query-Mode") != "" {
		return nil, fail("the value is in query-compatibility mode, which the service does not use")
	}
	if chosen.Protocol == RPCV2CBOR {
		if req.URL.Path != chosen.path {
			return nil, fail("the value frames requests to %s, not %s: it was built for another service", req.URL.Path, chosen.path)
		}
		return chosen, nil
	}
	if target := req.Header.Get("X-Amz-Target"); target != chosen.Target {
		return nil, fail("the value targets %s, not %s: it was built for another service", target, chosen.Target)
	}
	if ct, want := req.Header.Get("Content-Type"), chosen.Header("Content-Type")[0]; ct != want {
		return nil, fail("the value sends Content-Type %s, not %s", ct, want)
	}
	return chosen, nil
}

// probe frames an empty request of the binding's operation with value.
func probe(value smithyhttp.ClientProtocol, b *Binding) (*smithyhttp.Request, error) {
	operation := b.Target[strings.IndexByte(b.Target, '.')+1:]
	if b.Protocol == RPCV2CBOR {
		operation = b.path[strings.LastIndexByte(b.path, '/')+1:]
	}
	ctx := middleware.WithOperationName(context.Background(), operation)
	schema := smithy.NewOperationSchema(smithy.NewSchema(smithy.ShapeID{Name: operation}, smithy.ShapeTypeOperation, 0), nil, nil)
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	err := value.SerializeRequest(ctx, schema, nil, req)
	return req, err
}
