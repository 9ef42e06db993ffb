package kit

import "maps"

// clientDifferences are the deliberate differences of every client's API
// (an operation's method and the Options it takes) from the official one.
var clientDifferences = map[string]string{
	// Our additions, documented in each package.
	"Options.Validation: extra":       "client-side validation of every model constraint",
	"Options.MaxResponseBytes: extra": "bound on the size of a response body",
	// The official client's middleware stack, auth scheme resolution,
	// telemetry and legacy endpoint resolution have no equivalent: the
	// client has one fixed pipeline (APIOptions are refused at call time).
	"Options.AuthSchemePreference: missing":  "no auth scheme resolution: SigV4 only",
	"Options.AuthSchemeResolver: missing":    "no auth scheme resolution: SigV4 only",
	"Options.AuthSchemes: missing":           "no auth scheme resolution: SigV4 only",
	"Options.GetIdentityResolver(): missing": "no auth scheme resolution: SigV4 only",
	"Options.DefaultsMode: missing":          "no defaults modes: the standard retryer and the HTTP client's timeouts",
	"Options.RuntimeEnvironment: missing":    "no defaults modes",
	"Options.EndpointResolver: missing":      "the deprecated v1 endpoint resolver; EndpointResolverV2 and BaseEndpoint are supported",
	"Options.Interceptors: missing":          "no interceptors",
	"Options.MeterProvider: missing":         "no telemetry",
	"Options.TracerProvider: missing":        "no telemetry",
	// The official EndpointOptions type lives in an internal package of
	// aws-sdk-go-v2 that programs cannot name; ours has the fields that
	// select endpoints (DisableHTTPS, ResolvedRegion, UseDualStackEndpoint,
	// UseFIPSEndpoint) with the same types, but neither the logging fields
	// of the legacy resolver nor its getters.
	"Options.EndpointOptions: type name":         "the official type is aws-sdk-go-v2/internal/endpoints.Options",
	"Options.LogDeprecated: missing":             "legacy resolver logging",
	"Options.Logger: missing":                    "legacy resolver logging",
	"Options.GetDisableHTTPS(): missing":         "getter of the legacy resolver",
	"Options.GetResolvedRegion(): missing":       "getter of the legacy resolver",
	"Options.GetUseDualStackEndpoint(): missing": "getter of the legacy resolver",
	"Options.GetUseFIPSEndpoint(): missing":      "getter of the legacy resolver",
	// An alias of the shared signer interface, with the same method:
	// <pkg>.HTTPSignerV4 still names it.
	"Options.HTTPSignerV4: type name": "alias of the shared Signer interface",
}

// ClientDifferences returns the allow-list of deliberate differences of a
// client's operation method and Options, for the operation whose input
// type is named input (which has our Validate method).
func ClientDifferences(input string, extra ...map[string]string) map[string]string {
	allow := maps.Clone(clientDifferences)
	allow[input+".Validate(): extra"] = "validation without a call"
	for _, m := range extra {
		maps.Copy(allow, m)
	}
	return allow
}
