// Package neptunegraph compares awssnap's Neptune Analytics
// CreateGraphSnapshot client with the official
// github.com/aws/aws-sdk-go-v2/service/neptunegraph client: cost per call,
// exported shapes, wire bytes, decoded results and errors, and the
// official client against the emulator. Everything is in the tests.
package neptunegraph
