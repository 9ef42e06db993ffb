package lightsail

import (
	"slices"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/lightsail/types"
)

func decodeGetExportSnapshotRecordsOutput(r *jsonwire.Reader, out *GetExportSnapshotRecordsOutput) {
	d := pageDecoder{r: r}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "exportSnapshotRecords":
			out.ExportSnapshotRecords = d.records()
		case "nextPageToken":
			out.NextPageToken = r.StringPtr()
		default:
			r.Skip()
		}
	}
}

// pageDecoder reads one page of records. The nested structures of all the
// records share a few slabs and the disk lists one backing array, so a page
// of a hundred records costs tens of allocations, not hundreds.
type pageDecoder struct {
	r            *jsonwire.Reader
	locations    jsonwire.Slab[types.ResourceLocation]
	sources      jsonwire.Slab[types.ExportSnapshotRecordSourceInfo]
	instances    jsonwire.Slab[types.InstanceSnapshotInfo]
	diskSnaps    jsonwire.Slab[types.DiskSnapshotInfo]
	destinations jsonwire.Slab[types.DestinationInfo]
	disks        []types.DiskInfo
}

// longList is the length past which records sizes its slice by counting.
const longList = 1024

// typicalRecordBytes is about the JSON length of a record with every
// member set and two disks; records sizes its first slice from it.
const typicalRecordBytes = 800

// records reads the records of a page. A null element becomes a zero
// record, as it does in the official client.
func (d *pageDecoder) records() []types.ExportSnapshotRecord {
	r := d.r
	if r.Null() {
		return nil
	}
	// Size the records and the disks from the bytes left, at a record's
	// typical length, so a page of about the usual records grows neither.
	estimate := min(r.Unread()/typicalRecordBytes+1, longList)
	list := make([]types.ExportSnapshotRecord, 0, estimate)
	if d.disks == nil {
		d.disks = make([]types.DiskInfo, 0, 2*estimate)
	}
	counted := false
	for it := r.Array(); r.More(&it); {
		if !counted && len(list) >= longList && len(list) == cap(list) {
			counted = true
			// A long page: count the rest once rather than copy the
			// records at every doubling.
			if n := r.CountElements(it); n > 0 {
				list = slices.Grow(list, n)
			}
		}
		list = append(list, types.ExportSnapshotRecord{})
		d.record(&list[len(list)-1])
	}
	return list
}

func (d *pageDecoder) record(v *types.ExportSnapshotRecord) {
	r := d.r
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "name":
			v.Name = r.StringPtr()
		case "arn":
			v.Arn = r.StringPtr()
		case "createdAt":
			v.CreatedAt = r.EpochSecondsPtr()
		case "location":
			v.Location = d.location()
		case "resourceType":
			v.ResourceType = types.ResourceType(r.String())
		case "state":
			v.State = types.RecordState(r.String())
		case "sourceInfo":
			v.SourceInfo = d.sourceInfo()
		case "destinationInfo":
			v.DestinationInfo = d.destinationInfo()
		default:
			r.Skip()
		}
	}
}

func (d *pageDecoder) location() *types.ResourceLocation {
	r := d.r
	if r.Null() {
		return nil
	}
	v := d.locations.New()
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "availabilityZone":
			v.AvailabilityZone = r.StringPtr()
		case "regionName":
			v.RegionName = types.RegionName(r.String())
		default:
			r.Skip()
		}
	}
	return v
}

func (d *pageDecoder) sourceInfo() *types.ExportSnapshotRecordSourceInfo {
	r := d.r
	if r.Null() {
		return nil
	}
	v := d.sources.New()
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "resourceType":
			v.ResourceType = types.ExportSnapshotRecordSourceType(r.String())
		case "createdAt":
			v.CreatedAt = r.EpochSecondsPtr()
		case "name":
			v.Name = r.StringPtr()
		case "arn":
			v.Arn = r.StringPtr()
		case "fromResourceName":
			v.FromResourceName = r.StringPtr()
		case "fromResourceArn":
			v.FromResourceArn = r.StringPtr()
		case "instanceSnapshotInfo":
			v.InstanceSnapshotInfo = d.instanceSnapshotInfo()
		case "diskSnapshotInfo":
			v.DiskSnapshotInfo = d.diskSnapshotInfo()
		default:
			r.Skip()
		}
	}
	return v
}

func (d *pageDecoder) instanceSnapshotInfo() *types.InstanceSnapshotInfo {
	r := d.r
	if r.Null() {
		return nil
	}
	v := d.instances.New()
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "fromBundleId":
			v.FromBundleId = r.StringPtr()
		case "fromBlueprintId":
			v.FromBlueprintId = r.StringPtr()
		case "fromDiskInfo":
			v.FromDiskInfo = d.diskInfoList()
		default:
			r.Skip()
		}
	}
	return v
}

// diskInfoList reads the disks of an instance snapshot into the page's
// shared backing array; the returned slice is capped at its length, so an
// append by the caller copies instead of overwriting a neighbour. A null
// element becomes a zero DiskInfo, as it does in the official client.
func (d *pageDecoder) diskInfoList() []types.DiskInfo {
	r := d.r
	if r.Null() {
		return nil
	}
	start := len(d.disks)
	for it := r.Array(); r.More(&it); {
		d.disks = append(d.disks, types.DiskInfo{})
		v := &d.disks[len(d.disks)-1]
		for item := r.Object(); r.More(&item); {
			switch r.Key() {
			case "name":
				v.Name = r.StringPtr()
			case "path":
				v.Path = r.StringPtr()
			case "sizeInGb":
				v.SizeInGb = r.Int32Ptr()
			case "isSystemDisk":
				v.IsSystemDisk = r.BoolPtr()
			default:
				r.Skip()
			}
		}
	}
	if len(d.disks) == start {
		return []types.DiskInfo{}
	}
	return d.disks[start:len(d.disks):len(d.disks)]
}

func (d *pageDecoder) diskSnapshotInfo() *types.DiskSnapshotInfo {
	r := d.r
	if r.Null() {
		return nil
	}
	v := d.diskSnaps.New()
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "sizeInGb":
			v.SizeInGb = r.Int32Ptr()
		default:
			r.Skip()
		}
	}
	return v
}

func (d *pageDecoder) destinationInfo() *types.DestinationInfo {
	r := d.r
	if r.Null() {
		return nil
	}
	v := d.destinations.New()
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "id":
			v.Id = r.StringPtr()
		case "service":
			v.Service = r.StringPtr()
		default:
			r.Skip()
		}
	}
	return v
}
