package transport

import (
	"context"
	"net/http"
	"sync"
	"time"
	"unsafe"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The direct path fills the result metadata as the official middleware
// does, so awsmiddleware.GetRawResponse, GetResponseAt, GetServerTime,
// GetAttemptSkew and retry.GetAttemptResults find what they look for.
// Those functions read keys of unexported types; the keys are learned once
// by running the official middleware and reading the metadata it leaves.

// metadataKeys are the official middleware's metadata keys.
type metadataKeys struct {
	rawResponse, responseAt, serverTime, attemptSkew, attemptResults any
}

var officialKeys = sync.OnceValue(learnMetadataKeys)

// metadataValues exposes the map inside a middleware.Metadata, whose only
// field it is.
func metadataValues(m *middleware.Metadata) map[any]any {
	return *(*map[any]any)(unsafe.Pointer(m))
}

func learnMetadataKeys() metadataKeys {
	var keys metadataKeys
	ctx := context.Background()
	resp := &smithyhttp.Response{Response: &http.Response{Header: http.Header{"Date": {"Mon, 02 Jan 2006 15:04:05 GMT"}}}}
	answer := middleware.DeserializeHandlerFunc(func(context.Context, middleware.DeserializeInput) (
		middleware.DeserializeOutput, middleware.Metadata, error) {
		return middleware.DeserializeOutput{RawResponse: resp}, middleware.Metadata{}, nil
	})
	_, md, _ := (&awsmiddleware.AddRawResponse{}).HandleDeserialize(ctx, middleware.DeserializeInput{}, answer)
	for k := range metadataValues(&md) {
		keys.rawResponse = k
	}
	_, md, _ = awsmiddleware.RecordResponseTiming{}.HandleDeserialize(ctx, middleware.DeserializeInput{}, answer)
	for k, v := range metadataValues(&md) {
		var probe middleware.Metadata
		probe.Set(k, v)
		if _, ok := awsmiddleware.GetResponseAt(probe); ok {
			keys.responseAt = k
		} else if _, ok := awsmiddleware.GetServerTime(probe); ok {
			keys.serverTime = k
		} else if _, ok := awsmiddleware.GetAttemptSkew(probe); ok {
			keys.attemptSkew = k
		}
	}
	attempt := retry.NewAttemptMiddleware(retry.NewStandard(), func(v any) any { return v })
	_, md, _ = attempt.HandleFinalize(ctx, middleware.FinalizeInput{Request: smithyhttp.NewStackRequest()},
		middleware.FinalizeHandlerFunc(func(context.Context, middleware.FinalizeInput) (
			middleware.FinalizeOutput, middleware.Metadata, error) {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, nil
		}))
	for k := range metadataValues(&md) {
		keys.attemptResults = k
	}
	return keys
}

// setResponseMetadata records what the official deserialize middleware
// records for one attempt's response: the raw response, when it arrived,
// the server's time from Date, and the clock offset derived from it.
func setResponseMetadata(md *middleware.Metadata, resp *http.Response, receivedAt time.Time, skew time.Duration, hasSkew bool) {
	keys := officialKeys()
	md.Set(keys.rawResponse, &smithyhttp.Response{Response: resp})
	md.Set(keys.responseAt, receivedAt)
	if date := resp.Header.Get("Date"); date != "" {
		if serverTime, err := smithyhttp.ParseTime(date); err == nil {
			md.Set(keys.serverTime, serverTime)
		}
	}
	if hasSkew && keys.attemptSkew != nil {
		md.Set(keys.attemptSkew, skew)
	}
}

// withAttemptResults returns the metadata of the last attempt with the
// results of every attempt added, as the official retry middleware
// returns it.
func withAttemptResults(results []retry.AttemptResult) middleware.Metadata {
	md := results[len(results)-1].ResponseMetadata.Clone()
	md.Set(officialKeys().attemptResults, retry.AttemptResults{Results: results})
	return md
}
