// Package programs compares what the code a production program plugs into
// a client sees of a call made with awssnap and with the official client:
// instrumentation middleware added through aws.Config.APIOptions
// (OpenTelemetry's otelaws and the AWS X-Ray SDK), the program's own HTTP
// client, and the environment of AWS Lambda.
package programs
