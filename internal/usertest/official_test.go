package usertest

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	officialdatazone "github.com/aws/aws-sdk-go-v2/service/datazone"
	officiallightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	officialmemorydb "github.com/aws/aws-sdk-go-v2/service/memorydb"
	officialneptunegraph "github.com/aws/aws-sdk-go-v2/service/neptunegraph"

	"github.com/awssnap/awssnap/datazone/datazonetest"
	"github.com/awssnap/awssnap/lightsail/lightsailtest"
	lstypes "github.com/awssnap/awssnap/lightsail/types"
	"github.com/awssnap/awssnap/memorydb/memorydbtest"
	mdbtypes "github.com/awssnap/awssnap/memorydb/types"
	"github.com/awssnap/awssnap/neptunegraph/neptunegraphtest"
)

// The official clients reach the test servers through Config, as a program
// that has not switched to awssnap would.

func TestOfficialMemoryDBClient(t *testing.T) {
	server := memorydbtest.NewServer()
	defer server.Close()
	if err := server.SeedSnapshots(mdbtypes.Snapshot{Name: aws.String("nightly")}); err != nil {
		t.Fatal(err)
	}
	out, err := officialmemorydb.NewFromConfig(server.Config()).CopySnapshot(context.Background(), &officialmemorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, found := server.Snapshot("copy"); !found || *out.Snapshot.Name != "copy" {
		t.Errorf("copy stored: %v; answered %q", found, *out.Snapshot.Name)
	}
}

func TestOfficialLightsailClient(t *testing.T) {
	server := lightsailtest.NewServer()
	defer server.Close()
	if err := server.SeedRecords(lstypes.ExportSnapshotRecord{Name: aws.String("export"), State: lstypes.RecordStateFailed}); err != nil {
		t.Fatal(err)
	}
	out, err := officiallightsail.NewFromConfig(server.Config()).GetExportSnapshotRecords(context.Background(),
		&officiallightsail.GetExportSnapshotRecordsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.ExportSnapshotRecords) != 1 || out.ExportSnapshotRecords[0].State != "Failed" {
		t.Errorf("records %+v", out.ExportSnapshotRecords)
	}
}

func TestOfficialNeptuneGraphClient(t *testing.T) {
	server := neptunegraphtest.NewServer()
	defer server.Close()
	if err := server.SeedGraphs(neptunegraphtest.Graph{ID: "g-0123456789"}); err != nil {
		t.Fatal(err)
	}
	out, err := officialneptunegraph.NewFromConfig(server.Config()).CreateGraphSnapshot(context.Background(),
		&officialneptunegraph.CreateGraphSnapshotInput{GraphIdentifier: aws.String("g-0123456789"), SnapshotName: aws.String("s")})
	if err != nil {
		t.Fatal(err)
	}
	if stored, found := server.Snapshot("s"); !found || stored.ID != *out.Id {
		t.Errorf("stored %v %+v, answered %s", found, stored, *out.Id)
	}
}

func TestOfficialDataZoneClient(t *testing.T) {
	server := datazonetest.NewServer()
	defer server.Close()
	if err := server.SeedAssets(datazonetest.Asset{DomainID: "dzd_d", ID: "a", Name: "a", OwningProjectID: "p", TypeIdentifier: "t"}); err != nil {
		t.Fatal(err)
	}
	out, err := officialdatazone.NewFromConfig(server.Config()).CreateAssetRevision(context.Background(),
		&officialdatazone.CreateAssetRevisionInput{DomainIdentifier: aws.String("dzd_d"), Identifier: aws.String("a"), Name: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	if asset, _ := server.Asset("dzd_d", "a"); asset.Name != "b" || *out.Revision != "2" {
		t.Errorf("asset %+v, answered revision %s", asset, *out.Revision)
	}
}
