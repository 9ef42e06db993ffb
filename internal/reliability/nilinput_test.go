package reliability_test

import (
	"errors"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/datazone"
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
