// Package neptunegraph is a client for the Amazon Neptune Analytics
// CreateGraphSnapshot operation, a drop-in replacement for the same
// operation of github.com/aws/aws-sdk-go-v2/service/neptunegraph: the same
// client, options, input, output, enums and typed errors, and the same
// requests on the wire.
//
// Beyond the official client it checks every constraint of the model
// before sending (see Options.Validation), writes tag maps in sorted key
// order so that a request's bytes and signature are reproducible, builds a
// middleware stack only for calls that carry middleware, interceptors or
// telemetry, and reads responses without an intermediate JSON tree.
//
//	cfg, err := config.LoadDefaultConfig(ctx)
//	if err != nil {
//		return err
//	}
//	client := neptunegraph.NewFromConfig(cfg)
//	out, err := client.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
//		GraphIdentifier: aws.String("g-abcde12345"),
//		SnapshotName:    aws.String("nightly-1"),
//		Tags:            map[string]string{"team": "graph"},
//	})
//
// For tests, package neptunegraphtest serves an in-process emulator of the
// operation that a client of this package can be pointed at.
//
// awssnap is licensed under the Apache License 2.0, as the official SDK
// is; see the LICENSE file at the root of the module.
package neptunegraph
