package lightsail

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/testutil"
	"github.com/awssnap/awssnap/lightsail/types"
)

// fakeClient stands in for the service: it answers a page token ("" for
// the first page) with a page.
type fakeClient func(ctx context.Context, token string, optFns []func(*Options)) (*GetExportSnapshotRecordsOutput, error)

func (f fakeClient) GetExportSnapshotRecords(ctx context.Context, in *GetExportSnapshotRecordsInput, optFns ...func(*Options)) (*GetExportSnapshotRecordsOutput, error) {
	return f(ctx, aws.ToString(in.PageToken), optFns)
}

var _ GetExportSnapshotRecordsAPIClient = fakeClient(nil)

// page is a scripted answer with the named records and next token.
func page(next *string, names ...string) testutil.Response {
	var b strings.Builder
	b.WriteString(`{"exportSnapshotRecords":[`)
	for i, name := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":%q}`, name)
	}
	b.WriteByte(']')
	if next != nil {
		fmt.Fprintf(&b, `,"nextPageToken":%q`, *next)
	}
	b.WriteByte('}')
	return testutil.Response{Body: b.String()}
}

// collect reads every record with All and returns the names, and the
// errors yielded.
func collect(p *GetExportSnapshotRecordsPaginator) (names []string, errs []error) {
	for record, err := range p.All(context.Background()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		names = append(names, aws.ToString(record.Name))
	}
	return names, errs
}

// sentTokens returns the page tokens of the recorded requests ("-" for a
// request without one).
func sentTokens(t *testing.T, srv *testutil.Server) []string {
	t.Helper()
	var tokens []string
	for _, r := range srv.Requests() {
		switch {
		case r.Body == "{}":
			tokens = append(tokens, "-")
		case strings.HasPrefix(r.Body, `{"pageToken":`):
			token, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(r.Body, `{"pageToken":`), "}"))
			must(t, err)
			tokens = append(tokens, token)
		default:
			t.Fatalf("unexpected body %s", r.Body)
		}
	}
	return tokens
}

func TestPaginatorPages(t *testing.T) {
	t.Parallel()
	escaped := "tok\"en\\2\n"
	cases := []struct {
		name       string
		script     []testutil.Response
		wantNames  []string
		wantTokens []string
	}{
		{"one page, no token", []testutil.Response{page(nil, "a", "b")}, []string{"a", "b"}, []string{"-"}},
		{"three pages", []testutil.Response{page(aws.String("t1"), "a"), page(&escaped, "b", "c"), page(nil, "d")},
			[]string{"a", "b", "c", "d"}, []string{"-", "t1", escaped}},
		{"empty last page", []testutil.Response{page(aws.String("t1"), "a"), page(nil)}, []string{"a"}, []string{"-", "t1"}},
		{"empty middle page", []testutil.Response{page(aws.String("t1"), "a"), page(aws.String("t2")), page(nil, "b")},
			[]string{"a", "b"}, []string{"-", "t1", "t2"}},
		{"empty-string token ends", []testutil.Response{page(aws.String(""), "a"), page(nil, "never")}, []string{"a"}, []string{"-"}},
		{"null token ends", []testutil.Response{{Body: `{"exportSnapshotRecords":[{"name":"a"}],"nextPageToken":null}`}, page(nil, "never")},
			[]string{"a"}, []string{"-"}},
		{"no records member", []testutil.Response{{Body: `{"nextPageToken":"t1"}`}, {Body: ``}}, nil, []string{"-", "t1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, tc.script...)
			p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil)
			var names []string
			for p.HasMorePages() {
				out, err := p.NextPage(context.Background())
				must(t, err)
				for _, record := range out.ExportSnapshotRecords {
					names = append(names, aws.ToString(record.Name))
				}
			}
			if diff := cmp.Diff(tc.wantNames, names); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantTokens, sentTokens(t, srv)); diff != "" {
				t.Errorf("tokens sent (-want +got):\n%s", diff)
			}
			if _, err := p.NextPage(context.Background()); err == nil || err.Error() != "no more pages available" {
				t.Errorf("NextPage after the last page: %v, want \"no more pages available\"", err)
			}
		})
	}
}

func TestPaginatorAll(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("t1"), "a", "b"), page(aws.String("t2"), "c"), page(nil, "d", "e"))
	names, errs := collect(NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil))
	if diff := cmp.Diff([]string{"a", "b", "c", "d", "e"}, names); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if len(errs) != 0 || srv.Count() != 3 {
		t.Errorf("errors %v, %d requests; want none and 3", errs, srv.Count())
	}
}

func TestPaginatorStartsAtGivenToken(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(nil, "z"))
	params := &GetExportSnapshotRecordsInput{PageToken: aws.String("resume-here")}
	names, errs := collect(NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), params))
	if diff := cmp.Diff([]string{"z"}, names); diff != "" || len(errs) != 0 {
		t.Errorf("records (-want +got):\n%s\nerrors: %v", diff, errs)
	}
	if diff := cmp.Diff([]string{"resume-here"}, sentTokens(t, srv)); diff != "" {
		t.Errorf("tokens sent (-want +got):\n%s", diff)
	}
}

func TestPaginatorDuplicateToken(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		start      *string
		script     []testutil.Response
		wantNames  []string
		wantTokens []string
	}{
		{"same token twice", nil, []testutil.Response{page(aws.String("A"), "a"), page(aws.String("A"), "b")},
			[]string{"a", "b"}, []string{"-", "A"}},
		{"token equal to the starting one", aws.String("S"), []testutil.Response{page(aws.String("S"), "a")},
			[]string{"a"}, []string{"S"}},
		{"cycle of three", nil, []testutil.Response{
			page(aws.String("A"), "1"), page(aws.String("B"), "2"), page(aws.String("C"), "3"),
			page(aws.String("A"), "4"), page(aws.String("B"), "5"), page(aws.String("C"), "6"), page(aws.String("A"), "7"),
		}, []string{"1", "2", "3", "4", "5", "6", "7"}, []string{"-", "A", "B", "C", "A", "B", "C"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, tc.script...)
			p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()),
				&GetExportSnapshotRecordsInput{PageToken: tc.start},
				func(o *GetExportSnapshotRecordsPaginatorOptions) { o.MaxPages = 50 })
			names, errs := collect(p)
			if diff := cmp.Diff(tc.wantNames, names); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if len(errs) != 1 || !errors.Is(errs[0], ErrDuplicatePageToken) {
				t.Fatalf("errors %v, want one ErrDuplicatePageToken", errs)
			}
			if diff := cmp.Diff(tc.wantTokens, sentTokens(t, srv)); diff != "" {
				t.Errorf("tokens sent (-want +got):\n%s", diff)
			}
			if p.HasMorePages() {
				t.Error("HasMorePages after the duplicate-token error")
			}
		})
	}
}

func TestPaginatorDuplicateTokenWithNextPage(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("A"), "a"), page(aws.String("A"), "b"))
	p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil)
	for _, want := range []string{"a", "b"} {
		out, err := p.NextPage(context.Background())
		if err != nil || aws.ToString(out.ExportSnapshotRecords[0].Name) != want {
			t.Fatalf("NextPage: %v, %v; want page %s", out, err, want)
		}
	}
	if !p.HasMorePages() {
		t.Fatal("HasMorePages is false before the duplicate-token error was returned")
	}
	_, err := p.NextPage(context.Background())
	want := "GetExportSnapshotRecords page 2: the service returned a page token it returned before"
	if !errors.Is(err, ErrDuplicatePageToken) || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	if srv.Count() != 2 || p.HasMorePages() {
		t.Errorf("%d requests, HasMorePages %v; want 2, false", srv.Count(), p.HasMorePages())
	}
}

func TestPaginatorFollowsRepeatsWhenAsked(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("A"), "a"))
	p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil, func(o *GetExportSnapshotRecordsPaginatorOptions) {
		o.StopOnDuplicateToken = false
		o.MaxPages = 5
	})
	names, errs := collect(p)
	if len(names) != 5 || len(errs) != 0 || srv.Count() != 5 {
		t.Errorf("%d records, errors %v, %d requests; want 5, none, 5", len(names), errs, srv.Count())
	}
}

func TestPaginatorMaxPages(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("t1"), "a"), page(aws.String("t2"), "b"), page(aws.String("t3"), "c"), page(nil, "d"))
	p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil,
		func(o *GetExportSnapshotRecordsPaginatorOptions) { o.MaxPages = 2 })
	names, errs := collect(p)
	if diff := cmp.Diff([]string{"a", "b"}, names); diff != "" || len(errs) != 0 {
		t.Errorf("records (-want +got):\n%s\nerrors: %v", diff, errs)
	}
	if srv.Count() != 2 || p.HasMorePages() {
		t.Errorf("%d requests, HasMorePages %v; want 2, false", srv.Count(), p.HasMorePages())
	}
}

func TestPaginatorErrorOnLaterPage(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("t1"), "a", "b"), page(aws.String("t2"), "c"),
		testutil.Response{Status: 400, Body: `{"__type":"InvalidInputException","message":"The page token is not valid."}`},
		page(nil, "never"))
	p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil)
	names, errs := collect(p)
	if diff := cmp.Diff([]string{"a", "b", "c"}, names); diff != "" {
		t.Errorf("records before the error (-want +got):\n%s", diff)
	}
	var invalid *types.InvalidInputException
	if len(errs) != 1 || !errors.As(errs[0], &invalid) {
		t.Fatalf("errors %v, want one *types.InvalidInputException", errs)
	}
	if srv.Count() != 3 {
		t.Errorf("%d requests, want 3", srv.Count())
	}
}

func TestPaginatorBreak(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name         string
		stopAfter    int
		wantRequests int
	}{
		{"inside the first page", 1, 1},
		{"at the end of the first page", 3, 1},
		{"first record of the second page", 4, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := testutil.NewServer(t, page(aws.String("t1"), "a", "b", "c"), page(aws.String("t2"), "d", "e"), page(nil, "f"))
			p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil)
			var names []string
			for record, err := range p.All(context.Background()) {
				must(t, err)
				names = append(names, aws.ToString(record.Name))
				if len(names) == tc.stopAfter {
					break
				}
			}
			if len(names) != tc.stopAfter || srv.Count() != tc.wantRequests {
				t.Errorf("%d records, %d requests; want %d, %d", len(names), srv.Count(), tc.stopAfter, tc.wantRequests)
			}
		})
	}
}

func TestPaginatorAllContinuesAfterBreak(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("t1"), "a", "b"), page(nil, "c"))
	p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil)
	for range p.All(context.Background()) {
		break
	}
	names, errs := collect(p)
	if diff := cmp.Diff([]string{"c"}, names); diff != "" || len(errs) != 0 {
		t.Errorf("records of the second loop (-want +got):\n%s\nerrors: %v", diff, errs)
	}
}

func TestPaginatorContextCancelledBetweenPages(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("t1"), "a", "b"), page(nil, "c"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), nil)
	var names []string
	var errs []error
	for record, err := range p.All(ctx) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		names = append(names, aws.ToString(record.Name))
		if len(names) == 2 {
			cancel()
		}
	}
	if diff := cmp.Diff([]string{"a", "b"}, names); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("errors %v, want one matching context.Canceled", errs)
	}
	var opErr *smithy.OperationError
	if len(errs) == 1 && !errors.As(errs[0], &opErr) {
		t.Errorf("error %v is not a *smithy.OperationError", errs[0])
	}
	if srv.Count() != 1 {
		t.Errorf("%d requests, want 1", srv.Count())
	}
}

func TestPaginatorKeepsParams(t *testing.T) {
	t.Parallel()
	srv := testutil.NewServer(t, page(aws.String("t1"), "a"), page(nil, "b"))
	params := &GetExportSnapshotRecordsInput{PageToken: aws.String("start")}
	want := &GetExportSnapshotRecordsInput{PageToken: aws.String("start")}
	p := NewGetExportSnapshotRecordsPaginator(newTestClient(srv.Endpoint()), params)
	_, errs := collect(p)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if diff := cmp.Diff(want, params); diff != "" {
		t.Errorf("params changed (-want +got):\n%s", diff)
	}
	// The paginator works on its own copy: changing params afterwards has
	// no effect on it.
	srv2 := testutil.NewServer(t, page(nil, "x"))
	p2 := NewGetExportSnapshotRecordsPaginator(newTestClient(srv2.Endpoint()), params)
	params.PageToken = aws.String("changed")
	_, errs = collect(p2)
	if diff := cmp.Diff([]string{"start"}, sentTokens(t, srv2)); diff != "" || len(errs) != 0 {
		t.Errorf("tokens sent (-want +got):\n%s\nerrors: %v", diff, errs)
	}
}

func TestPaginatorWithFakeClient(t *testing.T) {
	t.Parallel()
	var tokens []string
	var optCounts []int
	client := fakeClient(func(_ context.Context, token string, optFns []func(*Options)) (*GetExportSnapshotRecordsOutput, error) {
		tokens = append(tokens, token)
		optCounts = append(optCounts, len(optFns))
		if token == "" {
			return &GetExportSnapshotRecordsOutput{
				ExportSnapshotRecords: []types.ExportSnapshotRecord{{Name: aws.String("r1")}},
				NextPageToken:         aws.String("next"),
			}, nil
		}
		return nil, errors.New("service unavailable")
	})
	p := NewGetExportSnapshotRecordsPaginator(client, nil)
	var names []string
	var errs []error
	for record, err := range p.All(context.Background(), func(*Options) {}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		names = append(names, aws.ToString(record.Name))
	}
	if diff := cmp.Diff([]string{"r1"}, names); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || errs[0].Error() != "service unavailable" {
		t.Errorf("errors %v, want one", errs)
	}
	if diff := cmp.Diff([]string{"", "next"}, tokens); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 1}, optCounts); diff != "" {
		t.Errorf("options passed per request (-want +got):\n%s", diff)
	}
}

func TestPaginatorNilPage(t *testing.T) {
	t.Parallel()
	client := fakeClient(func(context.Context, string, []func(*Options)) (*GetExportSnapshotRecordsOutput, error) {
		return nil, nil
	})
	p := NewGetExportSnapshotRecordsPaginator(client, nil)
	names, errs := collect(p)
	if len(names) != 0 || len(errs) != 0 || p.HasMorePages() {
		t.Errorf("records %v, errors %v, HasMorePages %v; want none, none, false", names, errs, p.HasMorePages())
	}
}

// TestPaginatorMisuse builds paginators with a nil client and with a nil
// option function: the first NextPage fails with an error naming the
// mistake, without a request, and ends the pagination.
func TestPaginatorMisuse(t *testing.T) {
	t.Parallel()
	requests := 0
	client := fakeClient(func(context.Context, string, []func(*Options)) (*GetExportSnapshotRecordsOutput, error) {
		requests++
		return &GetExportSnapshotRecordsOutput{}, nil
	})
	cases := map[string]struct {
		paginator *GetExportSnapshotRecordsPaginator
		want      string
	}{
		"nil client": {NewGetExportSnapshotRecordsPaginator(nil, nil), "NewGetExportSnapshotRecordsPaginator: the client is nil"},
		"nil option": {NewGetExportSnapshotRecordsPaginator(client, nil, func(o *GetExportSnapshotRecordsPaginatorOptions) { o.MaxPages = 2 }, nil),
			"NewGetExportSnapshotRecordsPaginator: option function 1 is nil"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := c.paginator.NextPage(context.Background())
			if err == nil || err.Error() != c.want {
				t.Errorf("NextPage error %v, want %q", err, c.want)
			}
			if c.paginator.HasMorePages() {
				t.Error("HasMorePages after the error, want false")
			}
		})
	}
	if requests != 0 {
		t.Errorf("%d requests made", requests)
	}
}

// TestTokenCycleDetection checks the repeated-token guard on sequences
// that enter a cycle after a prefix: the repeat is always found, within
// about two turns of the cycle after entering it, and distinct tokens are
// never reported.
func TestTokenCycleDetection(t *testing.T) {
	t.Parallel()
	for prefix := 0; prefix <= 20; prefix++ {
		for cycle := 1; cycle <= 40; cycle++ {
			var c tokenCycle
			detectedAt := -1
			for i := 0; i < 10*(prefix+cycle)+10; i++ {
				index := i
				if i >= prefix {
					index = prefix + (i-prefix)%cycle
				}
				if c.seen(strconv.Itoa(index)) {
					detectedAt = i
					break
				}
			}
			if detectedAt < prefix+cycle || detectedAt > 2*(prefix+cycle)+cycle {
				t.Errorf("prefix %d, cycle %d: repeat found at token %d", prefix, cycle, detectedAt)
			}
		}
	}
	var c tokenCycle
	for i := range 100000 {
		if c.seen(strconv.Itoa(i)) {
			t.Fatalf("distinct token %d reported as a repeat", i)
		}
	}
}
