package emulator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

var dataZoneService = &service{
	signingName: "datazone",
	namespace:   "com.amazonaws.datazone",
	protocol:    restJSON1,
	messageKey:  "message",
	throttle:    errorSpec{code: "ThrottlingException", status: http.StatusTooManyRequests},
	internal:    errorSpec{code: "InternalServerException", status: http.StatusInternalServerError},
}

var createAssetRevisionOperation = &operation{
	name:    OpCreateAssetRevision,
	service: dataZoneService,
	success: http.StatusOK,
	handle:  (*state).createAssetRevision,
}

var (
	domainIDPattern     = rePattern(`^dzd[-_][a-zA-Z0-9_-]{1,36}$`)
	assetIDPattern      = rePattern(`^[a-zA-Z0-9_-]{1,36}$`)
	glossaryTermPattern = rePattern(`^[a-zA-Z0-9_-]{1,36}$`)
	revisionPattern     = rePattern(`^[a-zA-Z0-9_-]+$`)
	clientTokenPattern  = rePattern(`^[\x21-\x7E]+$`)
	// formNamePattern is the model's look-ahead pattern, matched by its RE2 rewrite.
	formNamePattern = pattern{
		text:  `^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`,
		match: rePattern(`^[A-Za-z]\w*$|^_\w*[A-Za-z0-9]\w*$`).match,
	}
	// formTypeIdentifierPattern is the model's look-ahead pattern, matched by its RE2 rewrite.
	formTypeIdentifierPattern = pattern{
		text:  `^(?!\.)[\w\.]*\w$`,
		match: rePattern(`^(?:\w[\w.]*)?\w$`).match,
	}
	// formTypeNamePattern is the pattern of an output form's typeName,
	// matched by its RE2 rewrite; the model's '.' is ECMAScript's, any
	// character but a line terminator.
	formTypeNamePattern = pattern{
		text:  `^(amazon.datazone.)?(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`,
		match: rePattern(`^(?:amazon[^\n\r\x{2028}\x{2029}]datazone[^\n\r\x{2028}\x{2029}])?[A-Za-z]\w*$|^_\w*[A-Za-z0-9]\w*$`).match,
	}
)

// maxFormTypeNameLength is the longest typeName the model allows an output form.
const maxFormTypeNameLength = 128

type createAssetRevisionInput struct {
	Name                    *string                  `json:"name"`
	TypeRevision            *string                  `json:"typeRevision"`
	Description             *string                  `json:"description"`
	GlossaryTerms           []string                 `json:"glossaryTerms"`
	FormsInput              []formInput              `json:"formsInput"`
	PredictionConfiguration *predictionConfiguration `json:"predictionConfiguration"`
	ClientToken             *string                  `json:"clientToken"`
}

type formInput struct {
	FormName       *string `json:"formName"`
	TypeIdentifier *string `json:"typeIdentifier"`
	TypeRevision   *string `json:"typeRevision"`
	Content        *string `json:"content"`
}

type predictionConfiguration struct {
	BusinessNameGeneration *businessNameGeneration `json:"businessNameGeneration,omitempty"`
}

type businessNameGeneration struct {
	Enabled *bool `json:"enabled,omitempty"`
}

type formOutput struct {
	FormName     string `json:"formName"`
	TypeName     string `json:"typeName,omitempty"`
	TypeRevision string `json:"typeRevision,omitempty"`
	Content      string `json:"content,omitempty"`
}

type assetListing struct {
	ListingID     string `json:"listingId"`
	ListingStatus string `json:"listingStatus"`
}

type timeSeriesFormSummary struct {
	FormName       string       `json:"formName"`
	TypeIdentifier string       `json:"typeIdentifier"`
	TypeRevision   string       `json:"typeRevision"`
	Timestamp      epochSeconds `json:"timestamp"`
	ContentSummary string       `json:"contentSummary"`
	ID             string       `json:"id"`
}

type createAssetRevisionOutput struct {
	ID                                   string                   `json:"id"`
	Name                                 string                   `json:"name"`
	TypeIdentifier                       string                   `json:"typeIdentifier"`
	TypeRevision                         string                   `json:"typeRevision"`
	ExternalIdentifier                   string                   `json:"externalIdentifier,omitempty"`
	Revision                             string                   `json:"revision"`
	Description                          string                   `json:"description,omitempty"`
	CreatedAt                            epochSeconds             `json:"createdAt"`
	CreatedBy                            string                   `json:"createdBy"`
	FirstRevisionCreatedAt               epochSeconds             `json:"firstRevisionCreatedAt"`
	FirstRevisionCreatedBy               string                   `json:"firstRevisionCreatedBy"`
	GlossaryTerms                        []string                 `json:"glossaryTerms,omitempty"`
	GovernedGlossaryTerms                []string                 `json:"governedGlossaryTerms,omitempty"`
	OwningProjectID                      string                   `json:"owningProjectId"`
	DomainID                             string                   `json:"domainId"`
	Listing                              *assetListing            `json:"listing,omitempty"`
	FormsOutput                          []formOutput             `json:"formsOutput"`
	ReadOnlyFormsOutput                  []formOutput             `json:"readOnlyFormsOutput"`
	LatestTimeSeriesDataPointFormsOutput []timeSeriesFormSummary  `json:"latestTimeSeriesDataPointFormsOutput"`
	PredictionConfiguration              *predictionConfiguration `json:"predictionConfiguration,omitempty"`
}

// dataZoneAsset is a stored DataZone asset and its latest revision.
type dataZoneAsset struct {
	id                      string
	name                    string
	owningProjectID         string
	typeIdentifier          string
	typeRevision            string
	externalIdentifier      string
	description             string
	glossaryTerms           []string
	governedGlossaryTerms   []string
	listing                 *assetListing
	forms                   []formOutput
	predictionConfiguration *predictionConfiguration
	revisions               int
	firstRevisionCreatedAt  time.Time
	firstRevisionCreatedBy  string
}

func (s *state) createAssetRevision(c *call, now time.Time) (any, *apiError) {
	var in createAssetRevisionInput
	if err := decodeInput(c.body, &in); err != nil {
		return nil, err
	}
	domainID, assetID := c.labels[0], c.labels[1]
	if err := validateCreateAssetRevision(domainID, assetID, &in); err != nil {
		return nil, err
	}
	fingerprint := string(mustJSON(struct {
		Domain, Asset string
		Input         *createAssetRevisionInput
	}{domainID, assetID, &in}))
	if in.ClientToken != nil {
		if output, err, replayed := replay(s.dataZoneTokens, *in.ClientToken, fingerprint); replayed {
			return output, err
		}
	}
	asset, err := s.findDataZoneAsset(domainID, assetID)
	if err != nil {
		return nil, err
	}
	asset.revise(&in)
	output := asset.output(domainID, now)
	if in.ClientToken != nil {
		s.dataZoneTokens[*in.ClientToken] = idempotentResult{fingerprint: fingerprint, output: output}
	}
	return output, nil
}

func validateCreateAssetRevision(domainID, assetID string, in *createAssetRevisionInput) *apiError {
	var check checker
	check.pattern("domainIdentifier", domainID, domainIDPattern)
	check.pattern("identifier", assetID, assetIDPattern)
	if check.required("name", in.Name != nil) {
		check.length("name", *in.Name, 1, 256)
	}
	if in.TypeRevision != nil {
		check.length("typeRevision", *in.TypeRevision, 1, 64)
	}
	if in.Description != nil {
		check.length("description", *in.Description, 0, 2048)
	}
	if in.GlossaryTerms != nil {
		check.count("glossaryTerms", len(in.GlossaryTerms), 1, 20)
		for i, term := range in.GlossaryTerms {
			check.pattern(fmt.Sprintf("glossaryTerms[%d]", i), term, glossaryTermPattern)
		}
	}
	check.count("formsInput", len(in.FormsInput), 0, 10)
	for i, form := range in.FormsInput {
		validateFormInput(&check, fmt.Sprintf("formsInput[%d]", i), form)
	}
	if in.ClientToken != nil {
		check.length("clientToken", *in.ClientToken, 1, 128)
		check.pattern("clientToken", *in.ClientToken, clientTokenPattern)
	}
	if check.failed() {
		return newError(http.StatusBadRequest, "ValidationException", check.message())
	}
	return nil
}

func validateFormInput(check *checker, path string, form formInput) {
	if check.required(path+".formName", form.FormName != nil) {
		check.length(path+".formName", *form.FormName, 1, 128)
		check.pattern(path+".formName", *form.FormName, formNamePattern)
	}
	if form.TypeIdentifier != nil {
		check.length(path+".typeIdentifier", *form.TypeIdentifier, 1, 385)
		check.pattern(path+".typeIdentifier", *form.TypeIdentifier, formTypeIdentifierPattern)
	}
	if form.TypeRevision != nil {
		check.length(path+".typeRevision", *form.TypeRevision, 1, 64)
		check.pattern(path+".typeRevision", *form.TypeRevision, revisionPattern)
	}
	if form.Content != nil {
		check.length(path+".content", *form.Content, 0, 300000)
	}
}

func (s *state) findDataZoneAsset(domainID, assetID string) (*dataZoneAsset, *apiError) {
	assets, found := s.dataZoneDomains[domainID]
	if !found {
		return nil, newError(http.StatusNotFound, "ResourceNotFoundException", fmt.Sprintf("Domain %s not found.", domainID))
	}
	asset, found := assets[assetID]
	if !found {
		return nil, newError(http.StatusNotFound, "ResourceNotFoundException",
			fmt.Sprintf("Asset %s not found in domain %s.", assetID, domainID))
	}
	return asset, nil
}

// revise applies a new revision: the members the input sets replace the asset's.
func (a *dataZoneAsset) revise(in *createAssetRevisionInput) {
	a.revisions++
	a.name = *in.Name
	if in.TypeRevision != nil {
		a.typeRevision = *in.TypeRevision
	}
	if in.Description != nil {
		a.description = *in.Description
	}
	if in.GlossaryTerms != nil {
		a.glossaryTerms = slices.Clone(in.GlossaryTerms)
	}
	if in.FormsInput != nil {
		a.forms = formsOutput(in.FormsInput)
	}
	if in.PredictionConfiguration != nil {
		a.predictionConfiguration = in.PredictionConfiguration
	}
}

// formsOutput turns input forms into output forms, each named by the
// type name of its type identifier.
func formsOutput(forms []formInput) []formOutput {
	out := make([]formOutput, len(forms))
	for i, form := range forms {
		out[i] = formOutput{
			FormName:     *form.FormName,
			TypeName:     formTypeName(valueOr(form.TypeIdentifier, "")),
			TypeRevision: valueOr(form.TypeRevision, "1"),
			Content:      valueOr(form.Content, ""),
		}
	}
	return out
}

// formTypeName returns the typeName answered for a form of the type
// identifier (a valid FormTypeIdentifier: ASCII word characters and dots),
// within the output's length and pattern. An identifier that is itself a
// type name, as amazon.datazone.AssetCommonDetailsFormType is, is kept;
// another is named by its name part, the text after its last dot, cut to
// the length limit and, when it does not begin as a type name must (such as
// 2024Form or __), prefixed with "Form". An empty identifier stays empty.
func formTypeName(identifier string) string {
	if identifier == "" || (len(identifier) <= maxFormTypeNameLength && formTypeNamePattern.match(identifier)) {
		return identifier
	}
	name := identifier[strings.LastIndexByte(identifier, '.')+1:]
	name = name[:min(len(name), maxFormTypeNameLength)]
	if !formTypeNamePattern.match(name) {
		name = "Form" + name
		name = name[:min(len(name), maxFormTypeNameLength)]
	}
	return name
}

func valueOr(value *string, fallback string) string {
	if value == nil {
		return fallback
	}
	return *value
}

func (a *dataZoneAsset) output(domainID string, now time.Time) createAssetRevisionOutput {
	return createAssetRevisionOutput{
		ID: a.id, Name: a.name, TypeIdentifier: a.typeIdentifier, TypeRevision: a.typeRevision,
		ExternalIdentifier: a.externalIdentifier, Revision: strconv.Itoa(a.revisions), Description: a.description,
		CreatedAt: epochSeconds(now), CreatedBy: CallerUserID,
		FirstRevisionCreatedAt: epochSeconds(a.firstRevisionCreatedAt), FirstRevisionCreatedBy: a.firstRevisionCreatedBy,
		GlossaryTerms: slices.Clone(a.glossaryTerms), GovernedGlossaryTerms: slices.Clone(a.governedGlossaryTerms),
		OwningProjectID: a.owningProjectID, DomainID: domainID, Listing: a.listing,
		FormsOutput:         slices.Clone(a.forms),
		ReadOnlyFormsOutput: a.readOnlyForms(),
		LatestTimeSeriesDataPointFormsOutput: []timeSeriesFormSummary{{
			FormName: "DataQualityResultForm", TypeIdentifier: "amazon.datazone.DataQualityResultFormType",
			TypeRevision: "1", Timestamp: epochSeconds(seedTime), ContentSummary: `{"passingPercentage":100}`,
			ID: a.id + "-dq",
		}},
		PredictionConfiguration: a.predictionConfiguration,
	}
}

// readOnlyForms are the forms DataZone maintains itself for every asset.
func (a *dataZoneAsset) readOnlyForms() []formOutput {
	return []formOutput{{
		FormName: "DataSourceReferenceForm", TypeName: "amazon.datazone.DataSourceReferenceFormType",
		TypeRevision: "1", Content: `{"dataSourceIdentifier":"ds-` + a.owningProjectID + `"}`,
	}}
}

func (s *state) addDataZoneAsset(domainID string, asset *dataZoneAsset) {
	if s.dataZoneDomains[domainID] == nil {
		s.dataZoneDomains[domainID] = make(map[string]*dataZoneAsset)
	}
	asset.revisions = 1
	asset.firstRevisionCreatedAt = seedTime
	asset.firstRevisionCreatedBy = SeedUserID
	s.dataZoneDomains[domainID][asset.id] = asset
}

// DataZoneRevisionCount returns the number of revisions of a DataZone asset
// (1 for a seeded asset nobody revised), or 0 if there is no such asset.
func (e *Emulator) DataZoneRevisionCount(domainID, assetID string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	asset, err := e.state.findDataZoneAsset(domainID, assetID)
	if err != nil {
		return 0
	}
	return asset.revisions
}
