package datazone

import (
	"reflect"
	"slices"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/datazone"
	ftypes "github.com/aws/aws-sdk-go-v2/service/datazone/types"

	ours "github.com/awssnap/awssnap/datazone"
	otypes "github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/bench/kit"
)

// errorPairs are the typed errors CreateAssetRevision lists, with the
// service's common UnauthorizedException.
var errorPairs = []kit.Pair{
	kit.PairOf[otypes.AccessDeniedException, ftypes.AccessDeniedException](),
	kit.PairOf[otypes.ConflictException, ftypes.ConflictException](),
	kit.PairOf[otypes.InternalServerException, ftypes.InternalServerException](),
	kit.PairOf[otypes.ResourceNotFoundException, ftypes.ResourceNotFoundException](),
	kit.PairOf[otypes.ThrottlingException, ftypes.ThrottlingException](),
	kit.PairOf[otypes.UnauthorizedException, ftypes.UnauthorizedException](),
	kit.PairOf[otypes.ValidationException, ftypes.ValidationException](),
}

// shapeDifferences are the deliberate differences of the shapes.
var shapeDifferences = map[string]string{
	"CreateAssetRevisionInput.Validate(): extra": "validation without a call",
	// The types holding @sensitive members print, format, log and encode
	// to JSON with those members replaced by a placeholder where the
	// official types show the values.
	"*.String(): extra":      "redaction of sensitive members",
	"*.Format(): extra":      "redaction of sensitive members",
	"*.LogValue(): extra":    "redaction of sensitive members",
	"*.MarshalJSON(): extra": "redaction of sensitive members",
}

// TestShapes compares the exported shapes of CreateAssetRevision: input,
// output, every nested type and enum, and the typed errors.
func TestShapes(t *testing.T) {
	t.Parallel()
	shapes := kit.CompareShapes(append([]kit.Pair{
		kit.PairOf[ours.CreateAssetRevisionInput, official.CreateAssetRevisionInput](),
		kit.PairOf[ours.CreateAssetRevisionOutput, official.CreateAssetRevisionOutput](),
	}, errorPairs...)...)
	kit.CheckAllowed(t, shapes.Diffs, shapeDifferences)
	if len(shapes.Enums) == 0 {
		t.Error("no enum reached: the walk is broken")
	}
	officialDir, err := kit.PackageDir("github.com/aws/aws-sdk-go-v2/service/datazone/types")
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := kit.CompareEnumConstants("../../../datazone/types", officialDir, shapes.Enums)
	if err != nil {
		t.Fatal(err)
	}
	kit.CheckAllowed(t, diffs, nil)
}

// TestErrorList checks that errorPairs are the errors the model lists.
func TestErrorList(t *testing.T) {
	t.Parallel()
	want := kit.ModelErrors(t, "datazone")
	var got []string
	for _, p := range errorPairs {
		got = append(got, p.Official.Name())
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("error pairs %v, model %v", got, want)
	}
}

// TestClientAPI compares the operation's method signature (and through it
// Options) with the official client's.
func TestClientAPI(t *testing.T) {
	t.Parallel()
	shapes := kit.CompareShapes(kit.Pair{
		Ours:     reflect.TypeOf((&ours.Client{}).CreateAssetRevision),
		Official: reflect.TypeOf((&official.Client{}).CreateAssetRevision),
		Name:     "CreateAssetRevision",
	})
	kit.CheckAllowed(t, shapes.Diffs, kit.ClientDifferences("CreateAssetRevisionInput", shapeDifferences, map[string]string{
		// The field came to the official clients after datazone v1.62.2
		// (memorydb v1.36.2 and lightsail v1.71.0 have it); an extra field
		// breaks no program written for the official client.
		"Options.DisableClockSkewCorrection: extra": "newer official option, kept for every service",
		// An alias of the shared token provider interface, with the same
		// method: datazone.IdempotencyTokenProvider still names it.
		"Options.IdempotencyTokenProvider: type name": "alias of the shared TokenProvider interface",
	}))
}
