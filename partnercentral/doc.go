// Package partnercentral is a client for the AWS Partner Central Selling
// CreateResourceSnapshot operation, a drop-in replacement for the same
// operation of github.com/aws/aws-sdk-go-v2/service/partnercentralselling:
// the same client, options, input, output, types and typed errors, and the
// same requests on the wire.
//
// Beyond the official client it checks every constraint of the model
// before sending (see Options.Validation), fills the idempotency token
// without touching the caller's input, builds a middleware stack only for
// calls that carry middleware, interceptors or telemetry, and reads
// responses without an intermediate JSON tree.
//
// The official package is named partnercentralselling. Import this one
// under that name and code written for the official client compiles as
// it is:
//
//	import partnercentralselling "github.com/awssnap/awssnap/partnercentral"
//
// The service is served only in us-east-1, at
// https://partnercentral-selling.us-east-1.api.aws (its endpoints are
// dual-stack only). Like the official client, this client does not default
// the region: set Region to "us-east-1" (or load a configuration that does),
// or every call fails with "Invalid Configuration: Missing Region".
//
//	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
//	if err != nil {
//		return err
//	}
//	client := partnercentral.NewFromConfig(cfg)
//	out, err := client.CreateResourceSnapshot(ctx, &partnercentral.CreateResourceSnapshotInput{
//		Catalog:                            aws.String("AWS"),
//		EngagementIdentifier:               aws.String("eng-0123456789abcd"),
//		ResourceType:                       types.ResourceTypeOpportunity,
//		ResourceIdentifier:                 aws.String("O1234567"),
//		ResourceSnapshotTemplateIdentifier: aws.String("MyTemplate"),
//	})
//
// For tests, package partnercentraltest serves an in-process emulator of the
// operation that a client of this package can be pointed at.
//
// awssnap is licensed under the Apache License 2.0, as the official SDK
// is; see the LICENSE file at the root of the module.
package partnercentral
