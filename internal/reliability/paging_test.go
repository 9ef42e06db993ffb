package reliability_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/awssnap/awssnap/lightsail"
)

// TestHostilePagingEnds serves Lightsail pages whose tokens never end:
// one that repeats the same token, one that cycles through three, and one
// that makes a new token every time. The paginator stops on the repeats
// with ErrDuplicatePageToken; the endless stream of new tokens ends with
// MaxPages, or with the context.
func TestHostilePagingEnds(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	defer wg.Wait()
	tokens := map[string]func(n int64) string{
		"same token":   func(int64) string { return "again" },
		"token cycle":  func(n int64) string { return fmt.Sprint("cycle-", n%3) },
		"fresh tokens": func(n int64) string { return fmt.Sprint("fresh-", n) },
	}
	for name, token := range tokens {
		for _, bound := range []string{"duplicates", "MaxPages", "context"} {
			runConcurrently(t, &wg, name+"/"+bound, func(t *testing.T) {
				var pages atomic.Int64
				h := newHostile(t, func(h *hostile, w http.ResponseWriter, _ *http.Request) {
					n := pages.Add(1)
					w.WriteHeader(http.StatusOK)
					_ = h.write(w, fmt.Appendf(nil, `{"exportSnapshotRecords":[{"name":"r%d"}],"nextPageToken":%q}`, n, token(n)))
				})
				c := newClients(settings{endpoint: h.url, httpClient: plainHTTPClient})
				// Only the "context" bound, and fresh tokens, which are never
				// duplicates, rely on the deadline; the others get room to
				// finish on a loaded machine.
				timeout := 30 * time.Second
				if bound == "context" || bound == "duplicates" && name == "fresh tokens" {
					timeout = 300 * time.Millisecond
				}
				ctx, cancel := context.WithTimeout(testContext(t), timeout)
				defer cancel()
				p := lightsail.NewGetExportSnapshotRecordsPaginator(c.lightsail, nil, func(o *lightsail.GetExportSnapshotRecordsPaginatorOptions) {
					o.StopOnDuplicateToken = bound == "duplicates"
					if bound == "MaxPages" {
						o.MaxPages = 25
					}
				})
				records := 0
				var err error
				for _, err = range p.All(ctx) {
					if err != nil {
						break
					}
					records++
				}
				switch {
				case bound == "MaxPages":
					if err != nil || records != 25 {
						t.Errorf("%d records, error %v; want 25 pages and no error", records, err)
					}
				case bound == "duplicates" && name != "fresh tokens":
					if !errors.Is(err, lightsail.ErrDuplicatePageToken) || records > 10 {
						t.Errorf("%d records, error %v; want ErrDuplicatePageToken soon", records, err)
					}
				default:
					if !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("%d records, error %v; want the context's deadline", records, err)
					}
				}
			})
		}
	}
}
