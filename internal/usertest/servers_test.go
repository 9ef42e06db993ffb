package usertest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/datazone/datazonetest"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/lightsail/lightsailtest"
	lstypes "github.com/awssnap/awssnap/lightsail/types"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/memorydb/memorydbtest"
	mdbtypes "github.com/awssnap/awssnap/memorydb/types"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/neptunegraphtest"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/partnercentraltest"
	pctypes "github.com/awssnap/awssnap/partnercentral/types"
)

// errorCode returns the API error code of err, or "" when it has none.
func errorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}

func TestMemoryDB(t *testing.T) {
	server := memorydbtest.NewServer()
	defer server.Close()
	err := server.SeedSnapshots(mdbtypes.Snapshot{
		Name:                 aws.String("nightly"),
		ClusterConfiguration: &mdbtypes.ClusterConfiguration{Engine: aws.String("valkey"), NumShards: aws.Int32(2)},
	})
	if err != nil {
		t.Fatal(err)
	}
	server.InternalError(1)
	client := memorydb.New(memorydb.Options{RetryMaxAttempts: 1}, server.ClientOptions())
	in := &memorydb.CopySnapshotInput{SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy")}
	if _, err := client.CopySnapshot(context.Background(), in); errorCode(err) != "InternalFailure" {
		t.Fatalf("first call: %v, want InternalFailure", err)
	}
	if _, found := server.Snapshot("copy"); found {
		t.Fatal("the failed call made a copy")
	}
	out, err := client.CopySnapshot(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	stored, found := server.Snapshot("copy")
	if !found || *stored.Status != "creating" || *stored.ClusterConfiguration.Engine != "valkey" ||
		*out.Snapshot.ClusterConfiguration.NumShards != 2 {
		t.Errorf("copy stored %v %+v, answered %+v", found, stored, out.Snapshot)
	}
	if requests := server.Requests(); len(requests) != 2 || requests[0].Status != 500 || requests[1].Status != 200 {
		t.Errorf("requests %+v, want a 500 then a 200", requests)
	}
}

func TestLightsail(t *testing.T) {
	server := lightsailtest.NewServer(func(o *lightsailtest.Options) { o.PageSize = 1 })
	defer server.Close()
	for _, name := range []string{"a", "b", "c"} {
		if err := server.SeedRecords(lstypes.ExportSnapshotRecord{Name: aws.String(name)}); err != nil {
			t.Fatal(err)
		}
	}
	server.Throttle(1)
	client := lightsail.New(lightsail.Options{RetryMaxAttempts: 1}, server.ClientOptions())
	if _, err := client.GetExportSnapshotRecords(context.Background(), nil); errorCode(err) != "ThrottlingException" {
		t.Fatalf("first call: %v, want ThrottlingException", err)
	}
	var names []string
	paginator := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	for record, err := range paginator.All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, *record.Name)
	}
	if len(names) != 3 || names[2] != "c" || len(server.Records()) != 3 {
		t.Errorf("walked %v over %d records", names, len(server.Records()))
	}
	if n := len(server.Requests()); n != 4 {
		t.Errorf("%d requests, want the throttled one and three pages", n)
	}
}

func TestNeptuneGraph(t *testing.T) {
	server := neptunegraphtest.NewServer(func(o *neptunegraphtest.Options) { o.SnapshotReadyDelay = -1 })
	defer server.Close()
	if err := server.SeedGraphs(neptunegraphtest.Graph{ID: "g-0123456789", KMSKeyIdentifier: "arn:aws:kms:us-east-1:111122223333:key/k"}); err != nil {
		t.Fatal(err)
	}
	server.DropBeforeApply(1)
	client := neptunegraph.NewFromConfig(server.Config(), func(o *neptunegraph.Options) { o.RetryMaxAttempts = 1 })
	in := &neptunegraph.CreateGraphSnapshotInput{GraphIdentifier: aws.String("g-0123456789"), SnapshotName: aws.String("nightly")}
	if _, err := client.CreateGraphSnapshot(context.Background(), in); err == nil {
		t.Fatal("the call whose connection was dropped succeeded")
	}
	if snapshots := server.Snapshots(); len(snapshots) != 0 {
		t.Fatalf("a dropped request was applied: %+v", snapshots)
	}
	out, err := client.CreateGraphSnapshot(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	stored, found := server.Snapshot("nightly")
	if !found || stored.ID != *out.Id || stored.Status != "AVAILABLE" || stored.KMSKeyIdentifier != *out.KmsKeyIdentifier {
		t.Errorf("stored %v %+v, answered %+v", found, stored, out)
	}
}

func TestDataZone(t *testing.T) {
	server := datazonetest.NewServer()
	defer server.Close()
	err := server.SeedAssets(datazonetest.Asset{
		DomainID: "dzd_sales", ID: "orders", Name: "orders", OwningProjectID: "prj", TypeIdentifier: "amazon.datazone.GlueTableAssetType",
	})
	if err != nil {
		t.Fatal(err)
	}
	server.Delay(200*time.Millisecond, 1)
	client := datazone.New(datazone.Options{}, server.ClientOptions())
	in := &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String("dzd_sales"), Identifier: aws.String("orders"), Name: aws.String("orders v2"),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := client.CreateAssetRevision(ctx, in); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("first call: %v, want a deadline error", err)
	}
	if _, err := client.CreateAssetRevision(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	asset, _ := server.Asset("dzd_sales", "orders")
	if asset.Name != "orders v2" || asset.Revision != 2 {
		t.Errorf("asset %q at revision %d, want orders v2 at 2 (the delayed call must not count)", asset.Name, asset.Revision)
	}
}

func TestPartnerCentral(t *testing.T) {
	server := partnercentraltest.NewServer(func(o *partnercentraltest.Options) { o.AccountID = "444455556666" })
	defer server.Close()
	if err := server.SeedEngagements(partnercentraltest.Engagement{
		Catalog: "AWS", ID: "eng-0123456789abcd", Opportunities: []string{"O42"},
	}); err != nil {
		t.Fatal(err)
	}
	server.Unavailable(1)
	client := partnercentral.New(partnercentral.Options{RetryMaxAttempts: 1}, server.ClientOptions())
	in := &partnercentral.CreateResourceSnapshotInput{
		Catalog: aws.String("AWS"), EngagementIdentifier: aws.String("eng-0123456789abcd"),
		ResourceType: pctypes.ResourceTypeOpportunity, ResourceIdentifier: aws.String("O42"),
		ResourceSnapshotTemplateIdentifier: aws.String("Summary"), ClientToken: aws.String("once"),
	}
	if _, err := client.CreateResourceSnapshot(context.Background(), in); errorCode(err) != "ServiceUnavailableException" {
		t.Fatalf("first call: %v, want ServiceUnavailableException", err)
	}
	out, err := client.CreateResourceSnapshot(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	snapshots := server.Snapshots()
	if len(snapshots) != 1 || snapshots[0].ARN != *out.Arn || snapshots[0].Revision != 1 || snapshots[0].ResourceID != "O42" {
		t.Errorf("snapshots %+v, answered %s", snapshots, *out.Arn)
	}
}
