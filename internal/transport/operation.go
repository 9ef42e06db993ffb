// Package transport is the one call pipeline every operation runs through:
// idempotency token, validation, encoding, endpoint, a retry loop driven by
// aws.Retryer that signs every attempt afresh with SigV4, a bounded read of
// the response, and decoding into the output or a typed error.
//
// An operation is a value of type Operation: its wire binding, its codecs,
// its constraints and its errors. Invoke runs any operation. A call that
// carries middleware (APIOptions), interceptors, or a tracer or meter
// provider runs through a smithy-go middleware stack laid out as the
// official clients lay theirs out (stack.go); every other call takes the
// direct path, which sends the same request without building a stack.
package transport

import (
	"reflect"
	"sync"

	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/cborwire"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/validate"
)

// Service describes the service an operation belongs to.
type Service struct {
	// ID is the SDK service ID, e.g. "MemoryDB", used in error messages.
	ID string
	// SigningName is the SigV4 service name, e.g. "memorydb".
	SigningName string
	// Layout is the middleware stack layout of the official client this
	// one stands in for.
	Layout StackLayout
	// RPCv2CBOR says the service speaks Smithy RPC v2 CBOR, which the
	// official client's User-Agent lists among its features on every call
	// of the service, whatever protocol the call uses.
	RPCv2CBOR bool

	// namesOnce guards pkg and scope, the official client's package name
	// and instrumentation scope, derived from ID when first needed.
	namesOnce  sync.Once
	pkg, scope string
}

// StackLayout names one of the ways official clients lay out an
// operation's middleware stack.
type StackLayout int

const (
	// LayoutClassic is the layout of clients generated with per-operation
	// serializers (DataZone v1.62, Neptune Graph v1.22, MemoryDB v1.36):
	// service metadata, logger and the retry-loop span are middleware.
	LayoutClassic StackLayout = iota
	// LayoutSchema is the layout of clients generated with schema-driven
	// serializers (Lightsail v1.71+, MemoryDB v1.43+): service metadata
	// and logger are set in the context before the stack runs, and the
	// content-length, body-closing, metrics-header and retry-loop-span
	// middleware are gone.
	LayoutSchema
)

// Operation declares one operation of a service. It is declared once, as a
// package variable, and must not be copied once used.
type Operation[In, Out any] struct {
	Service *Service
	// Name is the operation name, e.g. "CopySnapshot".
	Name    string
	Binding *protocol.Binding
	// Path builds the request path of a restJson1 operation (its URI
	// template with the labels filled in); nil for awsJson.
	Path func(in *In, req *protocol.Request)
	// Encode writes the JSON body.
	Encode func(in *In, req *protocol.Request)
	// Decode reads the body of a successful response into out.
	Decode func(r *jsonwire.Reader, out *Out)
	// Validate checks the input against the model's constraints.
	Validate func(in *In, c *validate.Checker)
	// InputName names the input shape in validation messages.
	InputName string
	// Token returns the address of the idempotency token member, or is nil
	// when the operation has none.
	Token func(in *In) **string
	// Idempotent says a repeated request has no further effect (the model
	// marks it @idempotent or @readonly, or it carries an idempotency
	// token), so a request that may have reached the service can be sent
	// again after a connection failure.
	Idempotent bool
	// SensitiveInput and SensitiveOutput say the bodies carry @sensitive
	// members, which keeps raw bodies out of logs.
	SensitiveInput, SensitiveOutput bool
	// Errors lists the typed errors of the operation.
	Errors apierror.Registry
	// CBOR decodes the responses of an operation whose Binding is
	// rpcv2Cbor; its Encode then writes Request.CBOR.
	CBOR *CBORCodec[Out]
	// Protocols, when set, offers the operation in several protocols,
	// chosen per call by Config.Protocol (Options.Protocol): its bindings
	// are Binding, the default, and those of Variants.
	Protocols *protocol.Chooser
	// Variants are the operation in the other protocols of Protocols.
	Variants []*Operation[In, Out]

	// erased is the operation in the form the pipeline runs, made once.
	erasedOnce sync.Once
	erased     *operation
}

// operation is an Operation with its input and output types erased: the
// input is an any holding *In, the output an any holding *Out. The
// pipeline runs this form, so it is compiled once, not in every service
// package for its operations' types.
type operation struct {
	Service                                     *Service
	Name, InputName                             string
	Binding                                     *protocol.Binding
	Idempotent, SensitiveInput, SensitiveOutput bool
	Errors                                      apierror.Registry
	// cbor is set for an rpcv2Cbor operation, whose errors cborErrors
	// lists.
	cbor       bool
	cborErrors apierror.CBORRegistry
	// The Operation's functions, or nil where it has none.
	path     func(in any, req *protocol.Request)
	encode   func(in any, req *protocol.Request)
	validate func(in any, c *validate.Checker)
	token    func(in any) **string
	// clone returns a copy of the input.
	clone func(in any) any
	// decode reads the body of a successful response into a new output.
	// With an error it returns the output as far as it was read, which
	// the middleware stack hands on with the error, as the official
	// deserializers do.
	decode func(body string) (any, error)
	// newOut returns a new, empty output.
	newOut func() any
	// inType and outType are *In and *Out.
	inType, outType reflect.Type
	protocols       *protocol.Chooser
	variants        []*operation
}

// erase returns the erased form of o, made on first use.
func (o *Operation[In, Out]) erase() *operation {
	o.erasedOnce.Do(func() {
		e := &operation{
			Service: o.Service, Name: o.Name, InputName: o.InputName, Binding: o.Binding,
			Idempotent: o.Idempotent, SensitiveInput: o.SensitiveInput, SensitiveOutput: o.SensitiveOutput,
			Errors:    o.Errors,
			clone:     func(in any) any { c := *in.(*In); return &c },
			newOut:    func() any { return new(Out) },
			inType:    reflect.TypeFor[*In](),
			outType:   reflect.TypeFor[*Out](),
			protocols: o.Protocols,
		}
		if e.protocols == nil {
			// The one protocol: a value Options.Protocol names is checked
			// once, and recognised at once after that.
			e.protocols = &protocol.Chooser{Bindings: []*protocol.Binding{o.Binding}}
		}
		if o.Path != nil {
			e.path = func(in any, req *protocol.Request) { o.Path(in.(*In), req) }
		}
		if o.Encode != nil {
			e.encode = func(in any, req *protocol.Request) { o.Encode(in.(*In), req) }
		}
		if o.Validate != nil {
			e.validate = func(in any, c *validate.Checker) { o.Validate(in.(*In), c) }
		}
		if o.Token != nil {
			e.token = func(in any) **string { return o.Token(in.(*In)) }
		}
		if o.CBOR != nil {
			e.cbor, e.cborErrors = true, o.CBOR.Errors
			e.decode = func(body string) (any, error) { return decodeCBOR(o.CBOR, body) }
		} else {
			style := o.Binding.JSONStyle
			e.decode = func(body string) (any, error) { return decodeJSON(o.Decode, style, body) }
		}
		for _, variant := range o.Variants {
			e.variants = append(e.variants, variant.erase())
		}
		o.erased = e
	})
	return o.erased
}

// CBORCodec reads the bodies of an rpcv2Cbor operation.
type CBORCodec[Out any] struct {
	// Decode reads the body of a successful response into out.
	Decode func(r *cborwire.Reader, out *Out)
	// Errors lists the typed errors of the operation.
	Errors apierror.CBORRegistry
}

// choose returns the variant of op that the call's Options.Protocol
// selects.
func choose(cfg *Config, op *operation) (*operation, error) {
	if cfg.Protocol == nil {
		return op, nil
	}
	binding, err := op.protocols.Choose(cfg.Protocol)
	if err != nil {
		return nil, err
	}
	for _, variant := range op.variants {
		if variant.Binding == binding {
			return variant, nil
		}
	}
	return op, nil // the default binding
}
