package neptunegraph

import (
	"reflect"
	"slices"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/neptunegraph"
	ftypes "github.com/aws/aws-sdk-go-v2/service/neptunegraph/types"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/neptunegraph"
	otypes "github.com/awssnap/awssnap/neptunegraph/types"
)

// errorPairs are the typed errors CreateGraphSnapshot lists.
var errorPairs = []kit.Pair{
	kit.PairOf[otypes.ConflictException, ftypes.ConflictException](),
	kit.PairOf[otypes.InternalServerException, ftypes.InternalServerException](),
	kit.PairOf[otypes.ResourceNotFoundException, ftypes.ResourceNotFoundException](),
	kit.PairOf[otypes.ServiceQuotaExceededException, ftypes.ServiceQuotaExceededException](),
	kit.PairOf[otypes.ThrottlingException, ftypes.ThrottlingException](),
	kit.PairOf[otypes.ValidationException, ftypes.ValidationException](),
}

// shapeDifferences are the deliberate differences of the shapes.
var shapeDifferences = map[string]string{
	"CreateGraphSnapshotInput.Validate(): extra": "validation without a call",
}

// TestShapes compares the exported shapes of CreateGraphSnapshot: input,
// output, every enum, and the typed errors.
func TestShapes(t *testing.T) {
	t.Parallel()
	shapes := kit.CompareShapes(append([]kit.Pair{
		kit.PairOf[ours.CreateGraphSnapshotInput, official.CreateGraphSnapshotInput](),
		kit.PairOf[ours.CreateGraphSnapshotOutput, official.CreateGraphSnapshotOutput](),
	}, errorPairs...)...)
	kit.CheckAllowed(t, shapes.Diffs, shapeDifferences)
	if len(shapes.Enums) == 0 {
		t.Error("no enum reached: the walk is broken")
	}
	officialDir, err := kit.PackageDir("github.com/aws/aws-sdk-go-v2/service/neptunegraph/types")
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := kit.CompareEnumConstants("../../../neptunegraph/types", officialDir, shapes.Enums)
	if err != nil {
		t.Fatal(err)
	}
	kit.CheckAllowed(t, diffs, nil)
}

// TestErrorList checks that errorPairs are the errors the model lists.
func TestErrorList(t *testing.T) {
	t.Parallel()
	want := kit.ModelErrors(t, "neptunegraph")
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
		Ours:     reflect.TypeOf((&ours.Client{}).CreateGraphSnapshot),
		Official: reflect.TypeOf((&official.Client{}).CreateGraphSnapshot),
		Name:     "CreateGraphSnapshot",
	})
	kit.CheckAllowed(t, shapes.Diffs, kit.ClientDifferences("CreateGraphSnapshotInput", map[string]string{
		// The field came to the official clients after neptunegraph
		// v1.22.1 (memorydb v1.36.2 and lightsail v1.71.0 have it); an
		// extra field breaks no program written for the official client.
		"Options.DisableClockSkewCorrection: extra": "newer official option, kept for every service",
	}))
}
