package lightsail

import (
	"fmt"
	"strings"
	"testing"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

// TestDecodeLongPage decodes pages longer than the length past which the
// decoder counts the rest of the list, with records, empty objects and
// nulls mixed, and with an error after the counting point.
func TestDecodeLongPage(t *testing.T) {
	t.Parallel()
	for _, n := range []int{longList - 1, longList, longList + 1, 3*longList + 7} {
		var b strings.Builder
		b.WriteString(`{"exportSnapshotRecords":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			switch i % 3 {
			case 0:
				fmt.Fprintf(&b, `{"name":"r%d"}`, i)
			case 1:
				b.WriteString(`{}`)
			case 2:
				b.WriteString(`null`)
			}
		}
		b.WriteString(`],"nextPageToken":"t"}`)
		var r jsonwire.Reader
		r.Reset(b.String())
		var out GetExportSnapshotRecordsOutput
		decodeGetExportSnapshotRecordsOutput(&r, &out)
		if err := r.Err(); err != nil {
			t.Fatalf("%d records: %v", n, err)
		}
		if len(out.ExportSnapshotRecords) != n || out.NextPageToken == nil || *out.NextPageToken != "t" {
			t.Fatalf("%d records: decoded %d, token %v", n, len(out.ExportSnapshotRecords), out.NextPageToken)
		}
		for i, record := range out.ExportSnapshotRecords {
			want := ""
			if i%3 == 0 {
				want = fmt.Sprintf("r%d", i)
			}
			if got := deref(record.Name); got != want {
				t.Fatalf("%d records: record %d named %q, want %q", n, i, got, want)
			}
		}
	}
	malformed := `{"exportSnapshotRecords":[` + strings.Repeat(`{},`, 2*longList) + `{]}`
	var r jsonwire.Reader
	r.Reset(malformed)
	var out GetExportSnapshotRecordsOutput
	decodeGetExportSnapshotRecordsOutput(&r, &out)
	if r.Err() == nil {
		t.Fatal("a malformed long page decoded without error")
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
