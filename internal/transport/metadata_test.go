package transport

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

var dateCases = []string{
	"Tue, 29 Apr 2014 18:30:38 GMT",
	"Sun, 06 Nov 1994 08:49:37 GMT",
	"Thu, 29 Feb 2024 23:59:59 GMT",
	"Fri, 29 Feb 2023 00:00:00 GMT", // no such day
	"Sat, 31 Apr 2026 00:00:00 GMT",
	"Mon, 00 Jan 2026 00:00:00 GMT",
	"Mon, 01 Jan 0000 00:00:00 GMT",
	"Mon, 01 Jan 9999 24:00:00 GMT",
	"Mon, 01 Jan 2026 23:60:00 GMT",
	"Mon, 01 Jan 2026 23:00:60 GMT",
	"mon, 01 jan 2026 10:00:00 GMT", // names in lower case: left to the full parser
	"e W, 01 Jan 2026 10:00:00 GMT",
	"Mon, 01 n F 2026 10:00:00 GMT",
	"Mon, 1 Jan 2026 10:00:00 GMT",
	"Mon, 01 Jan 26 10:00:00 GMT",
	"Mon, 01 Jan 2026 10:00:00.5 GMT",
	"Monday, 01-Jan-26 10:00:00 GMT",
	"Mon Jan  1 10:00:00 2026",
	"Mon, 01 Jan 2026 10:00:00 UTC",
	"Mon, 0x Jan 2026 10:00:00 GMT",
	"",
}

// TestParseHTTPDate checks that reading an IMF-fixdate directly gives what
// the full parsers give, for each of the two it stands in front of.
func TestParseHTTPDate(t *testing.T) {
	t.Parallel()
	for _, date := range dateCases {
		checkParseHTTPDate(t, date)
	}
}

func FuzzParseHTTPDate(f *testing.F) {
	for _, date := range dateCases {
		f.Add(date)
	}
	f.Fuzz(checkParseHTTPDate)
}

// FuzzParseHTTPDateFields writes IMF-fixdates from their fields, in range
// and out of it.
func FuzzParseHTTPDateFields(f *testing.F) {
	f.Add(uint8(1), uint8(29), uint8(3), uint16(2014), uint8(18), uint8(30), uint8(38))
	f.Add(uint8(3), uint8(29), uint8(1), uint16(2023), uint8(0), uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, weekday, day, month uint8, year uint16, hour, minute, second uint8) {
		days := []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
		months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
		checkParseHTTPDate(t, fmt.Sprintf("%s, %02d %s %04d %02d:%02d:%02d GMT", days[int(weekday)%7], day%40,
			months[int(month)%12], year%10000, hour%30, minute%70, second%70))
	})
}

func checkParseHTTPDate(t *testing.T, date string) {
	for name, parse := range map[string]func(string) (time.Time, error){
		"smithyhttp.ParseTime": smithyhttp.ParseTime, "http.ParseTime": http.ParseTime,
	} {
		got, gotErr := newResponseDate(date).parse(parse)
		want, wantErr := parse(date)
		same := got == want
		if _, direct := imfFixdate(date); !direct {
			// The full parser ran: a zone it read is a new location each time.
			same = got.Equal(want) && got.Location().String() == want.Location().String()
		}
		if !same || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("reading Date %q with %s = %v, %v; want %v, %v", date, name, got, gotErr, want, wantErr)
		}
	}
}

// BenchmarkParseHTTPDate reads a Date header as servers write it: directly,
// and with the full parsers it stands in front of.
func BenchmarkParseHTTPDate(b *testing.B) {
	const date = "Tue, 29 Apr 2014 18:30:38 GMT"
	for name, parse := range map[string]func(string) (time.Time, error){
		"direct":               func(s string) (time.Time, error) { return newResponseDate(s).parse(smithyhttp.ParseTime) },
		"smithyhttp.ParseTime": smithyhttp.ParseTime,
		"http.ParseTime":       http.ParseTime,
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse(date); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestResultMetadata checks that a call's result metadata is what the
// official retry middleware returns: the last attempt's entries and the
// attempt results, in a map of its own, while each attempt's metadata
// holds that attempt's entries alone.
func TestResultMetadata(t *testing.T) {
	t.Parallel()
	cfg, _ := newTestConfig(t,
		answer(500, map[string]string{"X-Amzn-Requestid": "req-a", "Date": "Mon, 02 Jan 2006 15:04:05 GMT"}, `{}`),
		ok(`{}`))
	_, metadata, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")})
	if err != nil {
		t.Fatal(err)
	}
	results, ok := retry.GetAttemptResults(metadata)
	if !ok || len(results.Results) != 2 {
		t.Fatalf("attempt results %+v %v", results, ok)
	}
	keys := officialKeys()
	for i, want := range []string{"req-a", "req-1"} {
		attempt := metadataValues(&results.Results[i].ResponseMetadata)
		if id, _ := awsmiddleware.GetRequestIDMetadata(results.Results[i].ResponseMetadata); id != want {
			t.Errorf("attempt %d: request ID %q, want %q", i+1, id, want)
		}
		if _, has := attempt[keys.attemptResults]; has {
			t.Errorf("attempt %d: its metadata holds the attempt results", i+1)
		}
		for _, key := range []any{keys.rawResponse, keys.responseAt, keys.serverTime} {
			if _, has := attempt[key]; !has {
				t.Errorf("attempt %d: no %T in its metadata", i+1, key)
			}
		}
	}
	last := metadataValues(&results.Results[1].ResponseMetadata)
	result := metadataValues(&metadata)
	if len(result) != len(last)+1 {
		t.Errorf("result metadata has %d entries, the last attempt's %d", len(result), len(last))
	}
	for key, value := range last {
		if result[key] != value {
			t.Errorf("result metadata %T = %v, the last attempt's %v", key, result[key], value)
		}
	}
	awsmiddleware.SetRequestIDMetadata(&metadata, "changed")
	if id, _ := awsmiddleware.GetRequestIDMetadata(results.Results[1].ResponseMetadata); id != "req-1" {
		t.Errorf("setting the result metadata changed the last attempt's: %q", id)
	}
}

// TestResultMetadataWithoutRequestID checks that a response without a
// request ID header leaves no request ID in the metadata, as the official
// RequestIDRetriever leaves none, rather than an empty one.
func TestResultMetadataWithoutRequestID(t *testing.T) {
	t.Parallel()
	cfg, _ := newTestConfig(t, answer(200, map[string]string{"X-Amzn-Requestid": ""}, `{}`))
	_, metadata, err := Invoke(context.Background(), cfg, testOp, &testIn{Name: aws.String("n")})
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := awsmiddleware.GetRequestIDMetadata(metadata); ok {
		t.Errorf("request ID %q in the metadata of a response without one", id)
	}
}
