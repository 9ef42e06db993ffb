// Package lightsail compares awssnap's Lightsail GetExportSnapshotRecords
// client (and its paginator) with the official
// github.com/aws/aws-sdk-go-v2/service/lightsail client: cost per call and
// per page, exported shapes, wire bytes, decoded results and errors, and
// the official client against the emulator. Everything is in the tests.
package lightsail
