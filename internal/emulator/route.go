package emulator

import (
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// operations lists every emulated operation.
var operations = []*operation{
	copySnapshotOperation,
	getExportSnapshotRecordsOperation,
	createResourceSnapshotOperation,
	createGraphSnapshotOperation,
	createAssetRevisionOperation,
}

// restRoute binds a restJson1 operation to a path pattern, matched against
// the escaped request path. The pattern's groups are the escaped labels.
type restRoute struct {
	op   *operation
	path *regexp.Regexp
}

// restRoutes match the operation path as a suffix, so a base-path prefix
// before it is allowed.
var restRoutes = []restRoute{
	{createGraphSnapshotOperation, regexp.MustCompile(`(?:^|/)snapshots/?$`)},
	{createAssetRevisionOperation, regexp.MustCompile(`(?:^|/)v2/domains/([^/]+)/assets/([^/]+)/revisions/?$`)},
}

// router recognises the requests of one protocol. When it does not
// recognise a request it returns handled false and the next router is
// tried; when it does, it returns the operation (nil if none matches), the
// unescaped path labels, or the error to answer.
type router func(r *http.Request) (op *operation, labels []string, err *apiError, handled bool)

// routers are tried in order on every request. A protocol served from its own
// file adds its router here from an init function (ahead of the JSON routers
// when it must see its requests first).
var routers = []router{routeAWSJSON, routeRESTJSON}

// route finds the operation a request is for: the first router that
// recognises the request decides.
func route(r *http.Request) (*operation, []string, *apiError) {
	for _, try := range routers {
		if op, labels, err, handled := try(r); handled {
			return op, labels, err
		}
	}
	return nil, nil, coralError(http.StatusNotFound, "UnknownOperationException", "No operation matches the request path.")
}

// routeAWSJSON routes awsJson requests by X-Amz-Target, whatever the path.
func routeAWSJSON(r *http.Request) (*operation, []string, *apiError, bool) {
	target := r.Header.Get("X-Amz-Target")
	if target == "" {
		return nil, nil, nil, false
	}
	op, labels, err := routeTarget(r, target)
	return op, labels, err, true
}

// routeRESTJSON routes restJson1 requests by method and path.
func routeRESTJSON(r *http.Request) (*operation, []string, *apiError, bool) {
	if r.Method != http.MethodPost {
		return nil, nil, coralError(http.StatusNotFound, "UnknownOperationException", "No operation matches "+r.Method+" requests."), true
	}
	path := escapedPath(r)
	for _, candidate := range restRoutes {
		match := candidate.path.FindStringSubmatch(path)
		if match == nil {
			continue
		}
		labels, err := unescapeLabels(match[1:])
		if err != nil {
			return candidate.op, nil, newError(http.StatusBadRequest, "SerializationException", "A path label is not correctly percent-encoded."), true
		}
		return candidate.op, labels, nil, true
	}
	return nil, nil, nil, false
}

func routeTarget(r *http.Request, target string) (*operation, []string, *apiError) {
	for _, op := range operations {
		svc := op.service
		if svc.protocol == restJSON1 || target != svc.targetPrefix+"."+op.name {
			continue
		}
		if r.Method != http.MethodPost {
			return op, nil, coralError(http.StatusNotFound, "UnknownOperationException", "Operations are called with POST.")
		}
		mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mediaType != svc.protocol.contentType() {
			return op, nil, newError(http.StatusBadRequest, "SerializationException",
				"Content-Type must be "+svc.protocol.contentType()+".")
		}
		return op, nil, nil
	}
	return nil, nil, coralError(http.StatusBadRequest, "UnknownOperationException", "The X-Amz-Target header names no known operation.")
}

func unescapeLabels(escaped []string) ([]string, error) {
	labels := make([]string, len(escaped))
	for i, label := range escaped {
		value, err := url.PathUnescape(label)
		if err != nil {
			return nil, err
		}
		labels[i] = value
	}
	return labels, nil
}

// escapedPath returns the request path exactly as the client sent it on the
// wire, still percent-encoded.
func escapedPath(r *http.Request) string {
	uri := r.RequestURI
	if strings.HasPrefix(uri, "/") {
		path, _, _ := strings.Cut(uri, "?")
		return path
	}
	if uri != "" {
		if parsed, err := url.ParseRequestURI(uri); err == nil {
			return parsed.EscapedPath()
		}
	}
	return r.URL.EscapedPath()
}
