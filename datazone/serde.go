package datazone

import (
	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/apierror"
	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
)

// pathCreateAssetRevision fills in the URI template
// /v2/domains/{domainIdentifier}/assets/{identifier}/revisions. Each label
// is escaped as one path segment; an empty label fails the call.
func pathCreateAssetRevision(in *CreateAssetRevisionInput, req *protocol.Request) {
	req.PathLiteral("/v2/domains/")
	req.PathLabel("domainIdentifier", in.DomainIdentifier)
	req.PathLiteral("/assets/")
	req.PathLabel("identifier", in.Identifier)
	req.PathLiteral("/revisions")
}

// encodeCreateAssetRevisionInput writes the body members in the order the
// official client writes them (sorted by name), so the bodies are
// byte-identical. Sensitive members are replaced by a placeholder when the
// body is rendered for a log.
func encodeCreateAssetRevisionInput(in *CreateAssetRevisionInput, req *protocol.Request) {
	w := &req.Body
	w.BeginObject()
	w.StringMember("clientToken", in.ClientToken)
	if in.Description != nil {
		w.Key("description")
		req.SensitiveString(*in.Description)
	}
	if in.FormsInput != nil {
		w.Key("formsInput")
		encodeFormInputList(in.FormsInput, req)
	}
	if in.GlossaryTerms != nil {
		w.Key("glossaryTerms")
		w.BeginArray()
		for _, term := range in.GlossaryTerms {
			w.String(term)
		}
		w.EndArray()
	}
	if in.Name != nil {
		w.Key("name")
		req.SensitiveString(*in.Name)
	}
	if in.PredictionConfiguration != nil {
		w.Key("predictionConfiguration")
		encodePredictionConfiguration(w, in.PredictionConfiguration)
	}
	w.StringMember("typeRevision", in.TypeRevision)
	w.EndObject()
}

// encodeFormInputList writes the forms, or only the placeholder when the
// body is rendered for a log: the list is sensitive as a whole.
func encodeFormInputList(forms []types.FormInput, req *protocol.Request) {
	w := &req.Body
	if req.Redact {
		w.String(protocol.Sensitive)
		return
	}
	w.BeginArray()
	for i := range forms {
		form := &forms[i]
		w.BeginObject()
		w.StringMember("content", form.Content)
		w.StringMember("formName", form.FormName)
		w.StringMember("typeIdentifier", form.TypeIdentifier)
		w.StringMember("typeRevision", form.TypeRevision)
		w.EndObject()
	}
	w.EndArray()
}

func encodePredictionConfiguration(w *jsonwire.Writer, config *types.PredictionConfiguration) {
	w.BeginObject()
	if generation := config.BusinessNameGeneration; generation != nil {
		w.Key("businessNameGeneration")
		w.BeginObject()
		if generation.Enabled != nil {
			w.Key("enabled")
			w.Bool(*generation.Enabled)
		}
		w.EndObject()
	}
	w.EndObject()
}

func decodeCreateAssetRevisionOutput(r *jsonwire.Reader, out *CreateAssetRevisionOutput) {
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "createdAt":
			out.CreatedAt = r.EpochSecondsPtr()
		case "createdBy":
			out.CreatedBy = r.StringPtr()
		case "description":
			out.Description = r.StringPtr()
		case "domainId":
			out.DomainId = r.StringPtr()
		case "externalIdentifier":
			out.ExternalIdentifier = r.StringPtr()
		case "firstRevisionCreatedAt":
			out.FirstRevisionCreatedAt = r.EpochSecondsPtr()
		case "firstRevisionCreatedBy":
			out.FirstRevisionCreatedBy = r.StringPtr()
		case "formsOutput":
			out.FormsOutput = decodeFormOutputList(r)
		case "glossaryTerms":
			out.GlossaryTerms = decodeStringList(r)
		case "governedGlossaryTerms":
			out.GovernedGlossaryTerms = decodeStringList(r)
		case "id":
			out.Id = r.StringPtr()
		case "latestTimeSeriesDataPointFormsOutput":
			out.LatestTimeSeriesDataPointFormsOutput = decodeTimeSeriesSummaries(r)
		case "listing":
			out.Listing = decodeAssetListingDetails(r)
		case "name":
			out.Name = r.StringPtr()
		case "owningProjectId":
			out.OwningProjectId = r.StringPtr()
		case "predictionConfiguration":
			out.PredictionConfiguration = decodePredictionConfiguration(r)
		case "readOnlyFormsOutput":
			out.ReadOnlyFormsOutput = decodeFormOutputList(r)
		case "revision":
			out.Revision = r.StringPtr()
		case "typeIdentifier":
			out.TypeIdentifier = r.StringPtr()
		case "typeRevision":
			out.TypeRevision = r.StringPtr()
		default:
			r.Skip()
		}
	}
}

// decodeStringList reads a list of strings; a null item reads as "", as
// in the official client.
func decodeStringList(r *jsonwire.Reader) []string {
	if r.Null() {
		return nil
	}
	list := []string{}
	for it := r.Array(); r.More(&it); {
		list = jsonwire.Room(r, &it, list)
		list = append(list, r.String())
	}
	return list
}

func decodeFormOutputList(r *jsonwire.Reader) []types.FormOutput {
	if r.Null() {
		return nil
	}
	list := []types.FormOutput{}
	for it := r.Array(); r.More(&it); {
		list = jsonwire.Room(r, &it, list)
		var form types.FormOutput
		for member := r.Object(); r.More(&member); {
			switch r.Key() {
			case "content":
				form.Content = r.StringPtr()
			case "formName":
				form.FormName = r.StringPtr()
			case "typeName":
				form.TypeName = r.StringPtr()
			case "typeRevision":
				form.TypeRevision = r.StringPtr()
			default:
				r.Skip()
			}
		}
		list = append(list, form)
	}
	return list
}

func decodeTimeSeriesSummaries(r *jsonwire.Reader) []types.TimeSeriesDataPointSummaryFormOutput {
	if r.Null() {
		return nil
	}
	list := []types.TimeSeriesDataPointSummaryFormOutput{}
	for it := r.Array(); r.More(&it); {
		list = jsonwire.Room(r, &it, list)
		var summary types.TimeSeriesDataPointSummaryFormOutput
		for member := r.Object(); r.More(&member); {
			switch r.Key() {
			case "contentSummary":
				summary.ContentSummary = r.StringPtr()
			case "formName":
				summary.FormName = r.StringPtr()
			case "id":
				summary.Id = r.StringPtr()
			case "timestamp":
				summary.Timestamp = r.EpochSecondsPtr()
			case "typeIdentifier":
				summary.TypeIdentifier = r.StringPtr()
			case "typeRevision":
				summary.TypeRevision = r.StringPtr()
			default:
				r.Skip()
			}
		}
		list = append(list, summary)
	}
	return list
}

func decodeAssetListingDetails(r *jsonwire.Reader) *types.AssetListingDetails {
	if r.Null() {
		return nil
	}
	v := &types.AssetListingDetails{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "listingId":
			v.ListingId = r.StringPtr()
		case "listingStatus":
			v.ListingStatus = types.ListingStatus(r.String())
		default:
			r.Skip()
		}
	}
	return v
}

func decodePredictionConfiguration(r *jsonwire.Reader) *types.PredictionConfiguration {
	if r.Null() {
		return nil
	}
	v := &types.PredictionConfiguration{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "businessNameGeneration":
			v.BusinessNameGeneration = decodeBusinessNameGeneration(r)
		default:
			r.Skip()
		}
	}
	return v
}

func decodeBusinessNameGeneration(r *jsonwire.Reader) *types.BusinessNameGenerationConfiguration {
	if r.Null() {
		return nil
	}
	v := &types.BusinessNameGenerationConfiguration{}
	for it := r.Object(); r.More(&it); {
		switch r.Key() {
		case "enabled":
			v.Enabled = r.BoolPtr()
		default:
			r.Skip()
		}
	}
	return v
}

// errorRegistry lists the typed errors of CreateAssetRevision: the
// operation's six and the service's common UnauthorizedException. Each
// carries one member, the message.
var errorRegistry = apierror.Registry{
	{Code: "AccessDeniedException", Decode: func(r *jsonwire.Reader) error {
		return &types.AccessDeniedException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ConflictException", Decode: func(r *jsonwire.Reader) error {
		return &types.ConflictException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "InternalServerException", Decode: func(r *jsonwire.Reader) error {
		return &types.InternalServerException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ResourceNotFoundException", Decode: func(r *jsonwire.Reader) error {
		return &types.ResourceNotFoundException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ThrottlingException", Decode: func(r *jsonwire.Reader) error {
		return &types.ThrottlingException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "UnauthorizedException", Decode: func(r *jsonwire.Reader) error {
		return &types.UnauthorizedException{Message: apierror.DecodeMessage(r)}
	}},
	{Code: "ValidationException", Decode: func(r *jsonwire.Reader) error {
		return &types.ValidationException{Message: apierror.DecodeMessage(r)}
	}},
}
