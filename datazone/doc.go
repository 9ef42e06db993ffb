// Package datazone is a client for the Amazon DataZone CreateAssetRevision
// operation, a drop-in replacement for the same operation of
// github.com/aws/aws-sdk-go-v2/service/datazone: the same client, options,
// input, output, types and typed errors, and the same requests on the wire.
//
// Beyond the official client it checks every constraint of the model
// before sending (see Options.Validation), fills the idempotency token on
// a copy of the input instead of the caller's struct, keeps @sensitive
// members (the asset's name and description, the forms) out of fmt, String,
// log/slog and request logs, builds a middleware stack only for calls that
// carry middleware, interceptors or telemetry, and reads responses without
// an intermediate JSON tree.
//
//	cfg, err := config.LoadDefaultConfig(ctx)
//	if err != nil {
//		return err
//	}
//	client := datazone.NewFromConfig(cfg)
//	out, err := client.CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{
//		DomainIdentifier: aws.String("dzd_4p9n6sw4qt9xgn"),
//		Identifier:       aws.String("3t2ng8cp3dqxmb"),
//		Name:             aws.String("orders"),
//	})
//
// For tests, package datazonetest serves an in-process emulator of the
// operation that a client of this package can be pointed at.
//
// awssnap is licensed under the Apache License 2.0, as the official SDK
// is; see the LICENSE file at the root of the module.
package datazone
