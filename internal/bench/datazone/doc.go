// Package datazone compares awssnap's DataZone CreateAssetRevision client
// with the official github.com/aws/aws-sdk-go-v2/service/datazone client:
// cost per call, exported shapes, wire bytes, decoded results and errors,
// and the official client against the emulator. Everything is in the
// tests.
package datazone
