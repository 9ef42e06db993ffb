package reliability_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/internal/validate"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
)

// TestValidateNilInput calls Validate on a nil input of each operation:
// it never panics and reports the required members as missing, as for an
// empty input.
func TestValidateNilInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		input    string
		validate func() error // Validate on a nil pointer
		required []string
	}{
		{"CopySnapshotInput", (*memorydb.CopySnapshotInput)(nil).Validate,
			[]string{"SourceSnapshotName", "TargetSnapshotName"}},
		{"GetExportSnapshotRecordsInput", (*lightsail.GetExportSnapshotRecordsInput)(nil).Validate, nil},
		{"CreateGraphSnapshotInput", (*neptunegraph.CreateGraphSnapshotInput)(nil).Validate,
			[]string{"GraphIdentifier", "SnapshotName"}},
		{"CreateAssetRevisionInput", (*datazone.CreateAssetRevisionInput)(nil).Validate,
			[]string{"DomainIdentifier", "Identifier", "Name"}},
		{"CreateResourceSnapshotInput", (*partnercentral.CreateResourceSnapshotInput)(nil).Validate,
			[]string{"Catalog", "EngagementIdentifier", "ResourceType", "ResourceIdentifier", "ResourceSnapshotTemplateIdentifier"}},
	}
	for _, tc := range cases {
		t.Run(tc.input, func(t *testing.T) {
			t.Parallel()
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("Validate on a nil input panicked: %v", r)
					}
				}()
				err = tc.validate()
			}()
			if len(tc.required) == 0 {
				if err != nil {
					t.Fatalf("got %v, want nil: the input has no required member", err)
				}
				return
			}
			var invalid smithy.InvalidParamsError
			if !errors.As(err, &invalid) || invalid.Len() != len(tc.required) {
				t.Fatalf("got %v, want %d missing members", err, len(tc.required))
			}
			got := map[string]bool{}
			for _, e := range invalid.Errs() {
				var v *validate.Violation
				if errors.As(e, &v) && v.Rule == "required" {
					got[v.Field()] = true
				}
			}
			for _, member := range tc.required {
				if !got[tc.input+"."+member] {
					t.Errorf("%s not reported missing in %v", member, err)
				}
			}
		})
	}
}

// requiredMembers are the members each operation's input must set, in
// the order the official client reports them missing.
var requiredMembers = map[string][]string{
	emulator.OpCopySnapshot:             {"SourceSnapshotName", "TargetSnapshotName"},
	emulator.OpGetExportSnapshotRecords: nil,
	emulator.OpCreateGraphSnapshot:      {"GraphIdentifier", "SnapshotName"},
	emulator.OpCreateAssetRevision:      {"Name", "DomainIdentifier", "Identifier"},
	emulator.OpCreateResourceSnapshot:   {"Catalog", "EngagementIdentifier", "ResourceType", "ResourceIdentifier", "ResourceSnapshotTemplateIdentifier"},
}

// TestCallWithNilInput calls each operation with a nil input: a call
// whose input has required members fails with exactly those reported
// missing, in the official client's order, before anything is sent; the others are
// sent as with an empty input.
func TestCallWithNilInput(t *testing.T) {
	t.Parallel()
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			rec := newScripted(ok)
			_, err := op.send(testContext(t), scriptedClients(rec, settings{}), nil)
			required := requiredMembers[op.name]
			if len(required) == 0 {
				if err != nil {
					t.Fatalf("got %v, want the call made", err)
				}
				checkAttempts(t, op, rec.sent(), 1)
				return
			}
			var invalid smithy.InvalidParamsError
			if !errors.As(err, &invalid) {
				t.Fatalf("got %v, want the required members reported", err)
			}
			checkOperationError(t, err, op.name)
			var got []string
			for _, e := range invalid.Errs() {
				var v *validate.Violation
				if !errors.As(e, &v) || v.Rule != "required" {
					t.Errorf("violation %v, want only missing members", e)
					continue
				}
				got = append(got, v.Field()[strings.IndexByte(v.Field(), '.')+1:])
			}
			if !slices.Equal(got, required) {
				t.Errorf("missing members %v, want %v", got, required)
			}
			if n := len(rec.sent()); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}
