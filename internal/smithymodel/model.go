// Package smithymodel reads the Smithy JSON AST models the service packages
// are generated from (internal/codegen) and checked against
// (internal/conformance): shapes, members in model order, and traits.
package smithymodel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Trait IDs the generator and the conformance tests read.
const (
	TraitRequired         = "smithy.api#required"
	TraitLength           = "smithy.api#length"
	TraitRange            = "smithy.api#range"
	TraitPattern          = "smithy.api#pattern"
	TraitEnumValue        = "smithy.api#enumValue"
	TraitError            = "smithy.api#error"
	TraitHTTPError        = "smithy.api#httpError"
	TraitHTTP             = "smithy.api#http"
	TraitHTTPLabel        = "smithy.api#httpLabel"
	TraitIdempotencyToken = "smithy.api#idempotencyToken"
	TraitSensitive        = "smithy.api#sensitive"
)

// Model is a Smithy JSON AST model.
type Model struct {
	// Shapes maps absolute shape IDs ("com.amazonaws.memorydb#Tag") to shapes.
	Shapes map[string]*Shape
}

// Shape is one shape of a model.
type Shape struct {
	ID   string
	Type string
	// Members are the members of a structure, union or enum, in model order.
	Members []*Member
	// Member is the member of a list; Key and Value those of a map.
	Member, Key, Value *Member
	// Input, Output and Errors are the targets of an operation; a service
	// has Operations and Errors.
	Input, Output      string
	Operations, Errors []string
	// Version is the API version of a service.
	Version string
	Traits  Traits
}

// Member is a member of a shape.
type Member struct {
	Name   string
	Target string
	Traits Traits
}

// Traits maps trait IDs to their JSON values.
type Traits map[string]json.RawMessage

// Has reports whether the trait id is present.
func (t Traits) Has(id string) bool {
	_, ok := t[id]
	return ok
}

// Decode unmarshals the value of trait id into v and reports whether the
// trait is present and well formed.
func (t Traits) Decode(id string, v any) bool {
	raw, ok := t[id]
	return ok && json.Unmarshal(raw, v) == nil
}

// Length is the value of a length trait; nil bounds are absent.
type Length struct {
	Min *int `json:"min"`
	Max *int `json:"max"`
}

// Range is the value of a range trait; nil bounds are absent.
type Range struct {
	Min *float64 `json:"min"`
	Max *float64 `json:"max"`
}

// HTTP is the value of an http trait.
type HTTP struct {
	Method string `json:"method"`
	URI    string `json:"uri"`
	Code   int    `json:"code"`
}

// Load reads the model file at path.
func Load(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Shapes map[string]rawShape `json:"shapes"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := &Model{Shapes: make(map[string]*Shape, len(doc.Shapes))}
	for id, raw := range doc.Shapes {
		m.Shapes[id] = raw.shape(id)
	}
	return m, nil
}

type rawRef struct {
	Target string `json:"target"`
}

type rawMember struct {
	Target string `json:"target"`
	Traits Traits `json:"traits"`
}

type rawShape struct {
	Type       string         `json:"type"`
	Members    orderedMembers `json:"members"`
	Member     *rawMember     `json:"member"`
	Key        *rawMember     `json:"key"`
	Value      *rawMember     `json:"value"`
	Input      *rawRef        `json:"input"`
	Output     *rawRef        `json:"output"`
	Operations []rawRef       `json:"operations"`
	Errors     []rawRef       `json:"errors"`
	Version    string         `json:"version"`
	Traits     Traits         `json:"traits"`
}

func (r rawShape) shape(id string) *Shape {
	s := &Shape{ID: id, Type: r.Type, Members: r.Members, Version: r.Version, Traits: r.Traits,
		Member: named("member", r.Member), Key: named("key", r.Key), Value: named("value", r.Value)}
	if r.Input != nil {
		s.Input = r.Input.Target
	}
	if r.Output != nil {
		s.Output = r.Output.Target
	}
	for _, ref := range r.Operations {
		s.Operations = append(s.Operations, ref.Target)
	}
	for _, ref := range r.Errors {
		s.Errors = append(s.Errors, ref.Target)
	}
	return s
}

func named(name string, r *rawMember) *Member {
	if r == nil {
		return nil
	}
	return &Member{Name: name, Target: r.Target, Traits: r.Traits}
}

// orderedMembers keeps the members of a shape in the order of the file.
type orderedMembers []*Member

func (o *orderedMembers) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var m rawMember
		if err := dec.Decode(&m); err != nil {
			return err
		}
		*o = append(*o, &Member{Name: tok.(string), Target: m.Target, Traits: m.Traits})
	}
	return nil
}

// prelude holds the types of the Smithy prelude shapes the models target.
var prelude = map[string]string{
	"String": "string", "Boolean": "boolean", "PrimitiveBoolean": "boolean", "Integer": "integer",
	"PrimitiveInteger": "integer", "Long": "long", "PrimitiveLong": "long", "Float": "float",
	"PrimitiveFloat": "float", "Double": "double", "PrimitiveDouble": "double", "Timestamp": "timestamp",
	"Blob": "blob", "Document": "document", "Unit": "structure", "Short": "short", "Byte": "byte",
	"BigInteger": "bigInteger", "BigDecimal": "bigDecimal",
}

// Shape returns the shape id, including prelude shapes, or nil.
func (m *Model) Shape(id string) *Shape {
	if s, ok := m.Shapes[id]; ok {
		return s
	}
	if name, ok := strings.CutPrefix(id, "smithy.api#"); ok && prelude[name] != "" {
		return &Shape{ID: id, Type: prelude[name]}
	}
	return nil
}

// Service returns the model's service shape.
func (m *Model) Service() *Shape { return m.only("service") }

// Operation returns the model's operation shape.
func (m *Model) Operation() *Shape { return m.only("operation") }

func (m *Model) only(typ string) *Shape {
	var found *Shape
	for _, s := range m.Shapes {
		if s.Type == typ {
			if found != nil {
				return nil
			}
			found = s
		}
	}
	return found
}

// Trait returns trait id of the member, or of its target when the member
// does not carry it (member traits take precedence).
func (m *Model) Trait(mem *Member, id string) (json.RawMessage, bool) {
	if v, ok := mem.Traits[id]; ok {
		return v, true
	}
	if s := m.Shape(mem.Target); s != nil {
		v, ok := s.Traits[id]
		return v, ok
	}
	return nil, false
}

// DecodeTrait unmarshals the member's effective trait id into v.
func (m *Model) DecodeTrait(mem *Member, id string, v any) bool {
	raw, ok := m.Trait(mem, id)
	return ok && json.Unmarshal(raw, v) == nil
}

// Name returns the shape name of an absolute shape ID.
func Name(id string) string {
	_, name, _ := strings.Cut(id, "#")
	return name
}

// Namespace returns the namespace of an absolute shape ID.
func Namespace(id string) string {
	ns, _, _ := strings.Cut(id, "#")
	return ns
}

// EnumValue is one member of an enum shape.
type EnumValue struct{ Name, Value string }

// EnumValues returns the members of an enum shape in model order.
func (s *Shape) EnumValues() []EnumValue {
	values := make([]EnumValue, 0, len(s.Members))
	for _, mem := range s.Members {
		v := mem.Name
		mem.Traits.Decode(TraitEnumValue, &v)
		values = append(values, EnumValue{Name: mem.Name, Value: v})
	}
	return values
}

// Protocol returns the service's protocol trait name ("awsJson1_1",
// "restJson1", ...) or "".
func (s *Shape) Protocol() string {
	for id := range s.Traits {
		if name, ok := strings.CutPrefix(id, "aws.protocols#"); ok {
			return name
		}
	}
	return ""
}
