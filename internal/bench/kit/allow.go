package kit

import "maps"

// clientDifferences are the deliberate differences of every client's API
// (an operation's method and the Options it takes) from the official one.
var clientDifferences = map[string]string{
	// Our additions, documented in each package.
	"Options.Validation: extra":       "client-side validation of every model constraint",
	"Options.MaxResponseBytes: extra": "bound on the size of a response body",
	// The official EndpointOptions type lives in an internal package of
	// aws-sdk-go-v2 that programs cannot name; ours has the same fields and
	// getters under another name. The legacy EndpointResolver receives it.
	"Options.EndpointOptions: type name":                "the official type is aws-sdk-go-v2/internal/endpoints.Options",
	"EndpointResolver.ResolveEndpoint(in 1): type name": "the official type is aws-sdk-go-v2/internal/endpoints.Options",
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
