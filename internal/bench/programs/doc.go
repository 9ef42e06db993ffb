// Package programs compares what the code a production program plugs into
// a client sees of a call made with awssnap and with the official client:
// instrumentation middleware added through aws.Config.APIOptions
// (OpenTelemetry's otelaws, the AWS X-Ray SDK, and Datadog's dd-trace-go
// v1 and v2), the OpenTelemetry SDK as the clients' tracer and meter
// providers, a net/http ClientTrace in the call's context, the program's
// own HTTP client, endpoint and auth scheme resolvers, credentials
// provider, retryer, signer and logger, and the environment of AWS Lambda.
package programs
