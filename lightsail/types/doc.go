// Package types holds the structures, enums and typed errors of the Amazon
// Lightsail GetExportSnapshotRecords operation, with the names and shapes of
// github.com/aws/aws-sdk-go-v2/service/lightsail/types.
package types
