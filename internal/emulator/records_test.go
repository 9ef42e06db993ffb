package emulator_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone"
	dztypes "github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/lightsail"
	lstypes "github.com/awssnap/awssnap/lightsail/types"
	"github.com/awssnap/awssnap/memorydb"
	mdbtypes "github.com/awssnap/awssnap/memorydb/types"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
	pctypes "github.com/awssnap/awssnap/partnercentral/types"
)

// emptyServer serves an empty emulator through a Recorder for one test and
// returns it with the aws.Config of a client that reaches it.
func emptyServer(t *testing.T, cfg emulator.Config) (*emulator.Emulator, *emulator.Recorder, aws.Config) {
	t.Helper()
	e := emulator.NewEmpty(cfg)
	recorder := emulator.NewRecorder(e)
	server := httptest.NewServer(recorder)
	t.Cleanup(server.Close)
	return e, recorder, aws.Config{
		Region:           e.Region(),
		BaseEndpoint:     aws.String(server.URL),
		Credentials:      credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
		RetryMaxAttempts: 1,
	}
}

// seedError checks that err is a *SeedError naming field.
func seedError(t *testing.T, err error, field string) {
	t.Helper()
	var seedErr *emulator.SeedError
	if !errors.As(err, &seedErr) {
		t.Fatalf("error %v is not a *SeedError", err)
	}
	if seedErr.Field != field || !strings.Contains(err.Error(), field) {
		t.Fatalf("error %q names field %q, want %q", err, seedErr.Field, field)
	}
}

func TestNewEmptyHoldsNothing(t *testing.T) {
	t.Parallel()
	e := emulator.NewEmpty(emulator.Config{LightsailRecords: 10})
	if n := len(e.MemoryDBSnapshots()) + len(e.LightsailRecords()) + len(e.NeptuneGraphs()) +
		len(e.NeptuneGraphSnapshots()) + len(e.DataZoneDomains()) + len(e.PartnerCentralEngagements()) +
		len(e.PartnerCentralSnapshots()); n != 0 {
		t.Fatalf("an empty emulator holds %d resources", n)
	}
	if full := emulator.New(emulator.Config{}); len(full.MemoryDBSnapshots()) == 0 || len(full.DataZoneDomains()) == 0 {
		t.Fatal("New holds no seed data, so the test above proves nothing")
	}
}

func TestMemoryDBSnapshotsAreAnsweredAsSeeded(t *testing.T) {
	t.Parallel()
	e, _, cfg := emptyServer(t, emulator.Config{})
	created := time.Date(2026, 3, 4, 5, 6, 7, 890_000_000, time.UTC)
	source := mdbtypes.Snapshot{
		Name: aws.String("nightly"), Status: aws.String("available"), Source: aws.String("automated"),
		KmsKeyId: aws.String("alias/orders"), ARN: aws.String("arn:aws:memorydb:us-east-1:111122223333:snapshot/nightly"),
		DataTiering: mdbtypes.DataTieringStatusTrue,
		ClusterConfiguration: &mdbtypes.ClusterConfiguration{
			Name: aws.String("orders"), Description: aws.String("Orders"), NodeType: aws.String("db.r6gd.xlarge"),
			Engine: aws.String("valkey"), EngineVersion: aws.String("7.2"), MaintenanceWindow: aws.String("sun:01:00-sun:02:00"),
			TopicArn: aws.String("arn:aws:sns:us-east-1:111122223333:events"), Port: aws.Int32(6380),
			ParameterGroupName: aws.String("pg"), SubnetGroupName: aws.String("subnets"), VpcId: aws.String("vpc-1"),
			SnapshotRetentionLimit: aws.Int32(3), SnapshotWindow: aws.String("03:00-04:00"), NumShards: aws.Int32(1),
			MultiRegionClusterName: aws.String("global-orders"), MultiRegionParameterGroupName: aws.String("global-pg"),
			Shards: []mdbtypes.ShardDetail{{
				Name: aws.String("0001"), Size: aws.String("2 GB"), SnapshotCreationTime: &created,
				Configuration: &mdbtypes.ShardConfiguration{Slots: aws.String("0-16383"), ReplicaCount: aws.Int32(2)},
			}},
		},
	}
	if err := e.PutMemoryDBSnapshots(source); err != nil {
		t.Fatal(err)
	}
	out, err := memorydb.NewFromConfig(cfg).CopySnapshot(context.Background(), &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("nightly"), TargetSnapshotName: aws.String("copy"),
		Tags: []mdbtypes.Tag{{Key: aws.String("team"), Value: aws.String("data")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(source.ClusterConfiguration, out.Snapshot.ClusterConfiguration); diff != "" {
		t.Errorf("the copy's cluster configuration differs from the seeded one (-seeded +answered):\n%s", diff)
	}
	stored := e.MemoryDBSnapshots()
	if len(stored) != 2 {
		t.Fatalf("%d snapshots stored, want the source and its copy", len(stored))
	}
	if diff := cmp.Diff(source, stored[1]); diff != "" {
		t.Errorf("the stored source differs from the seeded one (-seeded +stored):\n%s", diff)
	}
	if diff := cmp.Diff(*out.Snapshot, stored[0]); diff != "" {
		t.Errorf("the stored copy differs from the answer (-answered +stored):\n%s", diff)
	}
	tags, found := e.MemoryDBSnapshotTagList("copy")
	if !found || len(tags) != 1 || *tags[0].Key != "team" || *tags[0].Value != "data" {
		t.Errorf("tags of the copy: %v %v, want team=data", tags, found)
	}
}

func TestMemoryDBSnapshotDefaults(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	e := emulator.NewEmpty(emulator.Config{Region: "eu-west-1", AccountID: "444455556666", Now: func() time.Time { return now }})
	if err := e.PutMemoryDBSnapshots(mdbtypes.Snapshot{
		Name: aws.String("bare"), ClusterConfiguration: &mdbtypes.ClusterConfiguration{Shards: []mdbtypes.ShardDetail{{}}},
	}); err != nil {
		t.Fatal(err)
	}
	got := e.MemoryDBSnapshots()[0]
	if *got.Status != "available" || *got.Source != "manual" || got.DataTiering != "false" ||
		*got.ARN != "arn:aws:memorydb:eu-west-1:444455556666:snapshot/bare" ||
		!got.ClusterConfiguration.Shards[0].SnapshotCreationTime.Equal(now) {
		t.Errorf("defaults not applied: status %q source %q tiering %q ARN %q shard time %v", *got.Status, *got.Source,
			got.DataTiering, *got.ARN, got.ClusterConfiguration.Shards[0].SnapshotCreationTime)
	}
}

func TestLightsailRecordsAreAnsweredAsSeeded(t *testing.T) {
	t.Parallel()
	e, _, cfg := emptyServer(t, emulator.Config{LightsailPageSize: 2})
	at := func(minute int) *time.Time {
		value := time.Date(2026, 2, 3, 4, minute, 0, 0, time.UTC)
		return &value
	}
	seeded := []lstypes.ExportSnapshotRecord{
		{
			Name: aws.String("instance-export"), Arn: aws.String("arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/a"),
			CreatedAt: at(1), ResourceType: lstypes.ResourceTypeExportSnapshotRecord, State: lstypes.RecordStateFailed,
			Location:        &lstypes.ResourceLocation{AvailabilityZone: aws.String("all"), RegionName: lstypes.RegionNameUsEast1},
			DestinationInfo: &lstypes.DestinationInfo{Id: aws.String("ami-1"), Service: aws.String("Aws::EC2::Image")},
			SourceInfo: &lstypes.ExportSnapshotRecordSourceInfo{
				ResourceType: lstypes.ExportSnapshotRecordSourceTypeInstanceSnapshot, CreatedAt: at(0),
				Name: aws.String("web-1"), Arn: aws.String("arn:web-1"),
				FromResourceName: aws.String("web"), FromResourceArn: aws.String("arn:web"),
				InstanceSnapshotInfo: &lstypes.InstanceSnapshotInfo{
					FromBundleId: aws.String("nano_3_0"), FromBlueprintId: aws.String("debian_12"),
					FromDiskInfo: []lstypes.DiskInfo{{Name: aws.String("root"), Path: aws.String("/dev/xvda"),
						SizeInGb: aws.Int32(20), IsSystemDisk: aws.Bool(true)}},
				},
			},
		},
		{
			Name: aws.String("disk-export"), Arn: aws.String("arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/b"),
			CreatedAt: at(2), ResourceType: lstypes.ResourceTypeExportSnapshotRecord, State: lstypes.RecordStateSucceeded,
			Location:        &lstypes.ResourceLocation{AvailabilityZone: aws.String("all"), RegionName: lstypes.RegionNameUsEast1},
			DestinationInfo: &lstypes.DestinationInfo{Id: aws.String("snap-1"), Service: aws.String("Aws::EC2::Snapshot")},
			SourceInfo: &lstypes.ExportSnapshotRecordSourceInfo{
				ResourceType: lstypes.ExportSnapshotRecordSourceTypeDiskSnapshot, CreatedAt: at(0),
				Name: aws.String("data-1"), Arn: aws.String("arn:data-1"),
				FromResourceName: aws.String("data"), FromResourceArn: aws.String("arn:data"),
				DiskSnapshotInfo: &lstypes.DiskSnapshotInfo{SizeInGb: aws.Int32(64)},
			},
		},
		{Name: aws.String("third"), CreatedAt: at(3), SourceInfo: &lstypes.ExportSnapshotRecordSourceInfo{CreatedAt: at(0)}},
	}
	if err := e.AppendLightsailRecords(seeded...); err != nil {
		t.Fatal(err)
	}
	var answered []lstypes.ExportSnapshotRecord
	paginator := lightsail.NewGetExportSnapshotRecordsPaginator(lightsail.NewFromConfig(cfg), nil)
	for record, err := range paginator.All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		answered = append(answered, record)
	}
	if diff := cmp.Diff(seeded[:2], answered[:2]); diff != "" {
		t.Errorf("answered records differ from the seeded ones (-seeded +answered):\n%s", diff)
	}
	if diff := cmp.Diff(answered[:2], e.LightsailRecords()[:2]); diff != "" {
		t.Errorf("stored records differ from the answered ones (-answered +stored):\n%s", diff)
	}
	third := answered[2]
	if third.State != lstypes.RecordStateSucceeded || third.ResourceType != lstypes.ResourceTypeExportSnapshotRecord ||
		*third.Arn != "arn:aws:lightsail:us-east-1:111122223333:ExportSnapshotRecord/third" ||
		third.Location.RegionName != "us-east-1" {
		t.Errorf("defaults not applied to the third record: %+v", third)
	}
}

func TestSeedingRefusesBadValuesAndStoresNone(t *testing.T) {
	t.Parallel()
	e := emulator.NewEmpty(emulator.Config{})
	if err := e.PutNeptuneGraphs(emulator.NeptuneGraph{ID: "g-0123456789"}); err != nil {
		t.Fatal(err)
	}
	good := "g-0123456789"
	tests := []struct {
		name  string
		field string
		put   func() error
		count func() int
	}{
		{"memorydb name", "Name", func() error {
			return e.PutMemoryDBSnapshots(mdbtypes.Snapshot{Name: aws.String("ok")}, mdbtypes.Snapshot{})
		}, func() int { return len(e.MemoryDBSnapshots()) }},
		{"lightsail name", "Name", func() error {
			return e.AppendLightsailRecords(lstypes.ExportSnapshotRecord{Name: aws.String("ok")}, lstypes.ExportSnapshotRecord{})
		}, func() int { return len(e.LightsailRecords()) }},
		{"neptune graph id", "ID", func() error {
			return e.PutNeptuneGraphs(emulator.NeptuneGraph{ID: "g-aaaaaaaaaa"}, emulator.NeptuneGraph{ID: "graph-1"})
		}, func() int { return len(e.NeptuneGraphs()) - 1 }},
		{"neptune snapshot of no graph", "SourceGraphID", func() error {
			return e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{Name: "a", SourceGraphID: good},
				emulator.NeptuneGraphSnapshot{Name: "b", SourceGraphID: "g-9999999999"})
		}, func() int { return len(e.NeptuneGraphSnapshots()) }},
		{"neptune snapshot name", "Name", func() error {
			return e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{Name: "gs-reserved", SourceGraphID: good})
		}, func() int { return len(e.NeptuneGraphSnapshots()) }},
		{"neptune snapshot name twice", "Name", func() error {
			return e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{Name: "twin", SourceGraphID: good},
				emulator.NeptuneGraphSnapshot{Name: "twin", SourceGraphID: good})
		}, func() int { return len(e.NeptuneGraphSnapshots()) }},
		{"neptune snapshot status", "Status", func() error {
			return e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{Name: "a", SourceGraphID: good, Status: "AVAILABLE"})
		}, func() int { return len(e.NeptuneGraphSnapshots()) }},
		{"neptune snapshot arn", "ARN", func() error {
			return e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{Name: "a", SourceGraphID: good, ARN: "arn:x"})
		}, func() int { return len(e.NeptuneGraphSnapshots()) }},
		{"datazone domain", "ID", func() error {
			return e.PutDataZoneDomains("dzd_ok", "domain")
		}, func() int { return len(e.DataZoneDomains()) }},
		{"datazone asset domain", "DomainID", func() error {
			return e.PutDataZoneAssets(emulator.DataZoneAsset{DomainID: "dzd_ok", ID: "a", Name: "a", OwningProjectID: "p", TypeIdentifier: "t"},
				emulator.DataZoneAsset{DomainID: "domain", ID: "b", Name: "b", OwningProjectID: "p", TypeIdentifier: "t"})
		}, func() int { return len(e.DataZoneDomains()) }},
		{"datazone asset name", "Name", func() error {
			return e.PutDataZoneAssets(emulator.DataZoneAsset{DomainID: "dzd_ok", ID: "a"})
		}, func() int { return len(e.DataZoneDomains()) }},
		{"datazone asset project", "OwningProjectID", func() error {
			return e.PutDataZoneAssets(emulator.DataZoneAsset{DomainID: "dzd_ok", ID: "a", Name: "a", TypeIdentifier: "t"})
		}, func() int { return len(e.DataZoneDomains()) }},
		{"datazone asset type", "TypeIdentifier", func() error {
			return e.PutDataZoneAssets(emulator.DataZoneAsset{DomainID: "dzd_ok", ID: "a", Name: "a", OwningProjectID: "p"})
		}, func() int { return len(e.DataZoneDomains()) }},
		{"datazone form name", "Forms[0].FormName", func() error {
			return e.PutDataZoneAssets(emulator.DataZoneAsset{DomainID: "dzd_ok", ID: "a", Name: "a", OwningProjectID: "p", TypeIdentifier: "t",
				Forms: []dztypes.FormOutput{{Content: aws.String("{}")}}})
		}, func() int { return len(e.DataZoneDomains()) }},
		{"partner catalog", "Catalog", func() error {
			return e.PutPartnerCentralEngagements(emulator.PartnerCentralEngagement{Catalog: "A W S", ID: "eng-0123456789abcd"})
		}, func() int { return len(e.PartnerCentralEngagements()) }},
		{"partner opportunity", "Opportunities[1]", func() error {
			return e.PutPartnerCentralEngagements(emulator.PartnerCentralEngagement{
				Catalog: "AWS", ID: "eng-0123456789abcd", Opportunities: []string{"O1", "opportunity"}})
		}, func() int { return len(e.PartnerCentralEngagements()) }},
	}
	for _, tt := range tests {
		seedError(t, tt.put(), tt.field)
		if n := tt.count(); n != 0 {
			t.Errorf("%s: %d values stored after the error, want none", tt.name, n)
		}
	}
}

func TestNeptuneGraphSnapshotsAreStoredAndReadBack(t *testing.T) {
	t.Parallel()
	clock := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	e := emulator.NewEmpty(emulator.Config{Now: func() time.Time { return clock }, NeptuneSnapshotReadyDelay: time.Minute})
	graphs := []emulator.NeptuneGraph{{ID: "g-bbbbbbbbbb"}, {ID: "g-aaaaaaaaaa", KMSKeyIdentifier: "arn:aws:kms:us-east-1:111122223333:key/k"}}
	if err := e.PutNeptuneGraphs(graphs...); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]emulator.NeptuneGraph{graphs[1], graphs[0]}, e.NeptuneGraphs()); diff != "" {
		t.Errorf("graphs (-want +got):\n%s", diff)
	}
	err := e.PutNeptuneGraphSnapshots(
		emulator.NeptuneGraphSnapshot{ID: "gs-old", Name: "old", SourceGraphID: "g-aaaaaaaaaa", CreatedAt: clock.Add(-time.Hour)},
		emulator.NeptuneGraphSnapshot{Name: "new", SourceGraphID: "g-bbbbbbbbbb", KMSKeyIdentifier: "arn:own-key"},
	)
	if err != nil {
		t.Fatal(err)
	}
	got := e.NeptuneGraphSnapshots()
	newID := got[0].ID
	want := []emulator.NeptuneGraphSnapshot{
		{ID: newID, Name: "new", SourceGraphID: "g-bbbbbbbbbb", CreatedAt: clock, KMSKeyIdentifier: "arn:own-key",
			ARN: "arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/" + newID, Status: "CREATING"},
		{ID: "gs-old", Name: "old", SourceGraphID: "g-aaaaaaaaaa", CreatedAt: clock.Add(-time.Hour),
			KMSKeyIdentifier: graphs[1].KMSKeyIdentifier,
			ARN:              "arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-old", Status: "AVAILABLE"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("snapshots (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(newID, "gs-") {
		t.Errorf("made-up ID %q does not start with gs-", newID)
	}
	// Renaming a snapshot by storing it again frees its old name.
	if err := e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{ID: "gs-old", Name: "renamed", SourceGraphID: "g-aaaaaaaaaa"}); err != nil {
		t.Fatal(err)
	}
	if err := e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{Name: "old", SourceGraphID: "g-aaaaaaaaaa"}); err != nil {
		t.Errorf("the old name is still taken after a rename: %v", err)
	}
	if n := len(e.NeptuneGraphSnapshots()); n != 3 {
		t.Errorf("%d snapshots, want 3", n)
	}
}

func TestNeptuneSeededGraphTakesSnapshots(t *testing.T) {
	t.Parallel()
	e, _, cfg := emptyServer(t, emulator.Config{})
	if err := e.PutNeptuneGraphs(emulator.NeptuneGraph{ID: "g-0123456789", KMSKeyIdentifier: "arn:key"}); err != nil {
		t.Fatal(err)
	}
	out, err := neptunegraph.NewFromConfig(cfg).CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-0123456789"), SnapshotName: aws.String("first"),
	})
	if err != nil {
		t.Fatal(err)
	}
	stored := e.NeptuneGraphSnapshots()
	if len(stored) != 1 || stored[0].ID != *out.Id || *out.Arn != stored[0].ARN || *out.KmsKeyIdentifier != "arn:key" {
		t.Errorf("stored %+v, answered id %s arn %s key %s", stored, *out.Id, *out.Arn, *out.KmsKeyIdentifier)
	}
}

func TestDataZoneAssetsAreAnsweredAsSeeded(t *testing.T) {
	t.Parallel()
	e, _, cfg := emptyServer(t, emulator.Config{})
	first := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	seeded := emulator.DataZoneAsset{
		DomainID: "dzd_sales", ID: "orders", Name: "orders", OwningProjectID: "prj", TypeIdentifier: "amazon.datazone.GlueTableAssetType",
		TypeRevision: "4", ExternalIdentifier: "arn:aws:glue:table/orders", Description: "Orders.",
		GlossaryTerms: []string{"term-a"}, GovernedGlossaryTerms: []string{"gov-b"},
		Listing: &dztypes.AssetListingDetails{ListingId: aws.String("lst1"), ListingStatus: dztypes.ListingStatusActive},
		Forms: []dztypes.FormOutput{{FormName: aws.String("GlueTableForm"), TypeName: aws.String("amazon.datazone.GlueTableFormType"),
			TypeRevision: aws.String("7"), Content: aws.String(`{"tableName":"orders"}`)}},
		PredictionConfiguration: &dztypes.PredictionConfiguration{
			BusinessNameGeneration: &dztypes.BusinessNameGenerationConfiguration{Enabled: aws.Bool(true)}},
		Revision: 3, FirstRevisionCreatedAt: first, FirstRevisionCreatedBy: "usr-1",
	}
	if err := e.PutDataZoneAssets(seeded); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]emulator.DataZoneAsset{seeded}, e.DataZoneAssets("dzd_sales")); diff != "" {
		t.Errorf("stored asset (-seeded +stored):\n%s", diff)
	}
	out, err := datazone.NewFromConfig(cfg).CreateAssetRevision(context.Background(), &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String("dzd_sales"), Identifier: aws.String("orders"), Name: aws.String("orders v4"),
	})
	if err != nil {
		t.Fatal(err)
	}
	answered := emulator.DataZoneAsset{
		DomainID: *out.DomainId, ID: *out.Id, Name: *out.Name, OwningProjectID: *out.OwningProjectId,
		TypeIdentifier: *out.TypeIdentifier, TypeRevision: *out.TypeRevision, ExternalIdentifier: *out.ExternalIdentifier,
		Description: *out.Description, GlossaryTerms: out.GlossaryTerms, GovernedGlossaryTerms: out.GovernedGlossaryTerms,
		Listing: out.Listing, Forms: out.FormsOutput, PredictionConfiguration: out.PredictionConfiguration,
		Revision: 4, FirstRevisionCreatedAt: *out.FirstRevisionCreatedAt, FirstRevisionCreatedBy: *out.FirstRevisionCreatedBy,
	}
	if *out.Revision != "4" {
		t.Errorf("revision %q, want 4", *out.Revision)
	}
	want := seeded
	want.Name, want.Revision = "orders v4", 4
	if diff := cmp.Diff(want, answered); diff != "" {
		t.Errorf("answered asset (-want +answered):\n%s", diff)
	}
	if diff := cmp.Diff([]emulator.DataZoneAsset{want}, e.DataZoneAssets("dzd_sales")); diff != "" {
		t.Errorf("stored asset after the revision (-want +stored):\n%s", diff)
	}
	if err := e.PutDataZoneDomains("dzd_empty", "dzd_sales"); err != nil {
		t.Fatal(err)
	}
	if got := e.DataZoneDomains(); !cmp.Equal(got, []string{"dzd_empty", "dzd_sales"}) || len(e.DataZoneAssets("dzd_sales")) != 1 {
		t.Errorf("domains %v; putting an existing domain again must keep its assets", got)
	}
}

func TestPartnerCentralEngagementsAndSnapshots(t *testing.T) {
	t.Parallel()
	e, _, cfg := emptyServer(t, emulator.Config{AccountID: "444455556666"})
	engagements := []emulator.PartnerCentralEngagement{
		{Catalog: "Sandbox", ID: "eng-bbbbbbbbbbbbbb", Opportunities: []string{"O2"}},
		{Catalog: "AWS", ID: "eng-aaaaaaaaaaaaaa", Opportunities: []string{"O1", "O3"}},
	}
	if err := e.PutPartnerCentralEngagements(engagements...); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]emulator.PartnerCentralEngagement{engagements[1], engagements[0]}, e.PartnerCentralEngagements()); diff != "" {
		t.Errorf("engagements (-want +got):\n%s", diff)
	}
	client := partnercentral.NewFromConfig(cfg)
	var arns []string
	for _, opportunity := range []string{"O3", "O1", "O3"} {
		out, err := client.CreateResourceSnapshot(context.Background(), &partnercentral.CreateResourceSnapshotInput{
			Catalog: aws.String("AWS"), EngagementIdentifier: aws.String("eng-aaaaaaaaaaaaaa"),
			ResourceType: pctypes.ResourceTypeOpportunity, ResourceIdentifier: aws.String(opportunity),
			ResourceSnapshotTemplateIdentifier: aws.String("Summary"),
		})
		if err != nil {
			t.Fatal(err)
		}
		arns = append(arns, *out.Arn)
	}
	key := emulator.PartnerCentralSnapshot{Catalog: "AWS", EngagementID: "eng-aaaaaaaaaaaaaa", ResourceType: "Opportunity", TemplateID: "Summary"}
	snapshot := func(resource string, revision int32, arn string) emulator.PartnerCentralSnapshot {
		s := key
		s.ResourceID, s.Revision, s.ARN = resource, revision, arn
		return s
	}
	want := []emulator.PartnerCentralSnapshot{snapshot("O1", 1, arns[1]), snapshot("O3", 1, arns[0]), snapshot("O3", 2, arns[2])}
	if diff := cmp.Diff(want, e.PartnerCentralSnapshots()); diff != "" {
		t.Errorf("snapshots (-want +got):\n%s", diff)
	}
}

func TestSeededValuesSurviveSavingAndReset(t *testing.T) {
	t.Parallel()
	e := emulator.NewEmpty(emulator.Config{})
	seed := []error{
		e.PutMemoryDBSnapshots(mdbtypes.Snapshot{Name: aws.String("nightly"), KmsKeyId: aws.String("alias/k")}),
		e.AppendLightsailRecords(lstypes.ExportSnapshotRecord{Name: aws.String("export"), State: lstypes.RecordStateFailed}),
		e.PutNeptuneGraphs(emulator.NeptuneGraph{ID: "g-0123456789"}),
		e.PutNeptuneGraphSnapshots(emulator.NeptuneGraphSnapshot{ID: "gs-0123456789", Name: "s", SourceGraphID: "g-0123456789"}),
		e.PutDataZoneAssets(emulator.DataZoneAsset{DomainID: "dzd_d", ID: "a", Name: "a", OwningProjectID: "p", TypeIdentifier: "t", Revision: 2}),
		e.PutPartnerCentralEngagements(emulator.PartnerCentralEngagement{Catalog: "AWS", ID: "eng-0123456789abcd", Opportunities: []string{"O1"}}),
	}
	if err := errors.Join(seed...); err != nil {
		t.Fatal(err)
	}
	type snapshot struct {
		MemoryDB  []mdbtypes.Snapshot
		Lightsail []lstypes.ExportSnapshotRecord
		Graphs    []emulator.NeptuneGraph
		Snapshots []emulator.NeptuneGraphSnapshot
		Assets    []emulator.DataZoneAsset
		Partner   []emulator.PartnerCentralEngagement
	}
	read := func(e *emulator.Emulator) snapshot {
		return snapshot{e.MemoryDBSnapshots(), e.LightsailRecords(), e.NeptuneGraphs(), e.NeptuneGraphSnapshots(),
			e.DataZoneAssets("dzd_d"), e.PartnerCentralEngagements()}
	}
	restored := emulator.NewEmpty(emulator.Config{})
	if err := restored.LoadState(e.MarshalState()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(read(e), read(restored)); diff != "" {
		t.Errorf("state after saving and loading (-seeded +loaded):\n%s", diff)
	}
	e.Reset()
	if after := read(e); len(after.MemoryDB)+len(after.Lightsail)+len(after.Graphs)+len(after.Assets)+len(after.Partner) != 0 {
		t.Errorf("Reset did not empty an emulator made by NewEmpty: %+v", after)
	}
}
