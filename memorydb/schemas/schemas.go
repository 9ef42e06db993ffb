// Package schemas holds the Smithy schema of the MemoryDB service shape,
// under the name the official client's schemas package gives it, so that
// protocol values are built the same way for both clients:
//
//	o.Protocol = rpcv2.NewCBOR(schemas.AmazonMemoryDB)  // Smithy RPC v2 CBOR, the default
//	o.Protocol = awsjson.New11(schemas.AmazonMemoryDB)  // awsJson1_1
package schemas

import "github.com/aws/smithy-go"

// AmazonMemoryDB is the schema of the service shape
// com.amazonaws.memorydb#AmazonMemoryDB, API version 2021-01-01.
var AmazonMemoryDB = smithy.NewServiceSchema(
	smithy.NewSchema(smithy.ShapeID{Namespace: "com.amazonaws.memorydb", Name: "AmazonMemoryDB"}, smithy.ShapeTypeService, 0),
	"2021-01-01")
