package memorydb

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	ftypes "github.com/aws/aws-sdk-go-v2/service/memorydb/types"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/memorydb"
	otypes "github.com/awssnap/awssnap/memorydb/types"
)

// errorPairs are the typed errors CopySnapshot lists.
var errorPairs = []kit.Pair{
	kit.PairOf[otypes.InvalidParameterCombinationException, ftypes.InvalidParameterCombinationException](),
	kit.PairOf[otypes.InvalidParameterValueException, ftypes.InvalidParameterValueException](),
	kit.PairOf[otypes.InvalidSnapshotStateFault, ftypes.InvalidSnapshotStateFault](),
	kit.PairOf[otypes.ServiceLinkedRoleNotFoundFault, ftypes.ServiceLinkedRoleNotFoundFault](),
	kit.PairOf[otypes.SnapshotAlreadyExistsFault, ftypes.SnapshotAlreadyExistsFault](),
	kit.PairOf[otypes.SnapshotNotFoundFault, ftypes.SnapshotNotFoundFault](),
	kit.PairOf[otypes.SnapshotQuotaExceededFault, ftypes.SnapshotQuotaExceededFault](),
	kit.PairOf[otypes.TagQuotaPerResourceExceeded, ftypes.TagQuotaPerResourceExceeded](),
}

// schemaSerde are the methods through which the official client (since
// v1.43.0) drives its schema-based protocols; this client encodes and
// decodes with codecs of its own, so its types do not carry them.
var schemaSerde = map[string]string{
	"*.Serialize(): missing":        "schema-based serialization of the official client",
	"*.SerializeMembers(): missing": "schema-based serialization of the official client",
	"*.Deserialize(): missing":      "schema-based deserialization of the official client",
}

// TestShapes compares the exported shapes of CopySnapshot: input, output,
// every nested type and enum, and the typed errors.
func TestShapes(t *testing.T) {
	t.Parallel()
	shapes := kit.CompareShapes(append([]kit.Pair{
		kit.PairOf[ours.CopySnapshotInput, official.CopySnapshotInput](),
		kit.PairOf[ours.CopySnapshotOutput, official.CopySnapshotOutput](),
	}, errorPairs...)...)
	kit.CheckAllowed(t, shapes.Diffs, merge(map[string]string{
		"CopySnapshotInput.Validate(): extra": "validation without a call",
	}, schemaSerde))
	if len(shapes.Enums) == 0 {
		t.Error("no enum reached: the walk is broken")
	}
	oursDir := "../../../memorydb/types"
	officialDir, err := kit.PackageDir("github.com/aws/aws-sdk-go-v2/service/memorydb/types")
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := kit.CompareEnumConstants(oursDir, officialDir, shapes.Enums)
	if err != nil {
		t.Fatal(err)
	}
	kit.CheckAllowed(t, diffs, nil)
}

// TestErrorList checks that errorPairs are the errors the model lists.
func TestErrorList(t *testing.T) {
	t.Parallel()
	want := kit.ModelErrors(t, "memorydb")
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
		Ours:     reflect.TypeOf((&ours.Client{}).CopySnapshot),
		Official: reflect.TypeOf((&official.Client{}).CopySnapshot),
		Name:     "CopySnapshot",
	})
	kit.CheckAllowed(t, shapes.Diffs, kit.ClientDifferences("CopySnapshotInput", schemaSerde))
}

// merge returns the union of allow-lists.
func merge(lists ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, l := range lists {
		maps.Copy(out, l)
	}
	return out
}
