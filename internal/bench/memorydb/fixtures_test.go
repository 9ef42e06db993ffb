package memorydb

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	fschemas "github.com/aws/aws-sdk-go-v2/service/memorydb/schemas"
	ftypes "github.com/aws/aws-sdk-go-v2/service/memorydb/types"
	smithycbor "github.com/aws/smithy-go/encoding/cbor"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/memorydb"
	oschemas "github.com/awssnap/awssnap/memorydb/schemas"
	otypes "github.com/awssnap/awssnap/memorydb/types"
)

const (
	contentType = "application/x-amz-json-1.1"
	target      = "AmazonMemoryDB.CopySnapshot"
	signingName = "memorydb"
)

// fullBody is a realistic CopySnapshot answer: a two-shard cluster
// snapshot with every member set.
const fullBody = `{"Snapshot":{"ARN":"arn:aws:memorydb:us-east-1:111122223333:snapshot/nightly-2026-01-01-copy",` +
	`"ClusterConfiguration":{"Description":"Orders cache, production","Engine":"valkey","EngineVersion":"7.2",` +
	`"MaintenanceWindow":"wed:08:00-wed:09:00","MultiRegionClusterName":"orders-global","MultiRegionParameterGroupName":"default.memorydb-valkey7.multiregion",` +
	`"Name":"orders-prod","NodeType":"db.r6gd.xlarge","NumShards":2,"ParameterGroupName":"default.memorydb-valkey7","Port":6379,` +
	`"Shards":[{"Configuration":{"ReplicaCount":2,"Slots":"0-8191"},"Name":"0001","Size":"2 GB","SnapshotCreationTime":1767225600.123},` +
	`{"Configuration":{"ReplicaCount":2,"Slots":"8192-16383"},"Name":"0002","Size":"2 GB","SnapshotCreationTime":1767225600.456}],` +
	`"SnapshotRetentionLimit":7,"SnapshotWindow":"05:00-06:00","SubnetGroupName":"orders-subnets",` +
	`"TopicArn":"arn:aws:sns:us-east-1:111122223333:memorydb-events","VpcId":"vpc-0a1b2c3d4e5f67890"},` +
	`"DataTiering":"true","KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",` +
	`"Name":"nightly-2026-01-01-copy","Source":"manual","Status":"creating"}}`

// requestBody is what both clients send for benchInputs, for the floors.
const requestBody = `{"KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",` +
	`"SourceSnapshotName":"nightly-2026-01-01","Tags":[{"Key":"env","Value":"prod"},{"Key":"team","Value":"data"}],` +
	`"TargetBucket":"exports.example-bucket","TargetSnapshotName":"nightly-2026-01-01-copy"}`

func oursInput() *ours.CopySnapshotInput {
	return &ours.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly-2026-01-01"),
		TargetSnapshotName: aws.String("nightly-2026-01-01-copy"),
		TargetBucket:       aws.String("exports.example-bucket"),
		KmsKeyId:           aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		Tags: []otypes.Tag{
			{Key: aws.String("env"), Value: aws.String("prod")},
			{Key: aws.String("team"), Value: aws.String("data")},
		},
	}
}

func officialInput() *official.CopySnapshotInput {
	return &official.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly-2026-01-01"),
		TargetSnapshotName: aws.String("nightly-2026-01-01-copy"),
		TargetBucket:       aws.String("exports.example-bucket"),
		KmsKeyId:           aws.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		Tags: []ftypes.Tag{
			{Key: aws.String("env"), Value: aws.String("prod")},
			{Key: aws.String("team"), Value: aws.String("data")},
		},
	}
}

// wireProtocol is one of MemoryDB's two protocols, set on both clients:
// both default to rpcv2Cbor (the official client since v1.43.0), and are
// told awsJson1_1 through Options.Protocol.
type wireProtocol struct {
	name        string
	ours        func(*ours.Options)
	official    func(*official.Options)
	contentType string
	path        string // the request path after the endpoint's
	requestBody string // what both clients send for the benchmark input
	full        kit.Response
	emptyAnswer testutil.Response
	benchSuffix string // appended to impl=ours and impl=official in benchmark names
}

var (
	jsonProtocol = wireProtocol{
		name:        "awsJson1_1",
		ours:        func(o *ours.Options) { o.Protocol = awsjson.New11(oschemas.AmazonMemoryDB) },
		official:    func(o *official.Options) { o.Protocol = awsjson.New11(fschemas.AmazonMemoryDB) },
		contentType: contentType,
		path:        "",
		requestBody: requestBody,
		full:        kit.JSONResponse(contentType, fullBody),
		emptyAnswer: testutil.Response{Status: 200, Header: map[string]string{"Content-Type": contentType}, Body: "{}"},
	}
	cborProtocol = wireProtocol{
		name:        "rpcv2Cbor",
		ours:        func(*ours.Options) {},
		official:    func(*official.Options) {},
		contentType: cborContentType,
		path:        "/service/AmazonMemoryDB/operation/CopySnapshot",
		requestBody: cborRequestBody(),
		full:        kit.JSONResponse(cborContentType, string(toCBOR(fullBody))),
		emptyAnswer: testutil.Response{Status: 200, Header: map[string]string{"Content-Type": cborContentType}, Body: "\xbf\xff"},
		benchSuffix: "-cbor",
	}
	protocols = []wireProtocol{jsonProtocol, cborProtocol}
)

const cborContentType = "application/cbor"

// cborRequestBody is requestBody in CBOR, as the official client lays it
// out: indefinite-length maps and lists, members sorted by name.
func cborRequestBody() string {
	var b []byte
	text := func(s string) {
		switch n := len(s); {
		case n < 24:
			b = append(b, 0x60|byte(n))
		case n < 256:
			b = append(b, 0x78, byte(n))
		default:
			panic("string too long for the fixture")
		}
		b = append(b, s...)
	}
	b = append(b, 0xbf)
	text("KmsKeyId")
	text("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	text("SourceSnapshotName")
	text("nightly-2026-01-01")
	text("Tags")
	b = append(b, 0x9f)
	for _, tag := range [][2]string{{"env", "prod"}, {"team", "data"}} {
		b = append(b, 0xbf)
		text("Key")
		text(tag[0])
		text("Value")
		text(tag[1])
		b = append(b, 0xff)
	}
	b = append(b, 0xff)
	text("TargetBucket")
	text("exports.example-bucket")
	text("TargetSnapshotName")
	text("nightly-2026-01-01-copy")
	b = append(b, 0xff)
	return string(b)
}

// canned is an answer with the given status whose body is doc (JSON) in
// protocol p.
func (p wireProtocol) canned(status int, doc string) kit.Response {
	if p.contentType == cborContentType {
		return kit.Canned(status, p.contentType, string(toCBOR(doc)))
	}
	return kit.Canned(status, p.contentType, doc)
}

// toCBOR converts a JSON document of the CopySnapshot output shape to the
// CBOR a service sends (definite-length items): numbers of the timestamp
// member become tag 1 around a float64, other integers CBOR integers.
func toCBOR(doc string) []byte {
	decoder := json.NewDecoder(strings.NewReader(doc))
	decoder.UseNumber()
	var v any
	if err := decoder.Decode(&v); err != nil {
		panic(err)
	}
	return smithycbor.Encode(cborValue(v, ""))
}

func cborValue(v any, key string) smithycbor.Value {
	switch v := v.(type) {
	case map[string]any:
		m := smithycbor.Map{}
		for k, item := range v {
			m[k] = cborValue(item, k)
		}
		return m
	case []any:
		l := smithycbor.List{}
		for _, item := range v {
			l = append(l, cborValue(item, key))
		}
		return l
	case string:
		return smithycbor.String(v)
	case bool:
		return smithycbor.Bool(v)
	case nil:
		return &smithycbor.Nil{}
	case json.Number:
		if key == "SnapshotCreationTime" {
			f, _ := v.Float64()
			return &smithycbor.Tag{ID: 1, Value: smithycbor.Float64(f)}
		}
		if i, err := v.Int64(); err == nil {
			if i < 0 {
				return smithycbor.NegInt(uint64(-(i + 1)))
			}
			return smithycbor.Uint(i)
		}
		f, _ := v.Float64()
		return smithycbor.Float64(f)
	}
	panic(fmt.Sprintf("unexpected %T", v))
}

// newOurs returns our client sending with httpClient to endpoint (the
// default endpoint when empty).
func newOurs(httpClient ours.HTTPClient, endpoint string, optFns ...func(*ours.Options)) *ours.Client {
	options := ours.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return ours.New(options, optFns...)
}

// newOfficial returns the official client sending with httpClient to
// endpoint (the default endpoint when empty).
func newOfficial(httpClient official.HTTPClient, endpoint string, optFns ...func(*official.Options)) *official.Client {
	options := official.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return official.New(options, optFns...)
}

func fullResponse() kit.Response { return kit.JSONResponse(contentType, fullBody) }

func requestHeader() http.Header {
	return kit.Header("Content-Type", contentType, "X-Amz-Target", target)
}

func newFloor(tb testing.TB, client *http.Client, url string) *kit.Floor {
	tb.Helper()
	floor, err := kit.NewFloor(client, url+"/", requestHeader(), []byte(requestBody), signingName, testutil.Credentials)
	if err != nil {
		tb.Fatal(err)
	}
	return floor
}
