package types_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/lightsail/types"
)

func TestEnumValues(t *testing.T) {
	t.Parallel()
	got := map[string]int{
		"ExportSnapshotRecordSourceType": len(types.ExportSnapshotRecordSourceType("").Values()),
		"RecordState":                    len(types.RecordState("").Values()),
		"RegionName":                     len(types.RegionName("").Values()),
		"ResourceType":                   len(types.ResourceType("").Values()),
	}
	want := map[string]int{"ExportSnapshotRecordSourceType": 2, "RecordState": 3, "RegionName": 20, "ResourceType": 21}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("number of enum values (-want +got):\n%s", diff)
	}
	regions := types.RegionName("").Values()
	for _, newer := range []types.RegionName{types.RegionNameApEast1, types.RegionNameEuSouth2, types.RegionNameSaEast1} {
		if !contains(regions, newer) {
			t.Errorf("RegionName.Values() lacks %s", newer)
		}
	}
}

func contains[T comparable](list []T, v T) bool {
	for _, item := range list {
		if item == v {
			return true
		}
	}
	return false
}
