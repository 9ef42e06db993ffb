package emulator

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"
)

var lightsailService = &service{
	signingName:  "lightsail",
	namespace:    "com.amazonaws.lightsail",
	protocol:     awsJSON11,
	targetPrefix: "Lightsail_20161128",
	messageKey:   "message",
	throttle:     errorSpec{code: "ThrottlingException", status: http.StatusBadRequest},
	internal: errorSpec{code: "ServiceException", status: http.StatusInternalServerError, members: map[string]any{
		"code": "InternalFailure",
		"docs": lightsailDocs,
		"tip":  "The request failed on the service's side; retry it after a short wait.",
	}},
}

// lightsailDocs is the API reference page of GetExportSnapshotRecords, the
// docs member of the errors the emulated operation answers.
const lightsailDocs = "https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_GetExportSnapshotRecords.html"

var getExportSnapshotRecordsOperation = &operation{
	name:    OpGetExportSnapshotRecords,
	service: lightsailService,
	success: http.StatusOK,
	handle:  (*state).getExportSnapshotRecords,
}

// pageTokenPrefix marks the emulator's opaque page tokens.
const pageTokenPrefix = "esr-page:"

type getExportSnapshotRecordsInput struct {
	PageToken *string `json:"pageToken"`
}

type getExportSnapshotRecordsOutput struct {
	ExportSnapshotRecords []exportSnapshotRecord `json:"exportSnapshotRecords"`
	NextPageToken         string                 `json:"nextPageToken,omitempty"`
}

type exportSnapshotRecord struct {
	Name            string               `json:"name"`
	Arn             string               `json:"arn"`
	CreatedAt       epochSeconds         `json:"createdAt"`
	Location        resourceLocation     `json:"location"`
	ResourceType    string               `json:"resourceType"`
	State           string               `json:"state"`
	SourceInfo      exportSnapshotSource `json:"sourceInfo"`
	DestinationInfo destinationInfo      `json:"destinationInfo"`
}

type resourceLocation struct {
	AvailabilityZone string `json:"availabilityZone"`
	RegionName       string `json:"regionName"`
}

type exportSnapshotSource struct {
	ResourceType         string                `json:"resourceType"`
	CreatedAt            epochSeconds          `json:"createdAt"`
	Name                 string                `json:"name"`
	Arn                  string                `json:"arn"`
	FromResourceName     string                `json:"fromResourceName"`
	FromResourceArn      string                `json:"fromResourceArn"`
	InstanceSnapshotInfo *instanceSnapshotInfo `json:"instanceSnapshotInfo,omitempty"`
	DiskSnapshotInfo     *diskSnapshotInfo     `json:"diskSnapshotInfo,omitempty"`
}

type instanceSnapshotInfo struct {
	FromBundleID    string     `json:"fromBundleId"`
	FromBlueprintID string     `json:"fromBlueprintId"`
	FromDiskInfo    []diskInfo `json:"fromDiskInfo"`
}

type diskInfo struct {
	Name         string `json:"name"`
	Path         string `json:"path"`
	SizeInGb     int32  `json:"sizeInGb"`
	IsSystemDisk bool   `json:"isSystemDisk"`
}

type diskSnapshotInfo struct {
	SizeInGb int32 `json:"sizeInGb"`
}

type destinationInfo struct {
	ID      string `json:"id"`
	Service string `json:"service"`
}

func (s *state) getExportSnapshotRecords(c *call, _ time.Time) (any, *apiError) {
	var in getExportSnapshotRecordsInput
	if err := decodeInput(c.body, &in); err != nil {
		return nil, err
	}
	start := 0
	if in.PageToken != nil && *in.PageToken != "" {
		offset, ok := s.parsePageToken(*in.PageToken)
		if !ok {
			return nil, lightsailInvalidInput("The page token is not valid.")
		}
		start = offset
	}
	end := min(start+s.cfg.LightsailPageSize, len(s.lightsailRecords))
	out := getExportSnapshotRecordsOutput{ExportSnapshotRecords: s.lightsailRecords[start:end]}
	if end < len(s.lightsailRecords) {
		out.NextPageToken = pageToken(end)
	}
	return out, nil
}

func pageToken(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(pageTokenPrefix + strconv.Itoa(offset)))
}

// parsePageToken returns the offset a token stands for, if it is one the
// emulator could have issued.
func (s *state) parsePageToken(token string) (int, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return 0, false
	}
	digits, found := strings.CutPrefix(string(raw), pageTokenPrefix)
	if !found {
		return 0, false
	}
	offset, err := strconv.Atoi(digits)
	if err != nil || offset <= 0 || offset >= len(s.lightsailRecords) || pageToken(offset) != token {
		return 0, false
	}
	return offset, true
}

// lightsailInvalidInput is Lightsail's validation error, with its code, docs and tip members.
func lightsailInvalidInput(message string) *apiError {
	err := newError(http.StatusBadRequest, "InvalidInputException", message)
	err.members = map[string]any{
		"code": "InvalidInput",
		"docs": lightsailDocs,
		"tip":  "Omit pageToken to start from the first page, or pass the nextPageToken of the previous page.",
	}
	return err
}

// LightsailRecordCount returns the number of seeded Lightsail export snapshot records.
func (e *Emulator) LightsailRecordCount() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.state.lightsailRecords)
}
