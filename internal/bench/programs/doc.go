// Package programs compares what the code a production program plugs into
// a client sees of a call made with awssnap and with the official client:
// instrumentation middleware added through aws.Config.APIOptions, and the
// program's own HTTP client.
package programs
