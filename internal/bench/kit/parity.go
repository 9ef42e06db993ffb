package kit

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/smithymodel"
	"github.com/awssnap/awssnap/internal/testutil"
)

// SharedDir returns the directory of the project's shared facts (specs,
// models). When it is absent the test fails in CI (CI is set) and is
// skipped elsewhere.
func SharedDir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	// kit is internal/bench/kit in the repository; shared/ sits beside it.
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "models")); err != nil {
		testutil.MissingOracle(t, fmt.Sprintf("the shared models are not at %s: %v", dir, err))
	}
	return dir
}

// ModelErrors returns the short names of the errors the model lists for
// its operation and service, sorted; see SharedDir for an absent model.
func ModelErrors(t testing.TB, model string) []string {
	t.Helper()
	path := filepath.Join(SharedDir(t), "models", model+".json")
	if _, err := os.Stat(path); err != nil {
		testutil.MissingOracle(t, fmt.Sprintf("no model: %v", err))
	}
	m, err := smithymodel.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, shape := range m.Shapes {
		if shape.Type != "operation" && shape.Type != "service" {
			continue
		}
		for _, e := range shape.Errors {
			names = append(names, smithymodel.Name(e))
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// Caller makes one call through a client whose HTTP client answers with
// resp, returning the output (a pointer to an output struct) or the error.
type Caller func(ctx context.Context, resp Response) (any, error)

// DecodeCase is a canned response fed to both clients.
type DecodeCase struct {
	Name     string
	Response Response
	// Differ lists the ErrorView fields (e.g. "Text") that may differ
	// for this case, each with the reason; an entry that turns out equal
	// fails the test, so the list stays exact.
	Differ map[string]string
	// OursFails, when set, says why our client fails on this answer
	// where the official one returns an output.
	OursFails string
	// Unlike, when set, says why the two clients observe different
	// things on this answer: both are logged, and they must differ.
	Unlike string
	// OfficialPanics, when set, says why the official client panics on
	// this answer: it must panic, and ours must fail with a
	// *smithy.DeserializationError instead.
	OfficialPanics string
}

// DecoderWording is the Differ entry of answers that neither JSON decoder
// accepts: both fail with a *smithy.DeserializationError, but the decoders
// are different code and word their errors their own way.
var DecoderWording = map[string]string{
	"Text": "each JSON decoder words its errors its own way",
	"Leaf": "each JSON decoder has its own error type",
}

// OutputView is what an application observes of a successful call.
type OutputView struct {
	Output    any
	RequestID string
}

// ViewOutput returns the OutputView of out, a pointer to an output struct
// with a ResultMetadata field.
func ViewOutput(out any) OutputView {
	v := OutputView{Output: Neutral(out)}
	rv := reflect.ValueOf(out)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		if md, ok := rv.Elem().FieldByName("ResultMetadata").Interface().(middleware.Metadata); ok {
			v.RequestID, _ = awsmiddleware.GetRequestIDMetadata(md)
		}
	}
	return v
}

// CompareDecode feeds each case to both callers and fails t where the
// outputs or errors an application observes differ.
func CompareDecode(t *testing.T, cases []DecodeCase, ours, official Caller) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			oOut, oErr := ours(ctx, tc.Response)
			fOut, panicked, fErr := callRecovering(ctx, official, tc.Response)
			if tc.OfficialPanics != "" || panicked != nil {
				var deserialization *smithy.DeserializationError
				if tc.OfficialPanics == "" || panicked == nil || !errors.As(oErr, &deserialization) {
					t.Fatalf("OfficialPanics %q: official panicked with %v; ours: %v, %v", tc.OfficialPanics, panicked, oOut, oErr)
				}
				t.Logf("the official client panics (%s): %v\nours fails: %v", tc.OfficialPanics, panicked, oErr)
				return
			}
			if tc.OursFails != "" {
				if oErr == nil || fErr != nil {
					t.Fatalf("OursFails (%s): ours err = %v, official err = %v", tc.OursFails, oErr, fErr)
				}
				t.Logf("ours fails on purpose (%s): %v\nofficial output: %+v", tc.OursFails, oErr, ViewOutput(fOut))
				return
			}
			if tc.Unlike != "" {
				ov, fv := ViewOutput(oOut), ViewOutput(fOut)
				oe, fe := ViewError(oErr), ViewError(fErr)
				if cmp.Equal(ov, fv) && cmp.Equal(oe, fe) {
					t.Fatalf("Unlike (%s), but both clients observe the same: remove the mark", tc.Unlike)
				}
				t.Logf("the clients differ on purpose (%s):\nofficial: %+v %+v\nours:     %+v %+v", tc.Unlike, fv, fe, ov, oe)
				return
			}
			if (oErr == nil) != (fErr == nil) {
				t.Fatalf("ours err = %v, official err = %v", oErr, fErr)
			}
			if oErr == nil {
				if diff := cmp.Diff(ViewOutput(fOut), ViewOutput(oOut)); diff != "" {
					t.Errorf("outputs differ (-official +ours):\n%s", diff)
				}
				return
			}
			ov, fv := ViewError(oErr), ViewError(fErr)
			for field, reason := range tc.Differ {
				of, ff := reflect.ValueOf(&ov).Elem().FieldByName(field), reflect.ValueOf(&fv).Elem().FieldByName(field)
				if !of.IsValid() {
					t.Fatalf("Differ names no ErrorView field %q", field)
				}
				if reflect.DeepEqual(of.Interface(), ff.Interface()) {
					t.Errorf("Differ lists %s (%s) but both are %v: remove the entry", field, reason, of.Interface())
				}
				t.Logf("%s differs on purpose (%s):\n  official: %v\n  ours:     %v", field, reason, ff.Interface(), of.Interface())
				of.Set(reflect.Zero(of.Type()))
				ff.Set(reflect.Zero(ff.Type()))
			}
			if diff := cmp.Diff(fv, ov); diff != "" {
				t.Errorf("errors differ (-official +ours):\n%s\nofficial: %v\nours:     %v", diff, fErr, oErr)
			}
		})
	}
}

// callRecovering calls call, turning a panic into its value.
func callRecovering(ctx context.Context, call Caller, resp Response) (out, panicked any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, panicked, err = nil, r, nil
		}
	}()
	out, err = call(ctx, resp)
	return out, nil, err
}

// CompareRequests fails t where two captured requests differ in what the
// wire comparison looks at. When the bodies are byte-identical every field
// must match, signature included; when they differ only in the order of
// the members of the unordered (map) objects, the bodies compare as JSON
// and the signature, which covers the body, is not compared.
func CompareRequests(t testing.TB, ours, official testutil.Request, unordered ...[]string) {
	t.Helper()
	if HasInvocationID(official) {
		t.Errorf("the official request still carries amz-sdk-invocation-id")
	}
	ov, fv := ViewRequest(ours), ViewRequest(official)
	if ov.Signature == "" || fv.Signature == "" {
		t.Errorf("unsigned request: ours %q, official %q", ov.Signature, fv.Signature)
	}
	if ov.Body != fv.Body {
		if err := CompareJSON(ov.Body, fv.Body, unordered...); err != nil {
			t.Errorf("bodies differ: %v\nofficial: %s\nours:     %s", err, fv.Body, ov.Body)
		}
		t.Logf("bodies equal as JSON, map members in another order: the signatures differ with them")
		ov.Body, fv.Body, ov.Signature, fv.Signature = "", "", "", ""
	}
	if diff := cmp.Diff(fv, ov); diff != "" {
		t.Errorf("requests differ (-official +ours):\n%s", diff)
	}
}
