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

// route finds the operation a request is for: awsJson requests by
// X-Amz-Target whatever the path, restJson requests by method and path. It
// also returns the unescaped path labels.
func route(r *http.Request) (*operation, []string, *apiError) {
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		return routeTarget(r, target)
	}
	if r.Method != http.MethodPost {
		return nil, nil, coralError(http.StatusNotFound, "UnknownOperationException", "No operation matches "+r.Method+" requests.")
	}
	path := escapedPath(r)
	for _, candidate := range restRoutes {
		match := candidate.path.FindStringSubmatch(path)
		if match == nil {
			continue
		}
		labels, err := unescapeLabels(match[1:])
		if err != nil {
			return candidate.op, nil, newError(http.StatusBadRequest, "SerializationException", "A path label is not correctly percent-encoded.")
		}
		return candidate.op, labels, nil
	}
	return nil, nil, coralError(http.StatusNotFound, "UnknownOperationException", "No operation matches the request path.")
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
