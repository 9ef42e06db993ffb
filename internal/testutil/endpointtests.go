package testutil

import (
	"context"
	"reflect"
	"testing"

	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/endpoints"
)

// EndpointTest is one case of a model's smithy.rules#endpointTests: the
// rule parameters and either the endpoint or the error they resolve to.
type EndpointTest struct {
	Documentation string         `json:"documentation"`
	Params        map[string]any `json:"params"`
	Expect        struct {
		Error    *string `json:"error"`
		Endpoint *struct {
			URL        string         `json:"url"`
			Properties map[string]any `json:"properties"`
		} `json:"endpoint"`
	} `json:"expect"`
}

// LoadEndpointTests reads the smithy.rules#endpointTests cases of the model
// file name (e.g. "memorydb.json").
func LoadEndpointTests(t testing.TB, name string) []EndpointTest {
	t.Helper()
	var tests struct {
		TestCases []EndpointTest `json:"testCases"`
	}
	if !loadService(t, name).Traits.Decode("smithy.rules#endpointTests", &tests) {
		t.Fatalf("%s has no well-formed smithy.rules#endpointTests trait", name)
	}
	return tests.TestCases
}

// RunEndpointTests resolves every endpoint test case of the model file name
// with resolve and compares the URL, the signing name and region, or the
// error with the case's expectation. P is the service's EndpointParameters
// struct; each case parameter sets the field of the same name. It fails
// the test when the model holds no cases, and returns how many ran.
func RunEndpointTests[P any](t *testing.T, name, signingName string,
	resolve func(context.Context, P) (smithyendpoints.Endpoint, error)) int {
	t.Helper()
	cases := LoadEndpointTests(t, name)
	if len(cases) == 0 {
		t.Fatalf("%s holds no smithy.rules#endpointTests cases", name)
	}
	for _, c := range cases {
		var params P
		setParams(t, reflect.ValueOf(&params).Elem(), c.Params)
		got, err := resolve(context.Background(), params)
		switch {
		case c.Expect.Error != nil:
			if err == nil || err.Error() != "endpoint rule error, "+*c.Expect.Error {
				t.Errorf("%s %v: error = %v, want %q", c.Documentation, c.Params, err, *c.Expect.Error)
			}
		case err != nil:
			t.Errorf("%s %v: %v", c.Documentation, c.Params, err)
		case c.Expect.Endpoint == nil:
			t.Errorf("%s: the case expects neither an endpoint nor an error", c.Documentation)
		default:
			if got.URI.String() != c.Expect.Endpoint.URL {
				t.Errorf("%s %v: url = %s, want %s", c.Documentation, c.Params, got.URI.String(), c.Expect.Endpoint.URL)
			}
			wantName, wantRegion := signingName, ""
			if schemes, ok := c.Expect.Endpoint.Properties["authSchemes"].([]any); ok && len(schemes) > 0 {
				scheme, _ := schemes[0].(map[string]any)
				wantName, _ = scheme["signingName"].(string)
				wantRegion, _ = scheme["signingRegion"].(string)
			}
			gotName, gotRegion := endpoints.Signing(&got, signingName, "")
			if diff := cmp.Diff([2]string{wantName, wantRegion}, [2]string{gotName, gotRegion}); diff != "" {
				t.Errorf("%s %v: signing name and region (-want +got):\n%s", c.Documentation, c.Params, diff)
			}
		}
	}
	return len(cases)
}

// setParams sets the pointer fields of params named by values.
func setParams(t *testing.T, params reflect.Value, values map[string]any) {
	t.Helper()
	for name, value := range values {
		field := params.FieldByName(name)
		if !field.IsValid() || field.Kind() != reflect.Pointer {
			t.Fatalf("%s has no pointer field %s", params.Type(), name)
		}
		v := reflect.ValueOf(value)
		if !v.Type().ConvertibleTo(field.Type().Elem()) {
			t.Fatalf("%s.%s: a case sets it to %v (%T)", params.Type(), name, value, value)
		}
		ptr := reflect.New(field.Type().Elem())
		ptr.Elem().Set(v.Convert(field.Type().Elem()))
		field.Set(ptr)
	}
}
