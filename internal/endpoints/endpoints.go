// Package endpoints holds what the services' endpoint rules share: the AWS
// partitions, region checks, and the conversion of a rule's result into the
// endpoint a request is sent to and signed for.
//
// Each service writes its own rule set as a short Go function (the model's
// smithy.rules#endpointRuleSet, translated branch by branch); the service
// tests check it against the model.
package endpoints

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Partition is the result of the rules function aws.partition.
type Partition struct {
	Name                 string
	DNSSuffix            string
	DualStackDNSSuffix   string
	SupportsFIPS         bool
	SupportsDualStack    bool
	ImplicitGlobalRegion string
}

type partitionEntry struct {
	Partition
	// prefixes are the alternatives that begin the partition's region
	// pattern, ^(prefix)\-\w+\-\d+$ (see regionMatches).
	prefixes []string
	regions  []string
}

// partitions lists the AWS partitions in the order the rules engine
// searches them (aws-sdk-go-v2 v1.48.0 partitions.json). Each region
// pattern there is ^(one of prefixes)\-\w+\-\d+$.
var partitions = []partitionEntry{
	{Partition{"aws", "amazonaws.com", "api.aws", true, true, "us-east-1"},
		[]string{"us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"}, []string{"aws-global"}},
	{Partition{"aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn", true, true, "cn-northwest-1"},
		[]string{"cn"}, []string{"aws-cn-global", "cn-north-1", "cn-northwest-1"}},
	{Partition{"aws-eusc", "amazonaws.eu", "api.amazonwebservices.eu", true, true, "eusc-de-east-1"},
		[]string{"eusc-de"}, []string{"eusc-de-east-1"}},
	{Partition{"aws-iso", "c2s.ic.gov", "api.aws.ic.gov", true, true, "us-iso-east-1"},
		[]string{"us-iso"}, []string{"aws-iso-global", "us-iso-east-1", "us-iso-west-1"}},
	{Partition{"aws-iso-b", "sc2s.sgov.gov", "api.aws.scloud", true, true, "us-isob-east-1"},
		[]string{"us-isob"}, []string{"aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"}},
	{Partition{"aws-iso-e", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk", true, true, "eu-isoe-west-1"},
		[]string{"eu-isoe"}, []string{"aws-iso-e-global", "eu-isoe-west-1"}},
	{Partition{"aws-iso-f", "csp.hci.ic.gov", "api.aws.hci.ic.gov", true, true, "us-isof-south-1"},
		[]string{"us-isof"}, []string{"aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"}},
	{Partition{"aws-us-gov", "amazonaws.com", "api.aws", true, true, "us-gov-west-1"},
		[]string{"us-gov"}, []string{"aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"}},
}

// PartitionOf returns the partition of region: the partition that lists
// it, else the first whose region pattern matches, else aws.
func PartitionOf(region string) Partition {
	for _, p := range partitions {
		for _, r := range p.regions {
			if r == region {
				return p.Partition
			}
		}
	}
	for _, p := range partitions {
		if regionMatches(region, p.prefixes) {
			return p.Partition
		}
	}
	return partitions[0].Partition
}

// regionMatches reports whether region matches the pattern
// ^(prefixes[0]|prefixes[1]|...)\-\w+\-\d+$, where \w is an ASCII letter,
// digit or underscore and \d an ASCII digit.
func regionMatches(region string, prefixes []string) bool {
	for _, prefix := range prefixes {
		if len(region) <= len(prefix) || region[:len(prefix)] != prefix || region[len(prefix)] != '-' {
			continue
		}
		rest := region[len(prefix)+1:]
		// \w holds no hyphen, so the one hyphen left splits the words from
		// the number.
		words, number, ok := strings.Cut(rest, "-")
		if ok && words != "" && number != "" && strings.IndexFunc(words, notWord) < 0 && strings.IndexFunc(number, notDigit) < 0 {
			return true
		}
	}
	return false
}

func notWord(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_')
}

func notDigit(r rune) bool { return r < '0' || r > '9' }

// FIPSRegion reports whether region is written in a legacy FIPS form
// ("fips-us-east-1", "us-east-1-fips", "us-fips-east-1"), and returns the
// plain region. The official clients turn such a region into the plain
// region with FIPS enabled.
func FIPSRegion(region string) (string, bool) {
	const infix, prefix, suffix = "-fips-", "fips-", "-fips"
	// Each of the three holds "fips", which most regions do not.
	if !strings.Contains(region, "fips") ||
		!strings.Contains(region, infix) && !strings.Contains(region, prefix) && !strings.Contains(region, suffix) {
		return region, false
	}
	region = strings.ReplaceAll(region, infix, "-")
	region = strings.ReplaceAll(region, prefix, "")
	region = strings.ReplaceAll(region, suffix, "")
	return region, true
}

// CheckRegion returns a *RegionError unless region is empty or a valid
// host name as the official clients check it (labels of 1 to 63 letters,
// digits and hyphens, not starting or ending with a hyphen), so that a
// region can never change the host or path of a request.
func CheckRegion(region string) error {
	if region == "" {
		return nil
	}
	for rest := region; ; {
		label, after, more := strings.Cut(rest, ".")
		if !smithyhttp.ValidHostLabel(label) || label[0] == '-' || label[len(label)-1] == '-' {
			return &RegionError{Region: region}
		}
		if !more {
			return nil
		}
		rest = after
	}
}

// RegionError reports a region that is not a valid host name.
type RegionError struct {
	Region string
}

func (e *RegionError) Error() string { return "invalid input region " + e.Region }

// RuleError is an error result of a rule set, such as
// "Invalid Configuration: Missing Region".
func RuleError(msg string) error {
	return fmt.Errorf("endpoint rule error, %s", msg)
}

// ErrMissingRegion is the rule sets' answer when no region is configured.
var ErrMissingRegion = RuleError("Invalid Configuration: Missing Region")

// URL returns the endpoint at rawURL, parsed as the official rule sets
// parse a rule's URL: text that net/url cannot parse is an error, while a
// relative or empty URL is not (a client refuses it before sending: it
// has no http or https scheme).
func URL(rawURL string) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		//lint:ignore ST1005 the official resolvers' words, as they write them
		return smithyendpoints.Endpoint{}, fmt.Errorf("Failed to parse uri: %s", redactPassword(rawURL))
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

// redactPassword returns rawURL with the password of its user information,
// if it has one, written as url.URL.Redacted writes it, so that an error
// never shows it.
func redactPassword(rawURL string) string {
	scheme, rest, ok := strings.Cut(rawURL, "://")
	if !ok {
		return rawURL
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return rawURL
	}
	user, _, hasPassword := strings.Cut(rest[:at], ":")
	if !hasPassword {
		return rawURL
	}
	return scheme + "://" + user + ":xxxxx" + rest[at:]
}

// WithSigV4 returns endpoint carrying an auth scheme that signs with
// signingName for signingRegion, as a rule set's authSchemes property does
// and as the official resolvers write it: the scheme named "sigv4", its
// name without the "aws.auth#" namespace.
func WithSigV4(endpoint smithyendpoints.Endpoint, signingName, signingRegion string) smithyendpoints.Endpoint {
	var signer smithy.Properties
	smithyhttp.SetSigV4SigningName(&signer, signingName)
	smithyhttp.SetSigV4ASigningName(&signer, signingName)
	smithyhttp.SetSigV4SigningRegion(&signer, signingRegion)
	smithyauth.SetAuthOptions(&endpoint.Properties, []*smithyauth.Option{{
		SchemeID:         "sigv4",
		SignerProperties: signer,
	}})
	return endpoint
}

// Signing returns the SigV4 signing name and region an endpoint asks for,
// or the defaults when it carries no auth scheme. As in the official
// clients, the signer properties of every auth scheme the endpoint lists
// apply in turn, whatever the scheme's name ("sigv4", "aws.auth#sigv4" or
// another): the last to set a name or region wins.
func Signing(endpoint *smithyendpoints.Endpoint, defaultName, defaultRegion string) (name, region string) {
	name, region = defaultName, defaultRegion
	for _, o := range AuthOptions(&endpoint.Properties) {
		if v, ok := smithyhttp.GetSigV4SigningName(&o.SignerProperties); ok {
			name = v
		}
		if v, ok := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties); ok {
			region = v
		}
	}
	return name, region
}

// Property returns what props, an endpoint's properties, hold for key, or
// nil. A set with no properties at all is not asked: asking an empty set
// for a key would make its map, an allocation on every call.
func Property(props *smithy.Properties, key any) any {
	if props.Values() == nil {
		return nil
	}
	return props.Get(key)
}

// AuthOptions returns the auth schemes props, an endpoint's properties,
// list, asking them as Property does.
func AuthOptions(props *smithy.Properties) []*smithyauth.Option {
	if props.Values() == nil {
		return nil
	}
	options, _ := smithyauth.GetAuthOptions(props)
	return options
}

// ErrInsecureEndpoint is returned for a plain-http endpoint on a host that
// is not loopback, unless the caller opted in.
var ErrInsecureEndpoint = errors.New("refusing to send signed requests over plain http to a non-loopback host; use https, or set EndpointOptions.DisableHTTPS to opt in")

// The error results the services' rule sets share.
var (
	ErrFIPSAndCustom      = RuleError("Invalid Configuration: FIPS and custom endpoint are not supported")
	ErrDualStackAndCustom = RuleError("Invalid Configuration: Dualstack and custom endpoint are not supported")
	ErrFIPSAndDualStack   = RuleError("FIPS and DualStack are enabled, but this partition does not support one or both")
	ErrFIPSUnsupported    = RuleError("FIPS is enabled but this partition does not support FIPS")
	ErrDualStackUnsupport = RuleError("DualStack is enabled but this partition does not support DualStack")
)

// Custom is the first branch of every rule set: a configured endpoint is
// used as it is, and cannot be combined with FIPS or dual-stack.
func Custom(endpoint string, useFIPS, useDualStack bool) (smithyendpoints.Endpoint, error) {
	switch {
	case useFIPS:
		return smithyendpoints.Endpoint{}, ErrFIPSAndCustom
	case useDualStack:
		return smithyendpoints.Endpoint{}, ErrDualStackAndCustom
	}
	return URL(endpoint)
}

// Host returns the endpoint https://host, for a host known to be one.
func Host(host string) smithyendpoints.Endpoint {
	return smithyendpoints.Endpoint{URI: url.URL{Scheme: "https", Host: host}}
}

// HostOf returns the endpoint https://host for a host built from the
// parameters, as the official rule sets build it: from text, parsed. A host
// of letters, digits, dots and hyphens (every region's) needs no parsing;
// any other is parsed, so a region holding a space is the official error
// and one holding a slash moves the rest into the path, as it does there.
func HostOf(host string) (smithyendpoints.Endpoint, error) {
	for i := 0; i < len(host); i++ {
		if c := host[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' || 'A' <= c && c <= 'Z') {
			return URL("https://" + host)
		}
	}
	return Host(host), nil
}

// Regional resolves the regional branch most rule sets share:
// https://{prefix}.{region}.{dnsSuffix}, with "-fips" added to the prefix
// for FIPS and the dual-stack DNS suffix for dual-stack, each checked
// against what the partition supports.
func Regional(prefix, region string, useFIPS, useDualStack bool) (smithyendpoints.Endpoint, error) {
	p := PartitionOf(region)
	switch {
	case useFIPS && useDualStack:
		if !p.SupportsFIPS || !p.SupportsDualStack {
			return smithyendpoints.Endpoint{}, ErrFIPSAndDualStack
		}
		return HostOf(prefix + "-fips." + region + "." + p.DualStackDNSSuffix)
	case useFIPS:
		if !p.SupportsFIPS {
			return smithyendpoints.Endpoint{}, ErrFIPSUnsupported
		}
		return HostOf(prefix + "-fips." + region + "." + p.DNSSuffix)
	case useDualStack:
		if !p.SupportsDualStack {
			return smithyendpoints.Endpoint{}, ErrDualStackUnsupport
		}
		return HostOf(prefix + "." + region + "." + p.DualStackDNSSuffix)
	}
	return HostOf(prefix + "." + region + "." + p.DNSSuffix)
}

// ResolverOptions are the endpoint options of a client, with the fields
// of the official clients' EndpointResolverOptions.
type ResolverOptions struct {
	// Logger receives the messages of a legacy endpoint resolver
	// (Options.EndpointResolver); a client sets it to its Logger before
	// each call.
	Logger logging.Logger

	// LogDeprecated asks a legacy endpoint resolver to log the use of
	// deprecated endpoints; a client sets it from its ClientLogMode.
	LogDeprecated bool

	// ResolvedRegion, when set, is the region used to resolve the endpoint
	// instead of Options.Region.
	ResolvedRegion string

	// DisableHTTPS sends requests over plain http. Without it, plain http
	// is refused for every host but loopback.
	DisableHTTPS bool

	// UseDualStackEndpoint selects the dual-stack endpoint.
	UseDualStackEndpoint aws.DualStackEndpointState

	// UseFIPSEndpoint selects the FIPS endpoint.
	UseFIPSEndpoint aws.FIPSEndpointState
}
