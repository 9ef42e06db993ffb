package lightsail

import (
	"context"
	"testing"

	"github.com/awssnap/awssnap/internal/bench/kit"
)

// TestPagingMemoryFlat walks 10 and then 100 pages with our paginator and
// iterator and checks that the live heap at page boundaries does not grow
// with the number of pages: nothing retains the pages already walked.
func TestPagingMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("walks 110 pages with a GC at each")
	}
	client := kit.NewHTTPClient()
	ctx := context.Background()
	for _, impl := range []struct {
		name string
		walk func(url string) pager
	}{
		{"paginator", func(url string) pager { return oursPaginator(newOurs(client, url)) }},
		{"iterator", func(url string) pager { return oursIterator(newOurs(client, url)) }},
	} {
		peak10 := peakLive(ctx, t, impl.walk(pageServer(t, 10)))
		peak100 := peakLive(ctx, t, impl.walk(pageServer(t, 100)))
		t.Logf("%s: peak live heap over 10 pages %d B, over 100 pages %d B", impl.name, peak10, peak100)
		// One page is about 83 KB of body plus its records; ten times as
		// many pages must not hold more than about one page more.
		if peak100 > 2*peak10+128<<10 {
			t.Errorf("%s: peak live heap grows with the pages: %d B for 10, %d B for 100", impl.name, peak10, peak100)
		}
	}
}
