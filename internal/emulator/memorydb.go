package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

var memoryDBService = &service{
	signingName:  "memorydb",
	namespace:    "com.amazonaws.memorydb",
	protocol:     awsJSON11,
	targetPrefix: "AmazonMemoryDB",
	messageKey:   "message",
	throttle:     errorSpec{code: "ThrottlingException", status: http.StatusBadRequest},
	internal:     errorSpec{code: "InternalFailure", status: http.StatusInternalServerError},
}

var copySnapshotOperation = &operation{
	name:    OpCopySnapshot,
	service: memoryDBService,
	success: http.StatusOK,
	handle:  (*state).copySnapshot,
}

// memoryDBMaxTags is the tag quota of a MemoryDB snapshot.
const memoryDBMaxTags = 200

var targetBucketPattern = rePattern(`^[A-Za-z0-9._-]+$`)

type copySnapshotInput struct {
	SourceSnapshotName *string `json:"SourceSnapshotName"`
	TargetSnapshotName *string `json:"TargetSnapshotName"`
	TargetBucket       *string `json:"TargetBucket"`
	KmsKeyID           *string `json:"KmsKeyId"`
	Tags               []tag   `json:"Tags"`
}

type tag struct {
	Key   *string `json:"Key"`
	Value *string `json:"Value"`
}

type copySnapshotOutput struct {
	Snapshot memoryDBSnapshot `json:"Snapshot"`
}

// memoryDBSnapshot is a MemoryDB Snapshot as it is stored and sent.
type memoryDBSnapshot struct {
	Name                 string                       `json:"Name"`
	Status               string                       `json:"Status"`
	Source               string                       `json:"Source"`
	KmsKeyID             string                       `json:"KmsKeyId,omitempty"`
	ARN                  string                       `json:"ARN"`
	ClusterConfiguration memoryDBClusterConfiguration `json:"ClusterConfiguration"`
	DataTiering          string                       `json:"DataTiering"`
	tags                 []tag
	// copiedAt is when CopySnapshot made the snapshot, zero for the others:
	// a copy is creating until Config.MemoryDBSnapshotReadyDelay has passed.
	copiedAt time.Time
}

type memoryDBClusterConfiguration struct {
	Name                          string          `json:"Name"`
	Description                   string          `json:"Description,omitempty"`
	NodeType                      string          `json:"NodeType"`
	Engine                        string          `json:"Engine"`
	EngineVersion                 string          `json:"EngineVersion"`
	MaintenanceWindow             string          `json:"MaintenanceWindow,omitempty"`
	TopicArn                      string          `json:"TopicArn,omitempty"`
	Port                          int32           `json:"Port"`
	ParameterGroupName            string          `json:"ParameterGroupName,omitempty"`
	SubnetGroupName               string          `json:"SubnetGroupName,omitempty"`
	VpcID                         string          `json:"VpcId,omitempty"`
	SnapshotRetentionLimit        int32           `json:"SnapshotRetentionLimit"`
	SnapshotWindow                string          `json:"SnapshotWindow,omitempty"`
	NumShards                     int32           `json:"NumShards"`
	Shards                        []memoryDBShard `json:"Shards"`
	MultiRegionParameterGroupName string          `json:"MultiRegionParameterGroupName,omitempty"`
	MultiRegionClusterName        string          `json:"MultiRegionClusterName,omitempty"`
}

type memoryDBShard struct {
	Name                 string                     `json:"Name"`
	Configuration        memoryDBShardConfiguration `json:"Configuration"`
	Size                 string                     `json:"Size"`
	SnapshotCreationTime epochSeconds               `json:"SnapshotCreationTime"`
}

type memoryDBShardConfiguration struct {
	Slots        string `json:"Slots"`
	ReplicaCount int32  `json:"ReplicaCount"`
}

func (s *state) copySnapshot(c *call, now time.Time) (any, *apiError) {
	var in copySnapshotInput
	if err := decodeInput(c.body, &in); err != nil {
		return nil, err
	}
	if err := validateCopySnapshot(&in); err != nil {
		return nil, err
	}
	source, found := s.memoryDBSnapshots[*in.SourceSnapshotName]
	if !found {
		return nil, newError(http.StatusNotFound, "SnapshotNotFoundFault", fmt.Sprintf("Snapshot %s not found.", *in.SourceSnapshotName))
	}
	if s.memoryDBStatus(source, now) != "available" {
		return nil, newError(http.StatusBadRequest, "InvalidSnapshotStateFault",
			fmt.Sprintf("Snapshot %s is not in the available state.", source.Name))
	}
	if _, taken := s.memoryDBSnapshots[*in.TargetSnapshotName]; taken {
		return nil, newError(http.StatusBadRequest, "SnapshotAlreadyExistsFault",
			fmt.Sprintf("Snapshot %s already exists.", *in.TargetSnapshotName))
	}
	if len(in.Tags) > memoryDBMaxTags {
		return nil, newError(http.StatusBadRequest, "TagQuotaPerResourceExceeded",
			fmt.Sprintf("A snapshot can have at most %d tags.", memoryDBMaxTags))
	}
	target := s.copyMemoryDBSnapshot(source, &in, now)
	s.memoryDBSnapshots[target.Name] = target
	return copySnapshotOutput{Snapshot: s.memoryDBSnapshotAt(target, now)}, nil
}

func validateCopySnapshot(in *copySnapshotInput) *apiError {
	var check checker
	check.required("SourceSnapshotName", in.SourceSnapshotName != nil)
	check.required("TargetSnapshotName", in.TargetSnapshotName != nil)
	if in.TargetBucket != nil {
		check.length("TargetBucket", *in.TargetBucket, 0, 255)
		check.pattern("TargetBucket", *in.TargetBucket, targetBucketPattern)
	}
	if in.KmsKeyID != nil {
		check.length("KmsKeyId", *in.KmsKeyID, 0, 2048)
	}
	if check.failed() {
		return newError(http.StatusBadRequest, "InvalidParameterValueException", check.message())
	}
	if strings.TrimSpace(*in.TargetSnapshotName) == "" {
		// The model requires the member but allows it empty; the service
		// does not name a snapshot with nothing.
		return newError(http.StatusBadRequest, "InvalidParameterValueException",
			"The parameter TargetSnapshotName must be provided and must not be blank.")
	}
	if *in.SourceSnapshotName == *in.TargetSnapshotName {
		return newError(http.StatusBadRequest, "InvalidParameterCombinationException",
			"SourceSnapshotName and TargetSnapshotName must differ.")
	}
	return nil
}

// copyMemoryDBSnapshot builds the new snapshot: the source's cluster
// configuration, status creating (until the ready delay has passed since
// now), the requested KMS key or the source's.
func (s *state) copyMemoryDBSnapshot(source *memoryDBSnapshot, in *copySnapshotInput, now time.Time) *memoryDBSnapshot {
	target := *source
	target.Name = *in.TargetSnapshotName
	target.Status = "creating"
	target.copiedAt = now
	target.Source = "manual"
	target.ARN = s.arn("memorydb", "snapshot/"+target.Name)
	target.ClusterConfiguration.Shards = slices.Clone(source.ClusterConfiguration.Shards)
	target.tags = slices.Clone(in.Tags)
	if in.KmsKeyID != nil && *in.KmsKeyID != "" {
		target.KmsKeyID = *in.KmsKeyID
	}
	return &target
}

// memoryDBStatus returns the status of snapshot at now: a copy still
// creating is available once Config.MemoryDBSnapshotReadyDelay has passed
// since it was made; every other snapshot keeps the status it was given.
func (s *state) memoryDBStatus(snapshot *memoryDBSnapshot, now time.Time) string {
	if snapshot.Status == "creating" && !snapshot.copiedAt.IsZero() &&
		now.Sub(snapshot.copiedAt) >= s.cfg.MemoryDBSnapshotReadyDelay {
		return "available"
	}
	return snapshot.Status
}

// memoryDBSnapshotAt returns a copy of snapshot with its status at now.
func (s *state) memoryDBSnapshotAt(snapshot *memoryDBSnapshot, now time.Time) memoryDBSnapshot {
	at := *snapshot
	at.Status = s.memoryDBStatus(snapshot, now)
	return at
}

// MemoryDBSnapshotCount returns how many MemoryDB snapshots are named name (0 or 1).
func (e *Emulator) MemoryDBSnapshotCount(name string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, found := e.state.memoryDBSnapshots[name]; found {
		return 1
	}
	return 0
}

// MemoryDBSnapshotTags returns the number of tags of the MemoryDB snapshot
// named name, and whether it exists.
func (e *Emulator) MemoryDBSnapshotTags(name string) (int, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	snapshot, found := e.state.memoryDBSnapshots[name]
	if !found {
		return 0, false
	}
	return len(snapshot.tags), true
}
