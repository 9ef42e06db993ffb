package lightsail

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/lightsail"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/lightsail"
)

// BenchmarkFullCall is one GetExportSnapshotRecords call over loopback to
// a server answering with a page of callRecords records: ours, the
// official client, and the two net/http floors.
func BenchmarkFullCall(b *testing.B) {
	srv := kit.ServeCanned(b, callResponse())
	client := kit.NewHTTPClient()
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		c := newOurs(client, srv.URL)
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c := newOfficial(client, srv.URL)
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	floor := newFloor(b, client, srv.URL)
	b.Run("impl=nethttp", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := floor.Plain(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=nethttp-signed", func(b *testing.B) {
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := floor.Signed(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkClientSide is one call with an HTTP client that answers at
// once with the same page.
func BenchmarkClientSide(b *testing.B) {
	canned := &kit.CannedClient{Response: callResponse()}
	ctx := context.Background()
	b.Run("impl=ours", func(b *testing.B) {
		c := newOurs(canned, "")
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=official", func(b *testing.B) {
		c := newOfficial(canned, "")
		b.ReportAllocs()
		defer kit.ReportCPU(b)()
		for b.Loop() {
			if _, err := c.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// pager walks every page of a pageServer, calling onPage after each page
// while that page is still in use, and returns the number of records.
type pager func(ctx context.Context, onPage func()) (int, error)

func oursPaginator(c *ours.Client) pager {
	return func(ctx context.Context, onPage func()) (int, error) {
		n := 0
		p := ours.NewGetExportSnapshotRecordsPaginator(c, nil)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return n, err
			}
			n += len(page.ExportSnapshotRecords)
			onPage()
			runtime.KeepAlive(page)
		}
		return n, nil
	}
}

func oursIterator(c *ours.Client) pager {
	return func(ctx context.Context, onPage func()) (int, error) {
		n := 0
		for record, err := range ours.NewGetExportSnapshotRecordsPaginator(c, nil).All(ctx) {
			if err != nil {
				return n, err
			}
			if record.Name == nil {
				return n, fmt.Errorf("record %d has no name", n)
			}
			n++
			if n%recordsPerPage == 0 {
				onPage()
			}
		}
		return n, nil
	}
}

// officialLoop is how a program pages with the official client, which has
// no paginator for this operation.
func officialLoop(c *official.Client) pager {
	return func(ctx context.Context, onPage func()) (int, error) {
		n := 0
		var token *string
		for {
			page, err := c.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{PageToken: token})
			if err != nil {
				return n, err
			}
			n += len(page.ExportSnapshotRecords)
			onPage()
			runtime.KeepAlive(page)
			if page.NextPageToken == nil || *page.NextPageToken == "" {
				return n, nil
			}
			token = page.NextPageToken
		}
	}
}

// netHTTPLoop signs and posts each page request by hand and finds the next
// token with bytes.Index: no decoding, for scale.
func netHTTPLoop(floor *kit.Floor) pager {
	return func(ctx context.Context, onPage func()) (int, error) {
		n := 0
		body := []byte(`{}`)
		for {
			page, err := floor.SignedBody(ctx, body)
			if err != nil {
				return n, err
			}
			n += bytes.Count(page, []byte(`"destinationInfo"`))
			onPage()
			runtime.KeepAlive(page)
			_, rest, found := bytes.Cut(page, []byte(`"nextPageToken":"`))
			if !found {
				return n, nil
			}
			token, _, _ := bytes.Cut(rest, []byte(`"`))
			body = append(append(append(body[:0], `{"pageToken":"`...), token...), `"}`...)
		}
	}
}

// BenchmarkPaging walks 10 and 100 pages of 100 records (about 83 KB a
// page) over loopback: our paginator, our record iterator, a page-token
// loop over the official client, and net/http without decoding. Besides
// time and allocations it reports B/page, and peak-live-B: the most heap
// in use at a page boundary after a GC, in one extra walk outside the
// timed loop, which stays flat in the number of pages when nothing
// retains earlier pages.
func BenchmarkPaging(b *testing.B) {
	client := kit.NewHTTPClient()
	for _, pages := range []int{10, 100} {
		url := pageServer(b, pages)
		impls := []struct {
			name string
			walk pager
		}{
			{"paginator", oursPaginator(newOurs(client, url))},
			{"iterator", oursIterator(newOurs(client, url))},
			{"official", officialLoop(newOfficial(client, url))},
			{"nethttp", netHTTPLoop(newFloor(b, client, url))},
		}
		for _, impl := range impls {
			b.Run(fmt.Sprintf("pages=%d/impl=%s", pages, impl.name), func(b *testing.B) {
				benchPaging(b, impl.walk, pages)
			})
		}
	}
}

func benchPaging(b *testing.B, walk pager, pages int) {
	ctx := context.Background()
	want := pages * recordsPerPage
	b.ReportAllocs()
	stop := kit.ReportCPU(b)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		n, err := walk(ctx, func() {})
		if err != nil || n != want {
			b.Fatalf("%d records, %v; want %d", n, err, want)
		}
	}
	stop()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(pages), "B/page")
	b.ReportMetric(float64(peakLive(ctx, b, walk)), "peak-live-B")
}

// peakLive walks once more and returns the largest live heap seen at a
// page boundary, each measured after a full GC.
func peakLive(ctx context.Context, tb testing.TB, walk pager) uint64 {
	var peak uint64
	var stats runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&stats)
	base := stats.HeapAlloc
	if _, err := walk(ctx, func() {
		runtime.GC()
		runtime.ReadMemStats(&stats)
		if stats.HeapAlloc > base {
			peak = max(peak, stats.HeapAlloc-base)
		}
	}); err != nil {
		tb.Fatal(err)
	}
	return peak
}

// BenchmarkPaired runs the comparisons the targets are stated in, both
// sides of each alternating within one benchmark (kit.PairOperation).
func BenchmarkPaired(b *testing.B) {
	kit.PairOperation(b, callResponse(), oursCall, officialCall, newFloor)
}

// oursCall returns our client's call of the benchmarks, through client to
// url ("" for the default endpoint).
func oursCall(client kit.Doer, url string) kit.Call {
	c, in := newOurs(client, url), &ours.GetExportSnapshotRecordsInput{}
	return func(ctx context.Context) error { _, err := c.GetExportSnapshotRecords(ctx, in); return err }
}

// officialCall returns the official client's call of the benchmarks,
// through client.
func officialCall(client kit.Doer) kit.Call {
	c, in := newOfficial(client, ""), &official.GetExportSnapshotRecordsInput{}
	return func(ctx context.Context) error { _, err := c.GetExportSnapshotRecords(ctx, in); return err }
}
