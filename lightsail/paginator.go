package lightsail

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/awssnap/awssnap/internal/transport"
	"github.com/awssnap/awssnap/lightsail/types"
)

// ErrDuplicatePageToken is returned by NextPage, and yielded by All, when
// the service hands out a page token it handed out before, which would
// make the paginator request the same pages forever. Match it with
// errors.Is.
var ErrDuplicatePageToken = errors.New("the service returned a page token it returned before")

// GetExportSnapshotRecordsPaginatorOptions are the options of a
// GetExportSnapshotRecordsPaginator.
type GetExportSnapshotRecordsPaginatorOptions struct {
	// StopOnDuplicateToken ends the pagination with ErrDuplicatePageToken
	// when the service returns a token it returned before: the token just
	// sent, or one of an earlier cycle of tokens. It is true unless an
	// option function sets it to false; then repeated tokens are followed,
	// and only MaxPages bounds the number of requests.
	StopOnDuplicateToken bool

	// MaxPages, when positive, is the number of pages after which the
	// paginator stops as if the last page had been reached. Zero means no
	// limit.
	MaxPages int
}

// GetExportSnapshotRecordsPaginator walks the pages of
// GetExportSnapshotRecords, following nextPageToken until the service
// returns none (or an empty one).
//
// The official SDK has no paginator for this operation; this one has the
// shape of its generated paginators (HasMorePages, NextPage), stops on a
// repeated token by default, and adds All, an iterator over the records.
// A paginator is not safe for concurrent use.
type GetExportSnapshotRecordsPaginator struct {
	options   GetExportSnapshotRecordsPaginatorOptions
	client    GetExportSnapshotRecordsAPIClient
	params    GetExportSnapshotRecordsInput
	nextToken *string
	firstPage bool
	pages     int
	tokens    tokenCycle
	err       error // the error the next NextPage returns without a request
}

// NewGetExportSnapshotRecordsPaginator returns a paginator that starts at
// params.PageToken (the first page when it is nil). params is copied, never
// modified; nil means no input.
func NewGetExportSnapshotRecordsPaginator(client GetExportSnapshotRecordsAPIClient, params *GetExportSnapshotRecordsInput, optFns ...func(*GetExportSnapshotRecordsPaginatorOptions)) *GetExportSnapshotRecordsPaginator {
	p := &GetExportSnapshotRecordsPaginator{
		options:   GetExportSnapshotRecordsPaginatorOptions{StopOnDuplicateToken: true},
		client:    client,
		firstPage: true,
	}
	if params != nil {
		p.params = *params
	}
	// A nil client or option function is reported by the first NextPage,
	// which ends the pagination.
	if client == nil {
		p.err = errors.New("NewGetExportSnapshotRecordsPaginator: the client is nil")
	}
	transport.ApplyOptions(&p.options, &p.err, "NewGetExportSnapshotRecordsPaginator", optFns)
	if start := p.params.PageToken; start != nil {
		token := *start
		p.nextToken = &token
		p.tokens.seen(token)
	}
	return p
}

// HasMorePages reports whether NextPage has something to return: a page,
// or the error that ends the pagination.
func (p *GetExportSnapshotRecordsPaginator) HasMorePages() bool {
	if p.err != nil {
		return true
	}
	if p.options.MaxPages > 0 && p.pages >= p.options.MaxPages {
		return false
	}
	return p.firstPage || (p.nextToken != nil && len(*p.nextToken) != 0)
}

// NextPage retrieves the next page of export snapshot records. optFns
// apply to this request only.
//
// When the page carries a token the service returned before (and
// StopOnDuplicateToken is set), the page is returned normally and the
// following call returns an error matching ErrDuplicatePageToken without
// sending a request.
func (p *GetExportSnapshotRecordsPaginator) NextPage(ctx context.Context, optFns ...func(*Options)) (*GetExportSnapshotRecordsOutput, error) {
	if !p.HasMorePages() {
		return nil, fmt.Errorf("no more pages available")
	}
	if err := p.err; err != nil {
		p.err = nil
		p.firstPage, p.nextToken = false, nil
		return nil, err
	}
	params := p.params
	params.PageToken = p.nextToken
	result, err := p.client.GetExportSnapshotRecords(ctx, &params, optFns...)
	if err != nil {
		return nil, err
	}
	if result == nil {
		// A stand-in client may answer nothing; take it as an empty last page.
		result = &GetExportSnapshotRecordsOutput{}
	}
	p.firstPage = false
	p.pages++
	p.nextToken = nil
	if token := result.NextPageToken; token != nil && *token != "" {
		// A copy, so that the paginator does not keep the page's body alive.
		next := strings.Clone(*token)
		p.nextToken = &next
		if p.tokens.seen(next) && p.options.StopOnDuplicateToken {
			p.err = fmt.Errorf("GetExportSnapshotRecords page %d: %w", p.pages, ErrDuplicatePageToken)
		}
	}
	return result, nil
}

// All returns an iterator over the records of the remaining pages. It
// requests each page only when the records before it have been consumed,
// stops without further requests when the loop breaks, and on a failure
// yields the error once (with a zero record) and stops. optFns apply to
// every request.
//
//	for record, err := range paginator.All(ctx) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(aws.ToString(record.Name))
//	}
//
// All uses the paginator's position: a second call continues with the
// page after the last one received (the records left unread on the page
// where a loop broke off are not yielded again), or requests again the
// page that failed.
//
// The strings of a record share memory with the response it came from, so
// a record kept after the loop keeps its page's body alive; to keep a few
// records out of many pages, copy the values you need.
func (p *GetExportSnapshotRecordsPaginator) All(ctx context.Context, optFns ...func(*Options)) iter.Seq2[types.ExportSnapshotRecord, error] {
	return func(yield func(types.ExportSnapshotRecord, error) bool) {
		for p.HasMorePages() {
			page, err := p.NextPage(ctx, optFns...)
			if err != nil {
				yield(types.ExportSnapshotRecord{}, err)
				return
			}
			for i := range page.ExportSnapshotRecords {
				if !yield(page.ExportSnapshotRecords[i], nil) {
					return
				}
			}
		}
	}
}

// tokenCycle detects a page token that comes back, with constant memory:
// besides the previous token it keeps one checkpoint token, moved to the
// current token after 1, 2, 4, 8, ... pages (Brent's cycle detection). A
// token equal to the previous one is caught at once; a longer cycle of
// tokens is caught within about two turns of the cycle.
type tokenCycle struct {
	previous, checkpoint string
	started              bool
	steps, power         int
}

// seen records token and reports whether it repeats the previous token or
// the checkpoint.
func (c *tokenCycle) seen(token string) bool {
	if !c.started {
		c.started, c.previous, c.checkpoint, c.power = true, token, token, 1
		return false
	}
	if token == c.previous || token == c.checkpoint {
		return true
	}
	c.previous = token
	c.steps++
	if c.steps == c.power {
		c.checkpoint, c.steps, c.power = token, 0, 2*c.power
	}
	return false
}
