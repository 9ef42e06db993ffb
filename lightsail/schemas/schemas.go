// Package schemas holds the Smithy schema of the Lightsail service shape,
// under the name the official client's schemas package gives it, so that
// protocol values are built the same way for both clients:
//
//	o.Protocol = awsjson.New11(schemas.Lightsail_20161128)  // awsJson1_1, the default
package schemas

import "github.com/aws/smithy-go"

// Lightsail_20161128 is the schema of the service shape
// com.amazonaws.lightsail#Lightsail_20161128, API version 2016-11-28.
//
//lint:ignore ST1003 the official client's schemas package names it so
var Lightsail_20161128 = smithy.NewServiceSchema(
	smithy.NewSchema(smithy.ShapeID{Namespace: "com.amazonaws.lightsail", Name: "Lightsail_20161128"}, smithy.ShapeTypeService, 0),
	"2016-11-28")
