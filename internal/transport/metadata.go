package transport

import (
	"context"
	"net/http"
	"strings"
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
func setResponseMetadata(md *middleware.Metadata, resp *http.Response, date responseDate, receivedAt time.Time, skew time.Duration, hasSkew bool) {
	keys := officialKeys()
	md.Set(keys.rawResponse, &smithyhttp.Response{Response: resp})
	md.Set(keys.responseAt, receivedAt)
	if date.text != "" {
		if serverTime, err := date.parse(smithyhttp.ParseTime); err == nil {
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

// responseDate is a response's Date header, read once for the server time
// and the clock skew. The form servers send, IMF-fixdate ("Tue, 29 Apr
// 2014 18:30:38 GMT"), is read directly, with the result the full parsers
// give it; anything else is left to the parser each use names.
type responseDate struct {
	text    string
	fixed   time.Time
	isFixed bool
}

func newResponseDate(text string) responseDate {
	fixed, isFixed := imfFixdate(text)
	return responseDate{text: text, fixed: fixed, isFixed: isFixed}
}

// parse returns the time the header holds, as full reads it.
func (d responseDate) parse(full func(string) (time.Time, error)) (time.Time, error) {
	if d.isFixed {
		return d.fixed, nil
	}
	return full(d.text)
}

// imfFixdate reads date when it is an IMF-fixdate with the day and month
// names as written in RFC 7231 and every field in range.
func imfFixdate(date string) (time.Time, bool) {
	const layout = "Www, 00 Mmm 0000 00:00:00 GMT"
	if len(date) != len(layout) || date[3] != ',' || date[4] != ' ' || date[7] != ' ' || date[11] != ' ' ||
		date[16] != ' ' || date[19] != ':' || date[22] != ':' || date[25:] != " GMT" {
		return time.Time{}, false
	}
	if i := strings.Index("Mon Tue Wed Thu Fri Sat Sun", date[:3]); i < 0 || i%4 != 0 {
		return time.Time{}, false
	}
	i := strings.Index("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", date[8:11])
	if i < 0 || i%4 != 0 {
		return time.Time{}, false
	}
	month := time.Month(i/4 + 1)
	day, ok1 := digits(date[5:7])
	year, ok2 := digits(date[12:16])
	hour, ok3 := digits(date[17:19])
	minute, ok4 := digits(date[20:22])
	second, ok5 := digits(date[23:25])
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || hour > 23 || minute > 59 || second > 59 || day < 1 ||
		day > time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return time.Time{}, false
	}
	return time.Date(year, month, day, hour, minute, second, 0, time.UTC), true
}

// digits returns the value of s, which must be all ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
