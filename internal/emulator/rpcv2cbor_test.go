package emulator

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	smithycbor "github.com/aws/smithy-go/encoding/cbor"
)

const cborPath = "/service/AmazonMemoryDB/operation/CopySnapshot"

// sendCBOR signs and sends an rpcv2Cbor request and decodes the answer.
func sendCBOR(t *testing.T, server *Server, method, path string, header map[string]string, body []byte) (int, http.Header, smithycbor.Map) {
	t.Helper()
	httpReq, err := http.NewRequestWithContext(context.Background(), method, server.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	httpReq.Header.Set("Smithy-Protocol", "rpc-v2-cbor")
	httpReq.Header.Set("Content-Type", "application/cbor")
	for key, value := range header {
		if value == "" {
			httpReq.Header.Del(key)
			continue
		}
		httpReq.Header.Set(key, value)
	}
	signRequest(t, httpReq, request{body: string(body)}, "memorydb")
	resp, err := testClient.Do(httpReq)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/cbor" || resp.Header.Get("Smithy-Protocol") != "rpc-v2-cbor" {
		t.Fatalf("answer framed as %q, Smithy-Protocol %q: % x", ct, resp.Header.Get("Smithy-Protocol"), raw)
	}
	v, err := smithycbor.Decode(raw)
	if err != nil {
		t.Fatalf("answer is not CBOR: %v", err)
	}
	m, ok := v.(smithycbor.Map)
	if !ok {
		t.Fatalf("answer is a %T", v)
	}
	return resp.StatusCode, resp.Header, m
}

func copyInput(source, target string) []byte {
	return smithycbor.Encode(smithycbor.Map{"SourceSnapshotName": smithycbor.String(source), "TargetSnapshotName": smithycbor.String(target)})
}

// TestCBORCopySnapshot copies a seeded snapshot over rpcv2Cbor and reads
// the copy's members, its timestamp as tag 1.
func TestCBORCopySnapshot(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	status, _, body := sendCBOR(t, server, http.MethodPost, "/base"+cborPath, nil, copyInput(SeedMemoryDBSnapshot, "cbor-copy"))
	if status != http.StatusOK {
		t.Fatalf("status %d: %v", status, body)
	}
	snapshot, _ := body["Snapshot"].(smithycbor.Map)
	if snapshot["Name"] != smithycbor.String("cbor-copy") || snapshot["Status"] != smithycbor.String("creating") {
		t.Errorf("snapshot %v", snapshot)
	}
	config, _ := snapshot["ClusterConfiguration"].(smithycbor.Map)
	shards, _ := config["Shards"].(smithycbor.List)
	if len(shards) == 0 || config["Port"] != smithycbor.Uint(6379) {
		t.Fatalf("cluster configuration %v", config)
	}
	if tag, ok := shards[0].(smithycbor.Map)["SnapshotCreationTime"].(*smithycbor.Tag); !ok || tag.ID != 1 {
		t.Errorf("SnapshotCreationTime is %v, want tag 1", shards[0].(smithycbor.Map)["SnapshotCreationTime"])
	}
	if server.Emulator.MemoryDBSnapshotCount("cbor-copy") != 1 {
		t.Error("the copy was not stored")
	}
}

// TestCBORErrors checks that every refusal of an rpcv2Cbor request is
// answered in CBOR, with __type and message.
func TestCBORErrors(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	cases := []struct {
		name   string
		method string
		path   string
		header map[string]string
		body   []byte
		status int
		code   string
	}{
		{"not found", "POST", cborPath, nil, copyInput("no-such", "x"), 404, "com.amazonaws.memorydb#SnapshotNotFoundFault"},
		{"same names", "POST", cborPath, nil, copyInput(SeedMemoryDBSnapshot, SeedMemoryDBSnapshot), 400, "com.amazonaws.memorydb#InvalidParameterCombinationException"},
		{"missing required", "POST", cborPath, nil, smithycbor.Encode(smithycbor.Map{}), 400, "com.amazonaws.memorydb#InvalidParameterValueException"},
		{"not a map", "POST", cborPath, nil, smithycbor.Encode(smithycbor.String("x")), 400, "com.amazonaws.memorydb#SerializationException"},
		{"malformed", "POST", cborPath, nil, []byte{0xbf, 0x61}, 400, "com.amazonaws.memorydb#SerializationException"},
		{"byte string member", "POST", cborPath, nil, smithycbor.Encode(smithycbor.Map{"SourceSnapshotName": smithycbor.Slice("x")}), 400,
			"com.amazonaws.memorydb#SerializationException"},
		{"no Smithy-Protocol", "POST", cborPath, map[string]string{"Smithy-Protocol": ""}, copyInput("a", "b"), 400, "com.amazonaws.memorydb#SerializationException"},
		{"JSON content type", "POST", cborPath, map[string]string{"Content-Type": "application/json"}, copyInput("a", "b"), 400,
			"com.amazonaws.memorydb#SerializationException"},
		{"GET", "GET", cborPath, nil, nil, 404, coralNamespace + "#UnknownOperationException"},
		{"unknown operation", "POST", "/service/AmazonMemoryDB/operation/DeleteSnapshot", nil, copyInput("a", "b"), 404,
			coralNamespace + "#UnknownOperationException"},
		{"unknown service", "POST", "/service/Nope/operation/CopySnapshot", nil, copyInput("a", "b"), 404, coralNamespace + "#UnknownOperationException"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, _, body := sendCBOR(t, server, tc.method, tc.path, tc.header, tc.body)
			if status != tc.status || body["__type"] != smithycbor.String(tc.code) {
				t.Errorf("status %d, __type %v; want %d, %s", status, body["__type"], tc.status, tc.code)
			}
			if message, ok := body["message"].(smithycbor.String); !ok || message == "" {
				t.Errorf("no message: %v", body)
			}
		})
	}
}

// TestCBORTrailingBytes checks that a body is refused when anything
// follows its map, as a JSON body is, and read when nothing does.
func TestCBORTrailingBytes(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	// indefinite is {"SourceSnapshotName": seed, "TargetSnapshotName": "trail-indef"}
	// as an indefinite-length map.
	indefinite := append([]byte{0xbf}, copyInput(SeedMemoryDBSnapshot, "trail-indef")[1:]...)
	indefinite = append(indefinite, 0xff)
	cases := []struct {
		name   string
		body   []byte
		status int
	}{
		{"a zero byte", append(copyInput(SeedMemoryDBSnapshot, "trail-1"), 0x00), 400},
		{"a break marker", append(copyInput(SeedMemoryDBSnapshot, "trail-2"), 0xff), 400},
		{"a second map", append(copyInput(SeedMemoryDBSnapshot, "trail-3"), copyInput(SeedMemoryDBSnapshot, "trail-4")...), 400},
		{"a truncated item", append(copyInput(SeedMemoryDBSnapshot, "trail-5"), 0x78), 400},
		{"after an indefinite map", append(append([]byte{}, indefinite...), 0x61, 'x'), 400},
		{"nothing", copyInput(SeedMemoryDBSnapshot, "trail-6"), 200},
		{"nothing after an indefinite map", indefinite, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, _, body := sendCBOR(t, server, http.MethodPost, cborPath, nil, tc.body)
			if status != tc.status {
				t.Fatalf("status %d %v, want %d", status, body, tc.status)
			}
			if tc.status == 400 && body["__type"] != smithycbor.String("com.amazonaws.memorydb#SerializationException") {
				t.Errorf("__type %v", body["__type"])
			}
		})
	}
}

// TestCBORErrorMessages checks that malformed or unsupported bodies are
// refused with short messages naming the problem, not the decoder's
// internals.
func TestCBORErrorMessages(t *testing.T) {
	t.Parallel()
	server := startServer(t, Config{})
	member := func(value []byte) []byte { // {"SourceSnapshotName": value}
		return append([]byte{0xa1, 0x72}, append([]byte("SourceSnapshotName"), value...)...)
	}
	cases := []struct {
		name string
		body []byte
		want string
	}{
		{"string longer than the body", member([]byte{0x7b, 0x22, 0x53, 0x6e, 0x61, 0x70, 0x73, 0x68, 0x6f}), "a string is longer than the rest of the body"},
		{"list longer than the body", member([]byte{0x9b, 0x22, 0x53, 0x6e, 0x61, 0x70, 0x73, 0x68, 0x6f}), "a list or map is longer than the rest of the body"},
		{"tag", member([]byte{0xc1, 0x01}), "a member holds a tagged item"},
		{"byte string", member([]byte{0x41, 'x'}), "a member holds a byte string"},
		{"deep nesting", member(append(bytes.Repeat([]byte{0x81}, 200), 0x01)), "lists and maps nest more than 128 deep"},
		{"integer map key", []byte{0xa1, 0x01, 0x02}, "a map key is not a text string"},
		{"integer key in an indefinite map", []byte{0xbf, 0x01, 0x02, 0xff}, "a map key is not a text string"},
		{"reserved head", member([]byte{0x1c}), "reserved additional information 28"},
		{"break outside", []byte{0xff}, "a break marker stands outside an indefinite-length item"},
		{"truncated head", member([]byte{0x19, 0x01}), "the body ends inside an item head"},
		{"unclosed indefinite list", member([]byte{0x9f, 0x01}), "an indefinite-length item has no break marker"},
		{"list at the top", smithycbor.Encode(smithycbor.List{}), "the body is a list, not a map"},
		{"simple value", member([]byte{0xf8, 0x20}), "the simple value 32 is not one a body holds"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			status, _, body := sendCBOR(t, server, http.MethodPost, cborPath, nil, tc.body)
			message, _ := body["message"].(smithycbor.String)
			if status != 400 || !strings.Contains(string(message), tc.want) {
				t.Errorf("got %d %q, want 400 and a message with %q", status, message, tc.want)
			}
			if len(message) > 200 || strings.Contains(string(message), "cbor.") || strings.Contains(string(message), "decode") {
				t.Errorf("message %q is not short and in the emulator's words", message)
			}
		})
	}
}
