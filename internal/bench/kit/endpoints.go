package kit

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"
)

// endpointParams are the rule parameters both clients' resolvers are given.
type endpointParams struct {
	Region, Endpoint      *string
	UseFIPS, UseDualStack bool
}

// resolverFunc calls the ResolveEndpoint method of r, an EndpointResolverV2
// of some service, with that service's EndpointParameters holding p's
// values (in the fields the service has) and the operation's static ones.
func resolverFunc(r any, static map[string]string) func(context.Context, endpointParams) (smithyendpoints.Endpoint, error) {
	method := reflect.ValueOf(r).MethodByName("ResolveEndpoint")
	paramsType := method.Type().In(1)
	return func(ctx context.Context, p endpointParams) (smithyendpoints.Endpoint, error) {
		params := reflect.New(paramsType).Elem()
		fields := map[string]any{"Region": p.Region, "Endpoint": p.Endpoint, "UseFIPS": &p.UseFIPS, "UseDualStack": &p.UseDualStack}
		for name, value := range static {
			fields[name] = &value
		}
		for name, value := range fields {
			if f := params.FieldByName(name); f.IsValid() {
				f.Set(reflect.ValueOf(value))
			}
		}
		out := method.Call([]reflect.Value{reflect.ValueOf(ctx), params})
		err, _ := out[1].Interface().(error)
		return out[0].Interface().(smithyendpoints.Endpoint), err
	}
}

// EndpointView is what an application's request takes from a resolved
// endpoint: the URL, the headers, and each auth scheme with the name and
// region it signs for.
type EndpointView struct {
	URL     string
	Headers http.Header
	Schemes []SchemeView
}

// SchemeView is one auth scheme of an endpoint.
type SchemeView struct {
	ID, SigningName, SigningRegion string
	SigningRegions                 []string
	DisableDoubleEncoding          bool
}

// ViewEndpoint returns the EndpointView of e.
func ViewEndpoint(e smithyendpoints.Endpoint) EndpointView {
	v := EndpointView{URL: e.URI.String(), Headers: e.Headers}
	if len(v.Headers) == 0 {
		v.Headers = nil
	}
	options, _ := smithyauth.GetAuthOptions(&e.Properties)
	for _, o := range options {
		s := SchemeView{ID: o.SchemeID}
		s.SigningName, _ = smithyhttp.GetSigV4SigningName(&o.SignerProperties)
		s.SigningRegion, _ = smithyhttp.GetSigV4SigningRegion(&o.SignerProperties)
		s.SigningRegions, _ = smithyhttp.GetSigV4ASigningRegions(&o.SignerProperties)
		s.DisableDoubleEncoding, _ = smithyhttp.GetDisableDoubleEncoding(&o.SignerProperties)
		v.Schemes = append(v.Schemes, s)
	}
	return v
}

// FuzzEndpoints resolves the same arbitrary parameters with both clients'
// default resolvers (their NewDefaultEndpointResolverV2) and fails where
// one resolves and the other does not, or where the endpoints differ (see
// EndpointView). An error's wording is not compared. static holds the
// operation's own rule parameters, such as Neptune Analytics' ApiType.
func FuzzEndpoints(f *testing.F, oursResolver, officialResolver any, static map[string]string) {
	ours, official := resolverFunc(oursResolver, static), resolverFunc(officialResolver, static)
	for _, region := range []string{"us-east-1", "us-gov-west-1", "cn-north-1", "us-iso-east-1", "eu-isoe-west-1",
		"eusc-de-east-1", "fips", "fips-us-east-1", "us-east-1-fips", "", "Us-East-1", "a.b", "-x", "us east 1", "a/b?c#d"} {
		f.Add(region, "", true, false, false, false)
		f.Add(region, "", true, false, true, true)
	}
	f.Add("us-east-1", "https://example.com/base", true, true, false, false)
	f.Add("", "http://[::1]:8080", false, true, true, false)
	for _, endpoint := range []string{"", "relative/path", "https://[::1", "https://example.com:99999"} {
		f.Add("us-east-1", endpoint, true, true, false, false)
	}
	f.Fuzz(func(t *testing.T, region, endpoint string, hasRegion, hasEndpoint, fips, dual bool) {
		var p endpointParams
		if hasRegion {
			p.Region = &region
		}
		if hasEndpoint {
			p.Endpoint = &endpoint
		}
		p.UseFIPS, p.UseDualStack = fips, dual
		ctx := context.Background()
		oe, oErr := ours(ctx, p)
		fe, fErr := official(ctx, p)
		if (oErr == nil) != (fErr == nil) {
			t.Fatalf("%+v (region %q, endpoint %q):\nours:     %v %v\nofficial: %v %v", p, region, endpoint,
				oe.URI.String(), oErr, fe.URI.String(), fErr)
		}
		if oErr != nil {
			return
		}
		if diff := cmp.Diff(ViewEndpoint(fe), ViewEndpoint(oe)); diff != "" {
			t.Fatalf("%+v (region %q, endpoint %q): endpoints differ (-official +ours):\n%s", p, region, endpoint, diff)
		}
	})
}
