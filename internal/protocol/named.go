package protocol

import (
	"context"
	"errors"
	"io"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Named is a protocol value that only names its protocol: the value a
// client whose official counterpart sets a schema-driven protocol value
// sets in Options.Protocol when it has none, so that Options().Protocol
// reports the protocol's ID as there. It runs no serializer: this library
// frames requests itself, and linking smithy-go's schema serializers for a
// value that only names the protocol would make every program larger.
type Named struct{ id smithy.ShapeID }

// NewNamed returns the value that names the protocol with the given shape
// ID, such as aws.protocols#awsJson1_1.
func NewNamed(id smithy.ShapeID) *Named { return &Named{id: id} }

// errNamedOnly is what Named's serializing methods return.
var errNamedOnly = errors.New("this protocol value only names its protocol: the client frames requests itself")

// ID returns the protocol's shape ID.
func (p *Named) ID() smithy.ShapeID { return p.id }

// SerializeRequest fails: see Named.
func (*Named) SerializeRequest(context.Context, *smithy.OperationSchema, smithy.Serializable, *smithyhttp.Request) error {
	return errNamedOnly
}

// DeserializeResponse fails: see Named.
func (*Named) DeserializeResponse(context.Context, *smithy.OperationSchema, *smithy.TypeRegistry, *smithyhttp.Response, smithy.Deserializable) error {
	return errNamedOnly
}

// HasInitialEventMessage reports false: the operations have no event
// streams.
func (*Named) HasInitialEventMessage() bool { return false }

// SerializeEventMessage fails: see Named.
func (*Named) SerializeEventMessage(*smithy.Schema, *smithy.Schema, smithy.Serializable, io.Writer) error {
	return errNamedOnly
}

// DeserializeEventMessage fails: see Named.
func (*Named) DeserializeEventMessage(*smithy.Schema, *smithy.TypeRegistry, io.Reader) (smithy.Deserializable, error) {
	return nil, errNamedOnly
}

// SerializeInitialRequest fails: see Named.
func (*Named) SerializeInitialRequest(*smithy.Schema, smithy.Serializable, io.Writer) error {
	return errNamedOnly
}

// DeserializeInitialResponse fails: see Named.
func (*Named) DeserializeInitialResponse(*smithy.Schema, io.Reader, smithy.Deserializable) error {
	return errNamedOnly
}

var _ smithyhttp.ClientProtocol = (*Named)(nil)
