// Package instrumentation compares what instrumentation libraries that
// production programs add through aws.Config.APIOptions record of a call
// made with awssnap and with the official client.
package instrumentation
