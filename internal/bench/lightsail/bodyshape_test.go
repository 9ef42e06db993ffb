package lightsail

import (
	"context"
	"fmt"
	"strings"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/lightsail"

	"github.com/awssnap/awssnap/internal/bench/kit"
	ours "github.com/awssnap/awssnap/lightsail"
)

// bodyShape is an unusual but valid answer to GetExportSnapshotRecords.
type bodyShape struct {
	name    string
	body    string
	records int // records in the page
}

// bodyShapes returns the answers the body-shape benchmarks decode: a page
// of just under tinyLimit bytes (10 MiB, the default response bound, in the
// benchmarks) of up to millions of empty records; records whose strings are long and mostly escapes; records
// holding an unknown member nested a thousand deep; records with hundreds
// of unknown members of every JSON type.
func bodyShapes(tinyLimit int) []bodyShape {
	var shapes []bodyShape

	limit := tinyLimit - 64
	var tiny strings.Builder
	tiny.Grow(limit)
	tiny.WriteString(`{"exportSnapshotRecords":[{}`)
	n := 1
	for tiny.Len()+len(`,{}]}`) <= limit {
		tiny.WriteString(`,{}`)
		n++
	}
	tiny.WriteString(`]}`)
	shapes = append(shapes, bodyShape{fmt.Sprintf("tiny-records-%dMiB", tinyLimit>>20), tiny.String(), n})

	var escaped strings.Builder
	escaped.WriteString(`{"exportSnapshotRecords":[`)
	chunk := strings.Repeat(`a\"b\\c\nd\u00e9\ud83d\ude00\t\/`, 400) // 11 KB, mostly escapes
	for i := range 100 {
		if i > 0 {
			escaped.WriteByte(',')
		}
		fmt.Fprintf(&escaped, `{"name":"%s","arn":"%s","state":"Succeeded"}`, chunk, chunk)
	}
	escaped.WriteString(`]}`)
	shapes = append(shapes, bodyShape{"escaped-strings", escaped.String(), 100})

	var deep strings.Builder
	deep.WriteString(`{"exportSnapshotRecords":[`)
	nested := strings.Repeat(`{"a":[`, 500) + `1` + strings.Repeat(`]}`, 500) // 1000 levels
	for i := range 100 {
		if i > 0 {
			deep.WriteByte(',')
		}
		fmt.Fprintf(&deep, `{"name":"r%d","unknownNested":%s}`, i, nested)
	}
	deep.WriteString(`]}`)
	shapes = append(shapes, bodyShape{"deep-nesting", deep.String(), 100})

	var unknown strings.Builder
	unknown.WriteString(`{"exportSnapshotRecords":[`)
	for i := range 100 {
		if i > 0 {
			unknown.WriteByte(',')
		}
		fmt.Fprintf(&unknown, `{"name":"r%d"`, i)
		for j := range 200 {
			switch j % 5 {
			case 0:
				fmt.Fprintf(&unknown, `,"extraString%d":"value %d"`, j, j)
			case 1:
				fmt.Fprintf(&unknown, `,"extraNumber%d":%d.5e3`, j, j)
			case 2:
				fmt.Fprintf(&unknown, `,"extraBool%d":true,"extraNull%d":null`, j, j)
			case 3:
				fmt.Fprintf(&unknown, `,"extraList%d":[1,"two",{"three":3}]`, j)
			case 4:
				fmt.Fprintf(&unknown, `,"extraObject%d":{"k":"v","n":[]}`, j)
			}
		}
		unknown.WriteString(`,"state":"Succeeded"}`)
	}
	unknown.WriteString(`]}`)
	shapes = append(shapes, bodyShape{"unknown-members", unknown.String(), 100})
	return shapes
}

// BenchmarkBodyShape is one call answered at once (no network) with each
// unusual body: ours against the official client, both decoding it all.
func BenchmarkBodyShape(b *testing.B) {
	ctx := context.Background()
	for _, shape := range bodyShapes(10 << 20) {
		canned := &kit.CannedClient{Response: kit.JSONResponse(contentType, shape.body)}
		b.Run("shape="+shape.name+"/impl=ours", func(b *testing.B) {
			c := newOurs(canned, "")
			b.SetBytes(int64(len(shape.body)))
			b.ReportAllocs()
			defer kit.ReportCPU(b)()
			for b.Loop() {
				out, err := c.GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{})
				if err != nil || len(out.ExportSnapshotRecords) != shape.records {
					b.Fatalf("%v; want %d records", err, shape.records)
				}
			}
		})
		b.Run("shape="+shape.name+"/impl=official", func(b *testing.B) {
			c := newOfficial(canned, "")
			b.SetBytes(int64(len(shape.body)))
			b.ReportAllocs()
			defer kit.ReportCPU(b)()
			for b.Loop() {
				out, err := c.GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{})
				if err != nil || len(out.ExportSnapshotRecords) != shape.records {
					b.Fatalf("%v; want %d records", err, shape.records)
				}
			}
		})
	}
}

// TestBodyShapesDecodeAlike checks that both clients decode each body of
// the body-shape benchmarks to the same records (the page of empty records
// at 1 MiB, a third of a million records, to keep the test quick).
func TestBodyShapesDecodeAlike(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, shape := range bodyShapes(1 << 20) {
		canned := &kit.CannedClient{Response: kit.JSONResponse(contentType, shape.body)}
		got, err := newOurs(canned, "").GetExportSnapshotRecords(ctx, &ours.GetExportSnapshotRecordsInput{})
		if err != nil {
			t.Fatalf("%s: ours: %v", shape.name, err)
		}
		want, err := newOfficial(canned, "").GetExportSnapshotRecords(ctx, &official.GetExportSnapshotRecordsInput{})
		if err != nil {
			t.Fatalf("%s: official: %v", shape.name, err)
		}
		if len(got.ExportSnapshotRecords) != shape.records || len(want.ExportSnapshotRecords) != shape.records {
			t.Fatalf("%s: %d and %d records, want %d", shape.name, len(got.ExportSnapshotRecords), len(want.ExportSnapshotRecords), shape.records)
		}
		for i := range got.ExportSnapshotRecords {
			g, w := got.ExportSnapshotRecords[i], want.ExportSnapshotRecords[i]
			if fmt.Sprint(deref(g.Name), deref(g.Arn), g.State) != fmt.Sprint(deref(w.Name), deref(w.Arn), w.State) {
				t.Fatalf("%s: record %d: ours %q %q %q, official %q %q %q", shape.name, i,
					deref(g.Name), deref(g.Arn), g.State, deref(w.Name), deref(w.Arn), w.State)
			}
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
