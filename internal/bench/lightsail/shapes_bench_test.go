package lightsail

import (
	"context"
	"strings"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/lightsail"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/lightsail"
)

// pageBytes is the size of the odd pages: just under the default bound of
// 10 MiB on response bodies.
const pageBytes = 10<<20 - 64

// oddPage returns a page whose records are item, repeated to fill
// pageBytes.
func oddPage(item string) string {
	const head, tail = `{"exportSnapshotRecords":[`, `]}`
	n := (pageBytes - len(head) - len(tail) + 1) / (len(item) + 1)
	var b strings.Builder
	b.Grow(pageBytes)
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item)
	}
	b.WriteString(tail)
	return b.String()
}

// oddShapes are page bodies of unusual shapes, each about 10 MiB, beside
// those of BenchmarkBodyShape: millions of null records, of records made
// only of an unknown member or of null members, and of records with
// nested known members.
var oddShapes = []struct{ name, item string }{
	{"null records", `null`},
	{"unknown members", `{"x":1}`},
	{"null members", `{"name":null,"location":null}`},
	{"nested records", `{"sourceInfo":{"instanceSnapshotInfo":{"fromDiskInfo":[{}]}}}`},
}

// BenchmarkOddRecords is one call answered with each odd page, by both
// clients: no shape may make ours slower than the official client.
func BenchmarkOddRecords(b *testing.B) {
	ctx := context.Background()
	for _, shape := range oddShapes {
		canned := &kit.CannedClient{Response: kit.JSONResponse(contentType, oddPage(shape.item))}
		b.Run("shape="+shape.name+"/impl=ours", func(b *testing.B) {
			c := newOurs(canned, "")
			b.ReportAllocs()
			b.SetBytes(int64(len(canned.Response.Body)))
			for b.Loop() {
				if _, err := c.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("shape="+shape.name+"/impl=official", func(b *testing.B) {
			c := newOfficial(canned, "")
			b.ReportAllocs()
			b.SetBytes(int64(len(canned.Response.Body)))
			for b.Loop() {
				if _, err := c.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
