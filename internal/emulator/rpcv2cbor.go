package emulator

import (
	"encoding/json"
	"fmt"
	"math"
	"mime"
	"net/http"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	smithycbor "github.com/aws/smithy-go/encoding/cbor"
)

// rpcv2CBOR is smithy.protocols#rpcv2Cbor, which MemoryDB serves beside
// awsJson1_1 (the official client sends it since its v1.43.0).
const rpcv2CBOR = restJSON1 + 1

// memoryDBCBORService is MemoryDB as its rpcv2Cbor requests reach it.
var memoryDBCBORService = func() *service {
	svc := *memoryDBService
	svc.protocol = rpcv2CBOR
	return &svc
}()

// rpcv2Services maps the service shape names of rpcv2Cbor request paths to
// the operations served in that protocol.
var rpcv2Services = map[string]map[string]*operation{
	"AmazonMemoryDB": {
		OpCopySnapshot: {name: OpCopySnapshot, service: memoryDBCBORService, success: http.StatusOK, handle: (*state).copySnapshotCBOR},
	},
}

func init() {
	// rpcv2Cbor requests carry no X-Amz-Target, so they are told apart by
	// their path before the JSON routers see them.
	routers = append([]router{routeRPCv2}, routers...)
}

// routeRPCv2 routes POST .../service/{service}/operation/{operation}
// requests (a base path before them is allowed) that say they speak
// rpc-v2-cbor.
func routeRPCv2(r *http.Request) (*operation, []string, *apiError, bool) {
	path := escapedPath(r)
	i := strings.LastIndex(path, "/service/")
	if i < 0 || r.Header.Get("X-Amz-Target") != "" {
		return nil, nil, nil, false
	}
	serviceName, opName, found := strings.Cut(path[i+len("/service/"):], "/operation/")
	if !found || strings.Contains(opName, "/") {
		return nil, nil, nil, false
	}
	ops, known := rpcv2Services[serviceName]
	if !known {
		return nil, nil, cborCoralError(http.StatusNotFound, "UnknownOperationException", "No service named "+serviceName+" is served over rpc-v2-cbor."), true
	}
	op := ops[opName]
	switch {
	case op == nil:
		return nil, nil, cborCoralError(http.StatusNotFound, "UnknownOperationException", "The service has no operation "+opName+"."), true
	case r.Method != http.MethodPost:
		return op, nil, coralError(http.StatusNotFound, "UnknownOperationException", "Operations are called with POST."), true
	case r.Header.Get("Smithy-Protocol") != "rpc-v2-cbor":
		return op, nil, newError(http.StatusBadRequest, "SerializationException", "Smithy-Protocol must be rpc-v2-cbor."), true
	}
	if r.ContentLength != 0 {
		if mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mediaType != "application/cbor" {
			return op, nil, newError(http.StatusBadRequest, "SerializationException", "Content-Type must be application/cbor."), true
		}
	}
	return op, nil, nil, true
}

// cborCoralError is a routing error answered in rpcv2Cbor framing, for a
// request that names no operation.
func cborCoralError(status int, code, message string) *apiError {
	err := coralError(status, code, message)
	err.cbor = true
	return err
}

// copySnapshotCBOR runs CopySnapshot on a CBOR body: the body is read into
// the JSON the awsJson1_1 handler reads, and the handler's answer is
// written back as CBOR by successResponse.
func (s *state) copySnapshotCBOR(c *call, now time.Time) (any, *apiError) {
	body, err := cborToJSON(c.body)
	if err != nil {
		return nil, newError(http.StatusBadRequest, "SerializationException",
			"The request body is not a CBOR map of the operation's input shape: "+err.Error())
	}
	json := *c
	json.body = body
	return s.copySnapshot(&json, now)
}

// cborToJSON converts a request body to JSON text: maps with text keys,
// lists, text strings, integers, floats, booleans and null. An empty body
// is an empty object; byte strings, tags and invalid UTF-8 are refused,
// since no input member of the served operations has such a type.
func cborToJSON(body []byte) ([]byte, error) {
	if len(body) == 0 {
		return []byte("{}"), nil
	}
	// The structure is checked first, so that a malformed body is refused
	// in the emulator's words rather than smithycbor's, and because
	// smithycbor.Decode reads the first item and ignores what follows it.
	if end, err := cborItemEnd(body, 0); err != nil {
		return nil, err
	} else if end != len(body) {
		return nil, fmt.Errorf("%d bytes follow the body's map", len(body)-end)
	}
	v, err := smithycbor.Decode(body)
	if err != nil {
		return nil, fmt.Errorf("the body is not well-formed CBOR")
	}
	if _, ok := v.(smithycbor.Map); !ok {
		return nil, fmt.Errorf("the body is %s, not a map", cborKind(v))
	}
	plain, err := plainValue(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(plain)
}

// cborMaxDepth is how deeply lists, maps and tags may nest in a body, the
// limit of smithycbor.Decode.
const cborMaxDepth = 128

// cborItemEnd returns the length of the CBOR data item that p starts with,
// checking only its structure: heads, lengths and break markers.
func cborItemEnd(p []byte, depth int) (int, error) {
	if len(p) == 0 {
		return 0, fmt.Errorf("the body ends inside an item")
	}
	major, minor := p[0]>>5, p[0]&0x1f
	if minor == 31 { // indefinite length
		return cborIndefiniteEnd(p, major, depth)
	}
	arg, n, err := cborArgument(p)
	if err != nil {
		return 0, err
	}
	switch major {
	case 0, 1:
		return n, nil
	case 2, 3:
		if arg > uint64(len(p)-n) {
			return 0, fmt.Errorf("a string is longer than the rest of the body")
		}
		return n + int(arg), nil
	case 4, 5, 6:
		if depth >= cborMaxDepth {
			return 0, fmt.Errorf("lists and maps nest more than %d deep", cborMaxDepth)
		}
		items := arg
		if major == 5 {
			if items > math.MaxUint64/2 {
				return 0, fmt.Errorf("a map is longer than the rest of the body")
			}
			items *= 2
		} else if major == 6 {
			items = 1
		}
		if items > uint64(len(p)-n) { // every item takes a byte at least
			return 0, fmt.Errorf("a list or map is longer than the rest of the body")
		}
		for i := range items {
			if major == 5 && i%2 == 0 && n < len(p) && p[n]>>5 != 3 {
				return 0, fmt.Errorf("a map key is not a text string")
			}
			end, err := cborItemEnd(p[n:], depth+1)
			if err != nil {
				return 0, err
			}
			n += end
		}
		return n, nil
	}
	switch minor { // major type 7
	case 20, 21, 22, 23, 25, 26, 27:
		return n, nil
	}
	return 0, fmt.Errorf("the simple value %d is not one a body holds", arg)
}

// cborIndefiniteEnd returns the length of an indefinite-length item.
func cborIndefiniteEnd(p []byte, major byte, depth int) (int, error) {
	switch major {
	case 2, 3, 4, 5:
	default:
		return 0, fmt.Errorf("a break marker stands outside an indefinite-length item")
	}
	if major >= 4 && depth >= cborMaxDepth {
		return 0, fmt.Errorf("lists and maps nest more than %d deep", cborMaxDepth)
	}
	n := 1
	for items := 0; ; items++ {
		if n >= len(p) {
			return 0, fmt.Errorf("an indefinite-length item has no break marker")
		}
		if p[n] == 0xff {
			if major == 5 && items%2 == 1 {
				return 0, fmt.Errorf("a map ends after a key without its value")
			}
			return n + 1, nil
		}
		if major == 5 && items%2 == 0 && p[n]>>5 != 3 {
			return 0, fmt.Errorf("a map key is not a text string")
		}
		if major <= 3 && (p[n]>>5 != major || p[n]&0x1f == 31) {
			return 0, fmt.Errorf("an indefinite-length string holds something other than definite strings of its type")
		}
		end, err := cborItemEnd(p[n:], depth+1)
		if err != nil {
			return 0, err
		}
		n += end
	}
}

// cborArgument reads the argument of an item's head and returns it with
// the head's length.
func cborArgument(p []byte) (uint64, int, error) {
	minor := p[0] & 0x1f
	if minor < 24 {
		return uint64(minor), 1, nil
	}
	if minor > 27 {
		return 0, 0, fmt.Errorf("an item head has the reserved additional information %d", minor)
	}
	size := 1 << (minor - 24)
	if len(p) < 1+size {
		return 0, 0, fmt.Errorf("the body ends inside an item head")
	}
	var arg uint64
	for _, b := range p[1 : 1+size] {
		arg = arg<<8 | uint64(b)
	}
	return arg, 1 + size, nil
}

func plainValue(v smithycbor.Value) (any, error) {
	switch v := v.(type) {
	case smithycbor.Map:
		out := make(map[string]any, len(v))
		for key, item := range v {
			plain, err := plainValue(item)
			if err != nil {
				return nil, err
			}
			out[key] = plain
		}
		return out, nil
	case smithycbor.List:
		out := make([]any, len(v))
		for i, item := range v {
			plain, err := plainValue(item)
			if err != nil {
				return nil, err
			}
			out[i] = plain
		}
		return out, nil
	case smithycbor.String:
		if !utf8.ValidString(string(v)) {
			return nil, fmt.Errorf("a text string is not valid UTF-8")
		}
		return string(v), nil
	case smithycbor.Uint:
		if v > math.MaxInt64 {
			return nil, fmt.Errorf("an integer is out of range")
		}
		return int64(v), nil
	case smithycbor.NegInt:
		if v == 0 || v-1 > math.MaxInt64 {
			return nil, fmt.Errorf("an integer is out of range")
		}
		return -int64(v-1) - 1, nil
	case smithycbor.Float32:
		return float64(v), nil
	case smithycbor.Float64:
		return float64(v), nil
	case smithycbor.Bool:
		return bool(v), nil
	case *smithycbor.Nil, *smithycbor.Undefined:
		return nil, nil
	}
	return nil, fmt.Errorf("a member holds %s, which no input member of this operation takes", cborKind(v))
}

// cborKind names the type of a decoded CBOR item, with its article.
func cborKind(v smithycbor.Value) string {
	switch v.(type) {
	case smithycbor.Map:
		return "a map"
	case smithycbor.List:
		return "a list"
	case smithycbor.String:
		return "a text string"
	case smithycbor.Slice:
		return "a byte string"
	case smithycbor.Uint, smithycbor.NegInt:
		return "an integer"
	case smithycbor.Float32, smithycbor.Float64:
		return "a floating-point number"
	case smithycbor.Bool:
		return "a boolean"
	case *smithycbor.Tag:
		return "a tagged item"
	case *smithycbor.Nil, *smithycbor.Undefined:
		return "null"
	}
	return "an item of an unknown type"
}

// cborSuccess renders the output of an rpcv2Cbor operation.
func cborSuccess(op *operation, output any) response {
	var body smithycbor.Value
	switch out := output.(type) {
	case copySnapshotOutput:
		body = smithycbor.Map{"Snapshot": cborMemoryDBSnapshot(&out.Snapshot)}
	default:
		return serverError(op.service, http.StatusInternalServerError).response(op)
	}
	return response{status: op.success, header: cborHeader(), body: smithycbor.Encode(body)}
}

// cborMemoryDBSnapshot is a snapshot as MemoryDB writes it in CBOR: the
// members the JSON answer has, timestamps as tag 1 around epoch seconds.
func cborMemoryDBSnapshot(s *memoryDBSnapshot) smithycbor.Map {
	cc := &s.ClusterConfiguration
	shards := smithycbor.List{}
	for _, shard := range cc.Shards {
		shards = append(shards, smithycbor.Map{
			"Name": smithycbor.String(shard.Name),
			"Configuration": smithycbor.Map{
				"Slots":        smithycbor.String(shard.Configuration.Slots),
				"ReplicaCount": cborInt(int64(shard.Configuration.ReplicaCount)),
			},
			"Size": smithycbor.String(shard.Size),
			"SnapshotCreationTime": &smithycbor.Tag{ID: 1,
				Value: smithycbor.Float64(float64(time.Time(shard.SnapshotCreationTime).UnixMilli()) / 1e3)},
		})
	}
	config := smithycbor.Map{
		"Name":                   smithycbor.String(cc.Name),
		"NodeType":               smithycbor.String(cc.NodeType),
		"Engine":                 smithycbor.String(cc.Engine),
		"EngineVersion":          smithycbor.String(cc.EngineVersion),
		"Port":                   cborInt(int64(cc.Port)),
		"SnapshotRetentionLimit": cborInt(int64(cc.SnapshotRetentionLimit)),
		"NumShards":              cborInt(int64(cc.NumShards)),
		"Shards":                 shards,
	}
	for key, value := range map[string]string{
		"Description": cc.Description, "MaintenanceWindow": cc.MaintenanceWindow, "TopicArn": cc.TopicArn,
		"ParameterGroupName": cc.ParameterGroupName, "SubnetGroupName": cc.SubnetGroupName, "VpcId": cc.VpcID,
		"SnapshotWindow": cc.SnapshotWindow, "MultiRegionParameterGroupName": cc.MultiRegionParameterGroupName,
		"MultiRegionClusterName": cc.MultiRegionClusterName,
	} {
		if value != "" { // omitted when empty, as in the JSON answer
			config[key] = smithycbor.String(value)
		}
	}
	out := smithycbor.Map{
		"Name":                 smithycbor.String(s.Name),
		"Status":               smithycbor.String(s.Status),
		"Source":               smithycbor.String(s.Source),
		"ARN":                  smithycbor.String(s.ARN),
		"ClusterConfiguration": config,
		"DataTiering":          smithycbor.String(s.DataTiering),
	}
	if s.KmsKeyID != "" {
		out["KmsKeyId"] = smithycbor.String(s.KmsKeyID)
	}
	return out
}

func cborInt(v int64) smithycbor.Value {
	if v < 0 {
		return smithycbor.NegInt(uint64(-(v + 1)) + 1)
	}
	return smithycbor.Uint(v)
}

// cborErrorResponse renders an error in rpcv2Cbor framing: the code as
// __type (with its namespace) and the message in the body.
func (a *apiError) cborErrorResponse(namespace string) response {
	body := smithycbor.Map{
		"__type":  smithycbor.String(namespace + "#" + a.code),
		"message": smithycbor.String(a.message),
	}
	keys := make([]string, 0, len(a.members))
	for key := range a.members {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if s, ok := a.members[key].(string); ok {
			body[key] = smithycbor.String(s)
		}
	}
	return response{status: a.status, header: cborHeader(), body: smithycbor.Encode(body), errorCode: a.code}
}

func cborHeader() http.Header {
	return http.Header{"Content-Type": {"application/cbor"}, "Smithy-Protocol": {"rpc-v2-cbor"}}
}
