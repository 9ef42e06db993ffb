// Package lightsail is a client for the Amazon Lightsail
// GetExportSnapshotRecords operation, a drop-in replacement for the same
// operation of github.com/aws/aws-sdk-go-v2/service/lightsail: the same
// client, options, input, output, types and typed errors, and the same
// requests on the wire.
//
// Beyond the official client it has a paginator for the operation, with an
// iterator over the records of every page, builds a middleware stack only
// for calls that carry middleware, interceptors or telemetry, and reads
// responses without an intermediate JSON tree.
//
//	cfg, err := config.LoadDefaultConfig(ctx)
//	if err != nil {
//		return err
//	}
//	client := lightsail.NewFromConfig(cfg)
//	paginator := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
//	for record, err := range paginator.All(ctx) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(aws.ToString(record.Name), record.State)
//	}
//
// For tests, package lightsailtest serves an in-process emulator of the
// operation that a client of this package can be pointed at.
//
// awssnap is licensed under the Apache License 2.0, as the official SDK
// is; see the LICENSE file at the root of the module.
package lightsail
