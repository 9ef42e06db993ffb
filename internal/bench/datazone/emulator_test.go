package datazone

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/datazone"
	ftypes "github.com/aws/aws-sdk-go-v2/service/datazone/types"
	"github.com/google/go-cmp/cmp"

	ours "github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/emulator"
)

// TestEmulator points the official client, and ours, at the emulator:
// each call succeeds or fails with the typed error it expects, and both
// clients observe the same.
func TestEmulator(t *testing.T) {
	t.Parallel()
	srv, endpoint := kit.StartEmulator(t, emulator.Config{})
	fc := official.New(official.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint})
	oc := ours.New(ours.Options{Region: kit.Region, Credentials: kit.EmulatorCredentials, BaseEndpoint: endpoint,
		Validation: ours.ValidationRequiredOnly})
	ctx := context.Background()
	call := func(c wireCase) (any, error, any, error) {
		fout, ferr := fc.CreateAssetRevision(ctx, c.official())
		oout, oerr := oc.CreateAssetRevision(ctx, c.ours())
		return fout, ferr, oout, oerr
	}
	revise := func(d, a string) wireCase {
		return wireCase{domain: aws.String(d), id: aws.String(a), assetName: aws.String("orders"), description: aws.String("revised"),
			terms: []string{"gt_orders"}, formsSet: true, forms: []form{{aws.String("F1"), aws.String(`{"a":1}`), aws.String("amazon.datazone.F1Type"), aws.String("1")}}}
	}

	t.Run("revise", func(t *testing.T) {
		fout, ferr, oout, oerr := call(revise(emulator.SeedDataZoneDomain, emulator.SeedDataZoneAsset))
		if ferr != nil || oerr != nil {
			t.Fatalf("official err = %v, ours err = %v", ferr, oerr)
		}
		f, o := fout.(*official.CreateAssetRevisionOutput), oout.(*ours.CreateAssetRevisionOutput)
		if aws.ToString(f.Id) != emulator.SeedDataZoneAsset || aws.ToString(f.Description) != "revised" || len(f.FormsOutput) != 1 {
			t.Errorf("official output: %+v", kit.ViewOutput(f))
		}
		if aws.ToString(f.Revision) == aws.ToString(o.Revision) {
			t.Errorf("both calls made revision %s", aws.ToString(f.Revision))
		}
		fv, ov := kit.ViewOutput(f).Output.(map[string]any), kit.ViewOutput(o).Output.(map[string]any)
		for _, m := range []map[string]any{fv, ov} {
			delete(m, "Revision")
			delete(m, "CreatedAt")
		}
		if diff := cmp.Diff(fv, ov); diff != "" {
			t.Errorf("outputs differ beyond revision and time (-official +ours):\n%s", diff)
		}
	})

	errorCases := []struct {
		name string
		in   wireCase
		want func(error) bool
	}{
		{"domain not found", revise("dzd_nosuchdomain", emulator.SeedDataZoneAsset), kit.Is[*ftypes.ResourceNotFoundException]()},
		{"asset not found", revise(emulator.SeedDataZoneDomain, "nosuchasset"), kit.Is[*ftypes.ResourceNotFoundException]()},
		{"invalid domain", revise("not-a-domain", emulator.SeedDataZoneAsset), kit.Is[*ftypes.ValidationException]()},
		{"invalid glossary term", func() wireCase {
			c := revise(emulator.SeedDataZoneDomain, emulator.SeedDataZoneAsset)
			c.terms = []string{"not a term!"}
			return c
		}(), kit.Is[*ftypes.ValidationException]()},
	}
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			_, ferr, _, oerr := call(tc.in)
			if !tc.want(ferr) {
				t.Fatalf("official: unexpected error %v", ferr)
			}
			if diff := cmp.Diff(kit.ViewError(ferr).Normalized(), kit.ViewError(oerr).Normalized()); diff != "" {
				t.Errorf("errors differ (-official +ours):\n%s", diff)
			}
		})
	}

	t.Run("token replay and conflict", func(t *testing.T) {
		for _, client := range []string{"official", "ours"} {
			first := revise(emulator.SeedDataZoneDomain, emulator.SeedDataZoneAsset2)
			first.token = aws.String("token-of-" + client)
			again := first
			changed := first
			changed.description = aws.String("another description")
			var outs []any
			var errs []error
			for _, c := range []wireCase{first, again, changed} {
				var out any
				var err error
				if client == "official" {
					out, err = fc.CreateAssetRevision(ctx, c.official())
				} else {
					out, err = oc.CreateAssetRevision(ctx, c.ours())
				}
				outs, errs = append(outs, out), append(errs, err)
			}
			if errs[0] != nil || errs[1] != nil {
				t.Fatalf("%s: %v, %v", client, errs[0], errs[1])
			}
			if diff := cmp.Diff(kit.ViewOutput(outs[0]).Output, kit.ViewOutput(outs[1]).Output); diff != "" {
				t.Errorf("%s: a replayed token gave another output:\n%s", client, diff)
			}
			if v := kit.ViewError(errs[2]); v.Code != "ConflictException" || v.APIType != "*types.ConflictException" {
				t.Errorf("%s: token reused with another request: %+v", client, v)
			}
		}
	})
	if n := srv.Emulator.RequestCount(emulator.OpCreateAssetRevision); n != 2+2*len(errorCases)+6 {
		t.Errorf("%d requests reached the emulator", n)
	}
}
