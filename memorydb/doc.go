// Package memorydb is a client for the Amazon MemoryDB CopySnapshot
// operation, a drop-in replacement for the same operation of
// github.com/aws/aws-sdk-go-v2/service/memorydb: the same client, options,
// input, output, types and typed errors, and the same requests on the wire.
//
// Beyond the official client it checks every constraint of the model
// before sending (see Options.Validation), builds a middleware stack only
// for calls that carry middleware, interceptors or telemetry, and reads
// responses (Smithy RPC v2 CBOR by default, as the official client since
// v1.43.0, or awsJson1_1) without an intermediate tree.
//
//	cfg, err := config.LoadDefaultConfig(ctx)
//	if err != nil {
//		return err
//	}
//	client := memorydb.NewFromConfig(cfg)
//	out, err := client.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
//		SourceSnapshotName: aws.String("nightly"),
//		TargetSnapshotName: aws.String("nightly-copy"),
//	})
//
// For tests, package memorydbtest serves an in-process emulator of the
// operation that a client of this package can be pointed at.
//
// awssnap is licensed under the Apache License 2.0, as the official SDK
// is; see the LICENSE file at the root of the module.
package memorydb
