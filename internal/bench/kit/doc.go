// Package kit holds what the comparisons of awssnap with the official
// aws-sdk-go-v2 service clients share: loopback servers and HTTP clients
// answering with canned responses, the net/http floors a signed call is
// measured against, and the reflection, wire and decode comparisons the
// parity tests run for each service.
package kit
