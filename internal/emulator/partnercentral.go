package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/awssnap/awssnap/internal/validate"
)

var partnerCentralService = &service{
	signingName:  "partnercentral-selling",
	namespace:    "com.amazonaws.partnercentralselling",
	protocol:     awsJSON10,
	targetPrefix: "AWSPartnerCentralSelling",
	messageKey:   "Message",
	throttle:     errorSpec{code: "ThrottlingException", status: http.StatusTooManyRequests},
	internal:     errorSpec{code: "InternalServerException", status: http.StatusInternalServerError},
}

var createResourceSnapshotOperation = &operation{
	name:    OpCreateResourceSnapshot,
	service: partnerCentralService,
	success: http.StatusOK,
	handle:  (*state).createResourceSnapshot,
}

var (
	catalogPattern            = rePattern(`^[a-zA-Z]+$`)
	engagementPattern         = rePattern(`^eng-[0-9a-z]{14}$`)
	resourceIdentifierPattern = rePattern(`^O[0-9]{1,19}$`)
	templatePattern           = rePattern(`^[a-zA-Z0-9]{3,80}$`)
	// partnerTokenPattern is matched by the client library's own matcher,
	// which reads the '.' of ^.{1,255}$ as ECMAScript does.
	partnerTokenPattern = libraryPattern(validate.SingleLine(1, 255))
)

// engagementKey names an engagement within a catalog.
type engagementKey struct {
	catalog    string
	engagement string
}

// snapshotKey names the sequence of snapshots whose revisions count up together.
type snapshotKey struct {
	catalog, engagement, resourceType, resource, template string
}

type createResourceSnapshotInput struct {
	Catalog                            *string `json:"Catalog"`
	EngagementIdentifier               *string `json:"EngagementIdentifier"`
	ResourceType                       *string `json:"ResourceType"`
	ResourceIdentifier                 *string `json:"ResourceIdentifier"`
	ResourceSnapshotTemplateIdentifier *string `json:"ResourceSnapshotTemplateIdentifier"`
	ClientToken                        *string `json:"ClientToken"`
}

type createResourceSnapshotOutput struct {
	Arn      string `json:"Arn"`
	Revision int32  `json:"Revision"`
}

func (s *state) createResourceSnapshot(c *call, _ time.Time) (any, *apiError) {
	var in createResourceSnapshotInput
	if err := decodeInput(c.body, &in); err != nil {
		return nil, err
	}
	if err := validateCreateResourceSnapshot(&in); err != nil {
		return nil, err
	}
	fingerprint := string(mustJSON(&in))
	if output, err, replayed := replay(s.partnerTokens, *in.ClientToken, fingerprint); replayed {
		return output, err
	}
	key := snapshotKey{*in.Catalog, *in.EngagementIdentifier, *in.ResourceType, *in.ResourceIdentifier,
		*in.ResourceSnapshotTemplateIdentifier}
	if err := s.checkEngagementResource(key); err != nil {
		return nil, err
	}
	s.partnerRevisions[key]++
	s.partnerSnapshots++
	revision := s.partnerRevisions[key]
	output := createResourceSnapshotOutput{Arn: s.resourceSnapshotArn(key, revision), Revision: revision}
	s.partnerTokens[*in.ClientToken] = idempotentResult{fingerprint: fingerprint, output: output}
	return output, nil
}

func (s *state) checkEngagementResource(key snapshotKey) *apiError {
	resources, found := s.partnerEngagements[engagementKey{key.catalog, key.engagement}]
	if !found {
		return newError(http.StatusNotFound, "ResourceNotFoundException",
			fmt.Sprintf("Engagement %s not found in catalog %s.", key.engagement, key.catalog))
	}
	if !slices.Contains(resources, key.resource) {
		return newError(http.StatusNotFound, "ResourceNotFoundException",
			fmt.Sprintf("%s %s is not associated with engagement %s.", key.resourceType, key.resource, key.engagement))
	}
	return nil
}

func (s *state) resourceSnapshotArn(key snapshotKey, revision int32) string {
	return s.arn("partnercentral", fmt.Sprintf("catalog/%s/engagement/%s/resource/%s/%s/template/%s/resource-snapshot/%s",
		key.catalog, key.engagement, key.resourceType, key.resource, key.template, strconv.Itoa(int(revision))))
}

func validateCreateResourceSnapshot(in *createResourceSnapshotInput) *apiError {
	var check checker
	checkPatterned := func(field string, value *string, p pattern) {
		if check.required(field, value != nil) {
			check.pattern(field, *value, p)
		}
	}
	checkPatterned("Catalog", in.Catalog, catalogPattern)
	checkPatterned("EngagementIdentifier", in.EngagementIdentifier, engagementPattern)
	if check.required("ResourceType", in.ResourceType != nil) {
		check.enum("ResourceType", *in.ResourceType, "Opportunity")
	}
	checkPatterned("ResourceIdentifier", in.ResourceIdentifier, resourceIdentifierPattern)
	checkPatterned("ResourceSnapshotTemplateIdentifier", in.ResourceSnapshotTemplateIdentifier, templatePattern)
	checkPatterned("ClientToken", in.ClientToken, partnerTokenPattern)
	if !check.failed() {
		return nil
	}
	errorList := make([]map[string]string, len(check.violations))
	for i, v := range check.violations {
		errorList[i] = map[string]string{"FieldName": v.field, "Message": v.message, "Code": v.code}
	}
	err := newError(http.StatusBadRequest, "ValidationException", check.message())
	err.members = map[string]any{"Reason": "REQUEST_VALIDATION_FAILED", "ErrorList": errorList}
	return err
}

// PartnerCentralSnapshotCount returns how many Partner Central resource
// snapshots the emulator has created.
func (e *Emulator) PartnerCentralSnapshotCount() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.state.partnerSnapshots
}

// PartnerCentralRevision returns the latest snapshot revision of one
// (catalog, engagement, resource type, resource, template) sequence, or 0
// if it has no snapshot.
func (e *Emulator) PartnerCentralRevision(catalog, engagement, resourceType, resource, template string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return int(e.state.partnerRevisions[snapshotKey{catalog, engagement, resourceType, resource, template}])
}
