package lightsail

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/internal/jsonwire"
	"github.com/awssnap/awssnap/internal/protocol"
	"github.com/awssnap/awssnap/internal/testutil"
)

// pagesTransport answers each request with the page its token names,
// without a network, so the client's own cost shows.
type pagesTransport struct {
	pages  []string       // response bodies, page 0 first
	byBody map[string]int // request body → page number
}

func newPagesTransport(pages, perPage int) *pagesTransport {
	t := &pagesTransport{byBody: map[string]int{"{}": 0}}
	for i := range pages {
		t.pages = append(t.pages, pageJSON(i, pages, perPage))
		if i > 0 {
			t.byBody[`{"pageToken":"`+pageToken(i)+`"}`] = i
		}
	}
	return t
}

func (t *pagesTransport) Do(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	_ = req.Body.Close()
	page, ok := t.byBody[string(body)]
	if !ok {
		return nil, fmt.Errorf("unexpected request body %s", body)
	}
	return &http.Response{
		StatusCode:    200,
		Header:        http.Header{"X-Amzn-Requestid": {"req-1"}},
		Body:          io.NopCloser(strings.NewReader(t.pages[page])),
		ContentLength: int64(len(t.pages[page])),
	}, nil
}

func newPagesClient(pages, perPage int) *Client {
	return New(Options{Region: "us-east-1", Credentials: testutil.Credentials, HTTPClient: newPagesTransport(pages, perPage)})
}

func BenchmarkValidate(b *testing.B) {
	in := &GetExportSnapshotRecordsInput{PageToken: aws.String(pageToken(1))}
	b.ReportAllocs()
	for b.Loop() {
		if err := in.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	in := &GetExportSnapshotRecordsInput{PageToken: aws.String(pageToken(1))}
	var req protocol.Request
	b.ReportAllocs()
	for b.Loop() {
		req.Body.Reset()
		encodeGetExportSnapshotRecordsInput(in, &req)
	}
}

// BenchmarkDecode decodes a realistic page of 100 records (about 90 KB).
func BenchmarkDecode(b *testing.B) {
	body := pageJSON(0, 2, 100)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var r jsonwire.Reader
		r.Reset(body)
		var out GetExportSnapshotRecordsOutput
		decodeGetExportSnapshotRecordsOutput(&r, &out)
		if r.Err() != nil || len(out.ExportSnapshotRecords) != 100 {
			b.Fatal(r.Err(), len(out.ExportSnapshotRecords))
		}
	}
}

// BenchmarkGetExportSnapshotRecords measures one whole call over loopback
// answered with a page of 100 records.
func BenchmarkGetExportSnapshotRecords(b *testing.B) {
	body := pageJSON(0, 2, 100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("X-Amzn-RequestId", "req-1")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = io.WriteString(w, body)
	}))
	defer srv.Close()
	client := New(Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: testutil.Credentials})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.GetExportSnapshotRecords(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPaginate iterates every record of 10 and of 100 pages of 100
// records with All, without a network. It reports the bytes allocated
// per page, which stay the same whatever the number of pages: the
// iterator keeps nothing of the pages it has finished.
func BenchmarkPaginate(b *testing.B) {
	for _, pages := range []int{10, 100} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			client := newPagesClient(pages, 100)
			ctx := context.Background()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ReportAllocs()
			for b.Loop() {
				count := 0
				for _, err := range NewGetExportSnapshotRecordsPaginator(client, nil).All(ctx) {
					if err != nil {
						b.Fatal(err)
					}
					count++
				}
				if count != pages*100 {
					b.Fatalf("%d records, want %d", count, pages*100)
				}
			}
			runtime.ReadMemStats(&after)
			pagesRead := float64(b.N * pages)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/pagesRead, "B/page")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/pagesRead, "allocs/page")
		})
	}
}

// TestPaginateDoesNotRetainPages walks 100 pages of 100 records and
// checks that the live heap after page 90 is no larger than after page
// 10 plus a little: the pages already read are not kept alive. It does
// not run in parallel, so that other tests do not disturb the heap.
func TestPaginateDoesNotRetainPages(t *testing.T) {
	client := newPagesClient(100, 100)
	liveHeap := func() uint64 {
		runtime.GC()
		var stats runtime.MemStats
		runtime.ReadMemStats(&stats)
		return stats.HeapAlloc
	}
	var atPage10, atPage90 uint64
	count := 0
	for _, err := range NewGetExportSnapshotRecordsPaginator(client, nil).All(context.Background()) {
		must(t, err)
		count++
		switch count {
		case 10 * 100:
			atPage10 = liveHeap()
		case 90 * 100:
			atPage90 = liveHeap()
		}
	}
	const page = 90 << 10
	if count != 100*100 || atPage90 > atPage10+2*page {
		t.Errorf("%d records; live heap %d B after page 10, %d B after page 90 (pages are %d B)", count, atPage10, atPage90, page)
	}
	t.Logf("live heap after page 10: %d B, after page 90: %d B", atPage10, atPage90)
}
