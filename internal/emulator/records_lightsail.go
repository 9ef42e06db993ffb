package emulator

import (
	"cmp"
	"time"

	lstypes "github.com/awssnap/awssnap/lightsail/types"
)

// AppendLightsailRecords adds Lightsail export snapshot records after the
// ones the emulator holds, in the order GetExportSnapshotRecords pages
// through them. Each needs a Name. An empty Arn is the record's ARN in the
// emulator's region and account, a nil CreatedAt is now on the emulator's
// clock (also for SourceInfo), a nil Location is availability zone "all" in
// the emulator's region, an empty ResourceType is ExportSnapshotRecord and
// an empty State Succeeded. Other members left nil are answered as empty
// values. Either all records are added or, with an error naming the first
// bad one, none.
func (e *Emulator) AppendLightsailRecords(records ...lstypes.ExportSnapshotRecord) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	stored := make([]exportSnapshotRecord, len(records))
	for i, record := range records {
		if text(record.Name) == "" {
			return &SeedError{Resource: "Lightsail export snapshot record " + itemNumber(i), Field: "Name", Problem: "is empty"}
		}
		stored[i] = e.state.lightsailRecordFrom(record, e.cfg.Now())
	}
	e.state.lightsailRecords = append(e.state.lightsailRecords, stored...)
	e.version++
	return nil
}

func (s *state) lightsailRecordFrom(in lstypes.ExportSnapshotRecord, now time.Time) exportSnapshotRecord {
	out := exportSnapshotRecord{
		Name:         *in.Name,
		Arn:          textOr(in.Arn, s.arn("lightsail", "ExportSnapshotRecord/"+*in.Name)),
		CreatedAt:    wireTime(in.CreatedAt, now),
		Location:     resourceLocation{AvailabilityZone: "all", RegionName: s.cfg.Region},
		ResourceType: cmp.Or(string(in.ResourceType), string(lstypes.ResourceTypeExportSnapshotRecord)),
		State:        cmp.Or(string(in.State), string(lstypes.RecordStateSucceeded)),
	}
	if in.Location != nil {
		out.Location = resourceLocation{AvailabilityZone: text(in.Location.AvailabilityZone), RegionName: string(in.Location.RegionName)}
	}
	if in.DestinationInfo != nil {
		out.DestinationInfo = destinationInfo{ID: text(in.DestinationInfo.Id), Service: text(in.DestinationInfo.Service)}
	}
	out.SourceInfo.CreatedAt = wireTime(nil, now)
	if source := in.SourceInfo; source != nil {
		out.SourceInfo = exportSnapshotSource{
			ResourceType: string(source.ResourceType), CreatedAt: wireTime(source.CreatedAt, now),
			Name: text(source.Name), Arn: text(source.Arn),
			FromResourceName: text(source.FromResourceName), FromResourceArn: text(source.FromResourceArn),
		}
		if disk := source.DiskSnapshotInfo; disk != nil {
			out.SourceInfo.DiskSnapshotInfo = &diskSnapshotInfo{SizeInGb: number(disk.SizeInGb)}
		}
		if instance := source.InstanceSnapshotInfo; instance != nil {
			info := &instanceSnapshotInfo{FromBundleID: text(instance.FromBundleId), FromBlueprintID: text(instance.FromBlueprintId)}
			for _, disk := range instance.FromDiskInfo {
				info.FromDiskInfo = append(info.FromDiskInfo, diskInfo{
					Name: text(disk.Name), Path: text(disk.Path), SizeInGb: number(disk.SizeInGb),
					IsSystemDisk: disk.IsSystemDisk != nil && *disk.IsSystemDisk,
				})
			}
			out.SourceInfo.InstanceSnapshotInfo = info
		}
	}
	return out
}

// LightsailRecords returns the Lightsail export snapshot records in page
// order. Empty string members come back nil.
func (e *Emulator) LightsailRecords() []lstypes.ExportSnapshotRecord {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]lstypes.ExportSnapshotRecord, len(e.state.lightsailRecords))
	for i, record := range e.state.lightsailRecords {
		out[i] = record.typed()
	}
	return out
}

func (r exportSnapshotRecord) typed() lstypes.ExportSnapshotRecord {
	source := r.SourceInfo
	out := lstypes.ExportSnapshotRecord{
		Name: optionalText(r.Name), Arn: optionalText(r.Arn), CreatedAt: timePointer(r.CreatedAt),
		Location: &lstypes.ResourceLocation{
			AvailabilityZone: optionalText(r.Location.AvailabilityZone), RegionName: lstypes.RegionName(r.Location.RegionName),
		},
		ResourceType:    lstypes.ResourceType(r.ResourceType),
		State:           lstypes.RecordState(r.State),
		DestinationInfo: &lstypes.DestinationInfo{Id: optionalText(r.DestinationInfo.ID), Service: optionalText(r.DestinationInfo.Service)},
		SourceInfo: &lstypes.ExportSnapshotRecordSourceInfo{
			ResourceType: lstypes.ExportSnapshotRecordSourceType(source.ResourceType),
			CreatedAt:    timePointer(source.CreatedAt), Name: optionalText(source.Name), Arn: optionalText(source.Arn),
			FromResourceName: optionalText(source.FromResourceName), FromResourceArn: optionalText(source.FromResourceArn),
		},
	}
	if disk := source.DiskSnapshotInfo; disk != nil {
		size := disk.SizeInGb
		out.SourceInfo.DiskSnapshotInfo = &lstypes.DiskSnapshotInfo{SizeInGb: &size}
	}
	if instance := source.InstanceSnapshotInfo; instance != nil {
		info := &lstypes.InstanceSnapshotInfo{
			FromBundleId: optionalText(instance.FromBundleID), FromBlueprintId: optionalText(instance.FromBlueprintID),
		}
		for _, disk := range instance.FromDiskInfo {
			info.FromDiskInfo = append(info.FromDiskInfo, lstypes.DiskInfo{
				Name: optionalText(disk.Name), Path: optionalText(disk.Path), SizeInGb: &disk.SizeInGb,
				IsSystemDisk: &disk.IsSystemDisk,
			})
		}
		out.SourceInfo.InstanceSnapshotInfo = info
	}
	return out
}
