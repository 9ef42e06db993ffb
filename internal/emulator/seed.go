package emulator

import (
	"fmt"
	"time"
)

// This file declares all the seed data: every emulator starts with exactly
// these resources, in the configured region and account.

// seedTime, 2026-01-01T00:00:00Z, is the creation time of every seeded resource.
var seedTime = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// SeedUserID is the DataZone user that created the seeded asset revisions.
const SeedUserID = "usr-seed-owner"

// CallerUserID is the DataZone user recorded as the creator of the revisions
// the emulator creates.
const CallerUserID = "usr-emulator-caller"

// MemoryDB snapshots, the sources for CopySnapshot.
const (
	// SeedMemoryDBSnapshot is an available snapshot of cluster "seed-cluster-1":
	// Redis 7.1 on db.r6g.large, 1 shard, data tiering "false", an AWS-owned KMS key.
	SeedMemoryDBSnapshot = "seed-snapshot-1"
	// SeedMemoryDBTieredSnapshot is an available snapshot of cluster
	// "seed-cluster-2": Valkey 7.2 on db.r6gd.xlarge, 2 shards, data tiering "true".
	SeedMemoryDBTieredSnapshot = "seed-snapshot-2"
	// SeedMemoryDBCreatingSnapshot is a snapshot still in status "creating";
	// copying it fails with InvalidSnapshotStateFault.
	SeedMemoryDBCreatingSnapshot = "seed-snapshot-creating"
)

// Neptune Analytics graphs and snapshots.
const (
	// SeedNeptuneGraph is a graph encrypted with SeedNeptuneKMSKeyID's key.
	SeedNeptuneGraph = "g-abcde12345"
	// SeedNeptuneGraph2 is a second graph, with the same key.
	SeedNeptuneGraph2 = "g-seedgraph2"
	// SeedNeptuneSnapshotName is the name of an AVAILABLE snapshot of
	// SeedNeptuneGraph (id "gs-seedsnap01"); creating another snapshot with
	// this name fails with ConflictException.
	SeedNeptuneSnapshotName = "seed-snapshot"
	// SeedNeptuneKMSKeyID is the key ID in the ARN of the graphs' KMS key.
	SeedNeptuneKMSKeyID = "1234abcd-12ab-34cd-56ef-1234567890ab"
)

// DataZone domains and assets; each seeded asset has revision "1".
const (
	// SeedDataZoneDomain holds SeedDataZoneAsset and SeedDataZoneAsset2.
	SeedDataZoneDomain = "dzd_4p9n6sw4qt9xgn"
	// SeedDataZoneAsset is the asset "orders", of type
	// amazon.datazone.S3ObjectCollectionAssetType revision "3", owned by project
	// "b2ji7k9xy", listed (ACTIVE) as "lst4x9p2qkz".
	SeedDataZoneAsset = "3t2ng8cp3dqxmb"
	// SeedDataZoneAsset2 is the asset "customers", of type
	// amazon.datazone.GlueTableAssetType revision "1", owned by project
	// "b2ji7k9xy", listed (ACTIVE) as "lstcustomers01".
	SeedDataZoneAsset2 = "customers_01"
	// SeedDataZoneDomain2 holds SeedDataZoneAsset3.
	SeedDataZoneDomain2 = "dzd-seeddomain2"
	// SeedDataZoneAsset3 is the asset "events", of type
	// amazon.datazone.RedshiftTableAssetType revision "2", owned by project
	// "p-events", listed (INACTIVE) as "lstevents01".
	SeedDataZoneAsset3 = "events-asset"
)

// Partner Central catalogs, engagements and the opportunities associated with them.
const (
	// SeedPartnerCentralEngagement is an engagement in catalog "AWS" with
	// opportunities SeedPartnerCentralOpportunity and SeedPartnerCentralOpportunity2.
	SeedPartnerCentralEngagement = "eng-0123456789abcd"
	// SeedPartnerCentralOpportunity is an opportunity of SeedPartnerCentralEngagement.
	SeedPartnerCentralOpportunity = "O1234567"
	// SeedPartnerCentralOpportunity2 is another opportunity of SeedPartnerCentralEngagement.
	SeedPartnerCentralOpportunity2 = "O7654321"
	// SeedPartnerCentralSandboxEngagement is an engagement in catalog "Sandbox"
	// with opportunity SeedPartnerCentralSandboxOpportunity.
	SeedPartnerCentralSandboxEngagement = "eng-sandbox0000001"
	// SeedPartnerCentralSandboxOpportunity is the opportunity of SeedPartnerCentralSandboxEngagement.
	SeedPartnerCentralSandboxOpportunity = "O1000001"
)

func seedMemoryDBSnapshots(s *state) {
	shard := func(name, slots string, replicas int32, size string) memoryDBShard {
		return memoryDBShard{
			Name:                 name,
			Configuration:        memoryDBShardConfiguration{Slots: slots, ReplicaCount: replicas},
			Size:                 size,
			SnapshotCreationTime: epochSeconds(seedTime),
		}
	}
	cluster := func(name, nodeType, engine, version string, shards ...memoryDBShard) memoryDBClusterConfiguration {
		return memoryDBClusterConfiguration{
			Name: name, Description: "Seeded cluster " + name, NodeType: nodeType,
			Engine: engine, EngineVersion: version, MaintenanceWindow: "wed:08:00-wed:09:00",
			TopicArn: s.arn("sns", "memorydb-events"), Port: 6379,
			ParameterGroupName: "default.memorydb-" + engine + version[:1], SubnetGroupName: "seed-subnets",
			VpcID: "vpc-0a1b2c3d4e5f67890", SnapshotRetentionLimit: 7, SnapshotWindow: "05:00-06:00",
			NumShards: int32(len(shards)), Shards: shards,
		}
	}
	add := func(name, status, tiering string, config memoryDBClusterConfiguration) {
		s.memoryDBSnapshots[name] = &memoryDBSnapshot{
			Name: name, Status: status, Source: "manual", KmsKeyID: "aws/memorydb",
			ARN: s.arn("memorydb", "snapshot/"+name), ClusterConfiguration: config, DataTiering: tiering,
		}
	}
	add(SeedMemoryDBSnapshot, "available", "false",
		cluster("seed-cluster-1", "db.r6g.large", "redis", "7.1", shard("0001", "0-16383", 1, "11 MB")))
	add(SeedMemoryDBTieredSnapshot, "available", "true",
		cluster("seed-cluster-2", "db.r6gd.xlarge", "valkey", "7.2",
			shard("0001", "0-8191", 2, "2 GB"), shard("0002", "8192-16383", 2, "2 GB")))
	add(SeedMemoryDBCreatingSnapshot, "creating", "false",
		cluster("seed-cluster-1", "db.r6g.large", "redis", "7.1", shard("0001", "0-16383", 1, "11 MB")))
}

func seedNeptune(s *state) {
	kmsKey := s.arn("kms", "key/"+SeedNeptuneKMSKeyID)
	for _, id := range []string{SeedNeptuneGraph, SeedNeptuneGraph2} {
		s.neptuneGraphs[id] = &neptuneGraph{id: id, kmsKeyIdentifier: kmsKey}
	}
	s.addGraphSnapshot(&graphSnapshot{
		id: "gs-seedsnap01", name: SeedNeptuneSnapshotName, graphID: SeedNeptuneGraph,
		createdAt: seedTime, kmsKeyIdentifier: kmsKey,
	})
}

// seedLightsailRecords builds count deterministic export snapshot records
// named "export-snapshot-record-0000" onwards, one minute apart from
// seedTime. Even records export instance snapshots (with two disks), odd
// ones disk snapshots; records whose index ends in 7 are Failed, in 8
// Started, the others Succeeded.
func seedLightsailRecords(s *state, count int) {
	s.lightsailRecords = make([]exportSnapshotRecord, 0, max(count, 0))
	for i := range max(count, 0) {
		s.lightsailRecords = append(s.lightsailRecords, s.lightsailRecord(i))
	}
}

func (s *state) lightsailRecord(i int) exportSnapshotRecord {
	name := fmt.Sprintf("export-snapshot-record-%04d", i)
	state := "Succeeded"
	switch i % 10 {
	case 7:
		state = "Failed"
	case 8:
		state = "Started"
	}
	return exportSnapshotRecord{
		Name:            name,
		Arn:             s.arn("lightsail", "ExportSnapshotRecord/"+deterministicUUID(i)),
		CreatedAt:       epochSeconds(seedTime.Add(time.Duration(i) * time.Minute)),
		Location:        resourceLocation{AvailabilityZone: "all", RegionName: s.cfg.Region},
		ResourceType:    "ExportSnapshotRecord",
		State:           state,
		SourceInfo:      s.lightsailSource(i),
		DestinationInfo: lightsailDestination(i),
	}
}

func (s *state) lightsailSource(i int) exportSnapshotSource {
	created := epochSeconds(seedTime.Add(time.Duration(i)*time.Minute - time.Hour))
	if i%2 == 1 {
		return exportSnapshotSource{
			ResourceType: "DiskSnapshot", CreatedAt: created,
			Name:             fmt.Sprintf("disk-snapshot-%04d", i),
			Arn:              s.arn("lightsail", "DiskSnapshot/"+deterministicUUID(i+100000)),
			FromResourceName: fmt.Sprintf("disk-%04d", i),
			FromResourceArn:  s.arn("lightsail", "Disk/"+deterministicUUID(i+200000)),
			DiskSnapshotInfo: &diskSnapshotInfo{SizeInGb: int32(32 + 8*(i%4))},
		}
	}
	return exportSnapshotSource{
		ResourceType: "InstanceSnapshot", CreatedAt: created,
		Name:             fmt.Sprintf("instance-snapshot-%04d", i),
		Arn:              s.arn("lightsail", "InstanceSnapshot/"+deterministicUUID(i+100000)),
		FromResourceName: fmt.Sprintf("instance-%04d", i),
		FromResourceArn:  s.arn("lightsail", "Instance/"+deterministicUUID(i+200000)),
		InstanceSnapshotInfo: &instanceSnapshotInfo{
			FromBundleID: "nano_3_0", FromBlueprintID: "ubuntu_22_04",
			FromDiskInfo: []diskInfo{
				{Name: fmt.Sprintf("instance-%04d-root", i), Path: "/dev/xvda", SizeInGb: 20, IsSystemDisk: true},
				{Name: fmt.Sprintf("instance-%04d-data", i), Path: "/dev/xvdf", SizeInGb: 32, IsSystemDisk: false},
			},
		},
	}
}

func lightsailDestination(i int) destinationInfo {
	if i%2 == 1 {
		return destinationInfo{ID: fmt.Sprintf("snap-%017x", i), Service: "Aws::EC2::Snapshot"}
	}
	return destinationInfo{ID: fmt.Sprintf("ami-%017x", i), Service: "Aws::EC2::Image"}
}

func deterministicUUID(i int) string {
	return fmt.Sprintf("%08x-0000-4000-8000-%012x", i, i)
}

func seedDataZone(s *state) {
	s.addDataZoneAsset(SeedDataZoneDomain, &dataZoneAsset{
		id: SeedDataZoneAsset, name: "orders", owningProjectID: "b2ji7k9xy",
		typeIdentifier: "amazon.datazone.S3ObjectCollectionAssetType", typeRevision: "3",
		externalIdentifier: "arn:aws:s3:::orders-bucket/orders/",
		description:        "Orders placed in the web shop.",
		glossaryTerms:      []string{"term-orders"}, governedGlossaryTerms: []string{"gov-pii"},
		listing: &assetListing{ListingID: "lst4x9p2qkz", ListingStatus: "ACTIVE"},
		forms: []formOutput{{
			FormName: "AssetCommonDetailsForm", TypeName: "amazon.datazone.AssetCommonDetailsFormType",
			TypeRevision: "5", Content: `{"description":"Orders placed in the web shop."}`,
		}},
	})
	s.addDataZoneAsset(SeedDataZoneDomain, &dataZoneAsset{
		id: SeedDataZoneAsset2, name: "customers", owningProjectID: "b2ji7k9xy",
		typeIdentifier: "amazon.datazone.GlueTableAssetType", typeRevision: "1",
		externalIdentifier: "arn:aws:glue:" + s.cfg.Region + ":" + s.cfg.AccountID + ":table/crm/customers",
		description:        "Customer master data.",
		glossaryTerms:      []string{"term-customers"}, governedGlossaryTerms: []string{"gov-pii"},
		listing: &assetListing{ListingID: "lstcustomers01", ListingStatus: "ACTIVE"},
		forms: []formOutput{{
			FormName: "GlueTableForm", TypeName: "amazon.datazone.GlueTableFormType",
			TypeRevision: "7", Content: `{"tableName":"customers"}`,
		}},
	})
	s.addDataZoneAsset(SeedDataZoneDomain2, &dataZoneAsset{
		id: SeedDataZoneAsset3, name: "events", owningProjectID: "p-events",
		typeIdentifier: "amazon.datazone.RedshiftTableAssetType", typeRevision: "2",
		externalIdentifier: "arn:aws:redshift:" + s.cfg.Region + ":" + s.cfg.AccountID + ":table/analytics/events",
		description:        "Click-stream events.",
		glossaryTerms:      []string{"term-events"}, governedGlossaryTerms: []string{},
		listing: &assetListing{ListingID: "lstevents01", ListingStatus: "INACTIVE"},
		forms: []formOutput{{
			FormName: "RedshiftTableForm", TypeName: "amazon.datazone.RedshiftTableFormType",
			TypeRevision: "3", Content: `{"tableName":"events"}`,
		}},
	})
}

func seedPartnerCentral(s *state) {
	s.partnerEngagements[engagementKey{"AWS", SeedPartnerCentralEngagement}] =
		[]string{SeedPartnerCentralOpportunity, SeedPartnerCentralOpportunity2}
	s.partnerEngagements[engagementKey{"Sandbox", SeedPartnerCentralSandboxEngagement}] =
		[]string{SeedPartnerCentralSandboxOpportunity}
}
