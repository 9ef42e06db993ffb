package transport

import (
	"net"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/defaults"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// This file holds what a service's New and NewFromConfig use to give a
// client's options the official clients' defaults. Each function takes and
// returns plain values, so a service's client code reads as a list of the
// steps the official clients take, in their order.

// ResolveDefaultsMode returns the defaults mode a client is built with:
// mode as written (any case), with "auto" resolved from the region and
// the runtime environment as the official clients resolve it. An empty or
// unknown mode is the legacy mode, which changes nothing.
func ResolveDefaultsMode(mode aws.DefaultsMode, region string, env aws.RuntimeEnvironment) aws.DefaultsMode {
	var resolved aws.DefaultsMode
	resolved.SetFromString(string(mode))
	if resolved == aws.DefaultsModeAuto {
		resolved = defaults.ResolveDefaultsModeAuto(region, env)
	}
	return resolved
}

// ResolveRetryer returns the retry mode and the retryer of a client whose
// options set none: the mode the defaults mode gives when the options
// leave it empty (standard otherwise), and the official retryer of that
// mode limited to maxAttempts when it is not zero.
func ResolveRetryer(mode aws.RetryMode, maxAttempts int, defaultsMode aws.DefaultsMode) (aws.RetryMode, aws.Retryer) {
	if mode == "" {
		if config, err := defaults.GetModeConfiguration(defaultsMode); err == nil {
			mode = config.RetryMode
		}
	}
	if mode == "" {
		mode = aws.RetryModeStandard
	}
	return mode, DefaultRetryer(mode, maxAttempts)
}

// ResolveHTTPClient returns the HTTP client of a client whose options set
// client: a new DefaultHTTPClient when it is nil, and, as in the official
// clients, the connect and TLS handshake timeouts of the defaults mode on
// that client or on an *awshttp.BuildableClient the options carry. Any
// other client is used as it is.
func ResolveHTTPClient(client HTTPClient, defaultsMode aws.DefaultsMode) HTTPClient {
	config, modeErr := defaults.GetModeConfiguration(defaultsMode)
	switch c := client.(type) {
	case nil:
		client := DefaultHTTPClient()
		if modeErr == nil {
			applyModeTimeouts(client.Transport.(*http.Transport), config)
		}
		return client
	case *awshttp.BuildableClient:
		if modeErr != nil {
			return c
		}
		c = c.WithDialerOptions(func(dialer *net.Dialer) {
			if timeout, ok := config.GetConnectTimeout(); ok {
				dialer.Timeout = timeout
			}
		})
		return c.WithTransportOptions(func(transport *http.Transport) {
			if timeout, ok := config.GetTLSNegotiationTimeout(); ok {
				transport.TLSHandshakeTimeout = timeout
			}
		})
	}
	return client
}

// applyModeTimeouts sets the connect and TLS handshake timeouts of a
// defaults mode on transport.
func applyModeTimeouts(transport *http.Transport, config defaults.Configuration) {
	if timeout, ok := config.GetConnectTimeout(); ok {
		dialer := &net.Dialer{Timeout: timeout, KeepAlive: awshttp.DefaultDialKeepAliveTimeout}
		transport.DialContext = dialer.DialContext
	}
	if timeout, ok := config.GetTLSNegotiationTimeout(); ok {
		transport.TLSHandshakeTimeout = timeout
	}
}

// IsAnonymous reports whether credentials are aws.AnonymousCredentials
// (possibly inside a cache), which a client built with them replaces with
// nil: its calls are sent unsigned.
func IsAnonymous(credentials aws.CredentialsProvider) bool {
	return aws.IsCredentialsProvider(credentials, (*aws.AnonymousCredentials)(nil))
}

// FinalizeRetryMaxAttempts returns the retryer of a call whose options set
// maxAttempts, where the client's options set clientMaxAttempts: retryer
// limited to maxAttempts when it differs and is not zero, as in the
// official clients.
func FinalizeRetryMaxAttempts(retryer aws.Retryer, maxAttempts, clientMaxAttempts int) aws.Retryer {
	if maxAttempts == 0 || maxAttempts == clientMaxAttempts {
		return retryer
	}
	return WithMaxAttempts(retryer, maxAttempts)
}
