package conformance_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/internal/validate"
)

// errorForm is one way a service names the error in a response.
type errorForm struct {
	name string
	// header puts the code in X-Amzn-ErrorType (with the :http://... suffix)
	// instead of the body's __type (with the namespace).
	header bool
}

var errorForms = []errorForm{{name: "__type"}, {name: "X-Amzn-ErrorType", header: true}}

// errorStatus is the HTTP status of error shape s: its httpError trait, or
// 400/500 by its error trait.
func errorStatus(s *smithymodel.Shape) int {
	var status int
	if s.Traits.Decode(smithymodel.TraitHTTPError, &status) {
		return status
	}
	var fault string
	s.Traits.Decode(smithymodel.TraitError, &fault)
	if fault == "server" {
		return 500
	}
	return 400
}

// decodeError answers a call with an error response for shape s carrying
// the member data members, and returns the smithy.APIError the real client
// returns (nil, with a test error, if it returns something else).
func (f *fixture) decodeError(t *testing.T, s *smithymodel.Shape, form errorForm, members map[string]any) error {
	t.Helper()
	name := smithymodel.Name(s.ID)
	body := make(map[string]any, len(members)+1)
	for k, v := range members {
		body[k] = v
	}
	header := map[string]string{"X-Amzn-RequestId": "conformance-request"}
	if form.header {
		header["X-Amzn-ErrorType"] = name + ":http://internal.amazon.com/coral/" + smithymodel.Namespace(s.ID) + "/"
	} else {
		body["__type"] = s.ID
	}
	data, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	srv := testutil.NewServer(t, testutil.Response{Status: errorStatus(s), Header: header, Body: string(data)})
	_, err = f.call(context.Background(), callOptions{endpoint: srv.Endpoint(), mode: validate.Off}, f.bareInput(t))
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Errorf("%s (%s form): call returned %v, want a typed error", name, form.name, err)
		return nil
	}
	if _, generic := apiErr.(*smithy.GenericAPIError); generic {
		t.Errorf("%s (%s form): decoded to *smithy.GenericAPIError %v, want a typed error", name, form.name, apiErr)
		return nil
	}
	return apiErr
}

// TestErrors decodes every error the operation and the service list, in
// both wire forms, with every member populated, and checks the typed error:
// type, ErrorCode, ErrorFault, ErrorMessage and every member.
func TestErrors(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		n := counts{}
		for _, s := range f.errorShapes() {
			n["errors"]++
			n["error members"] += len(s.Members)
			for _, form := range errorForms {
				n["decoded responses"]++
				t.Run(smithymodel.Name(s.ID)+"/"+form.name, func(t *testing.T) {
					checkError(t, f, s, form)
				})
			}
		}
		t.Logf("%s: checked %s", f.name, n)
	})
}

func checkError(t *testing.T, f *fixture, s *smithymodel.Shape, form errorForm) {
	g := &generator{m: f.model}
	members := g.value(s.ID, "error").(map[string]any)
	err := f.decodeError(t, s, form, members)
	if err == nil {
		return
	}
	name := smithymodel.Name(s.ID)
	apiErr := err.(smithy.APIError)
	typ := reflect.TypeOf(err)
	if typ.Kind() != reflect.Pointer || typ.Elem().Name() != name || typ.Elem().PkgPath() != f.typesPkg {
		t.Fatalf("decoded to %v, want *%s.%s", typ, f.typesPkg, name)
	}
	if apiErr.ErrorCode() != name {
		t.Errorf("ErrorCode() = %q, want %q", apiErr.ErrorCode(), name)
	}
	var fault string
	s.Traits.Decode(smithymodel.TraitError, &fault)
	wantFault := map[string]smithy.ErrorFault{"client": smithy.FaultClient, "server": smithy.FaultServer}[fault]
	if apiErr.ErrorFault() != wantFault {
		t.Errorf("ErrorFault() = %v, want %v (error trait %q)", apiErr.ErrorFault(), wantFault, fault)
	}
	want, buildErr := f.build(typ.Elem(), s.ID, members)
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	if diff := cmp.Diff(want.Interface(), err, exportedOnly); diff != "" {
		t.Errorf("decoded error differs from the response's members (-want +got):\n%s", diff)
	}
	for _, m := range s.Members {
		if m.Name == "message" || m.Name == "Message" {
			if got := apiErr.ErrorMessage(); got != members[m.Name] {
				t.Errorf("ErrorMessage() = %q, want %q", got, members[m.Name])
			}
		}
	}
}
