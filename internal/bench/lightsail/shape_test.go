package lightsail

import (
	"reflect"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/lightsail"
	ftypes "github.com/aws/aws-sdk-go-v2/service/lightsail/types"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/lightsail"
	otypes "github.com/awssnap/awssnap/lightsail/types"
)

// errorPairs are the typed errors GetExportSnapshotRecords lists.
var errorPairs = []kit.Pair{
	kit.PairOf[otypes.AccessDeniedException, ftypes.AccessDeniedException](),
	kit.PairOf[otypes.AccountSetupInProgressException, ftypes.AccountSetupInProgressException](),
	kit.PairOf[otypes.InvalidInputException, ftypes.InvalidInputException](),
	kit.PairOf[otypes.NotFoundException, ftypes.NotFoundException](),
	kit.PairOf[otypes.OperationFailureException, ftypes.OperationFailureException](),
	kit.PairOf[otypes.RegionSetupInProgressException, ftypes.RegionSetupInProgressException](),
	kit.PairOf[otypes.ServiceException, ftypes.ServiceException](),
	kit.PairOf[otypes.UnauthenticatedException, ftypes.UnauthenticatedException](),
}

// TestShapes compares the exported shapes of GetExportSnapshotRecords:
// input, output, every nested type and enum, and the typed errors.
func TestShapes(t *testing.T) {
	t.Parallel()
	shapes := kit.CompareShapes(append([]kit.Pair{
		kit.PairOf[ours.GetExportSnapshotRecordsInput, official.GetExportSnapshotRecordsInput](),
		kit.PairOf[ours.GetExportSnapshotRecordsOutput, official.GetExportSnapshotRecordsOutput](),
	}, errorPairs...)...)
	kit.CheckAllowed(t, shapes.Diffs, shapeDifferences)
	if len(shapes.Enums) == 0 {
		t.Error("no enum reached: the walk is broken")
	}
	officialDir, err := kit.PackageDir("github.com/aws/aws-sdk-go-v2/service/lightsail/types")
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := kit.CompareEnumConstants("../../../lightsail/types", officialDir, shapes.Enums)
	if err != nil {
		t.Fatal(err)
	}
	kit.CheckAllowed(t, diffs, nil)
}

// shapeDifferences are the deliberate differences of the shapes.
var shapeDifferences = map[string]string{
	"GetExportSnapshotRecordsInput.Validate(): extra": "validation without a call",
	// The official lightsail module (v1.71.0) serialises through schemas:
	// every shape has Serialize/SerializeMembers(smithy.ShapeSerializer)
	// and Deserialize(smithy.ShapeDeserializer) methods, and Options a
	// Protocol. They are the official client's own plumbing; ours encodes
	// and decodes with generated code and has none of them.
	"*.Serialize(): missing":        "schema serde of the official client",
	"*.SerializeMembers(): missing": "schema serde of the official client",
	"*.Deserialize(): missing":      "schema serde of the official client",
}

// TestErrorList checks that errorPairs are the errors the model lists.
func TestErrorList(t *testing.T) {
	t.Parallel()
	want := kit.ModelErrors(t, "lightsail")
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
		Ours:     reflect.TypeOf((&ours.Client{}).GetExportSnapshotRecords),
		Official: reflect.TypeOf((&official.Client{}).GetExportSnapshotRecords),
		Name:     "GetExportSnapshotRecords",
	})
	kit.CheckAllowed(t, shapes.Diffs, kit.ClientDifferences("GetExportSnapshotRecordsInput", shapeDifferences))
}

// TestDefaultProtocol compares the Protocol of a new client's Options with
// the official client's: the same protocol, named by the same ID.
func TestDefaultProtocol(t *testing.T) {
	t.Parallel()
	cfg := aws.Config{Region: "us-west-2"}
	kit.CompareProtocols(t, ours.NewFromConfig(cfg).Options().Protocol, official.NewFromConfig(cfg).Options().Protocol)
}
