// Command paging walks through Lightsail export snapshot records, first page
// by page with the paginator, then record by record with its iterator,
// against a local emulator started in-process or, with -aws, against AWS.
//
//	go run ./examples/paging
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/examples/internal/env"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/lightsail/types"
)

func main() {
	if err := run(context.Background(), os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, out io.Writer, args []string) error {
	var shared env.Flags
	fs := flag.NewFlagSet("paging", flag.ContinueOnError)
	fs.SetOutput(out)
	shared.Register(fs)
	if run, err := env.Parse(fs, args); !run {
		return err
	}
	cfg, stop, err := shared.Config(ctx)
	if err != nil {
		return err
	}
	defer stop()
	client := lightsail.NewFromConfig(cfg)

	// Page by page: HasMorePages and NextPage, like the official paginators.
	pages := lightsail.NewGetExportSnapshotRecordsPaginator(client, &lightsail.GetExportSnapshotRecordsInput{})
	for n := 1; pages.HasMorePages(); n++ {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "page %d: %d records\n", n, len(page.ExportSnapshotRecords))
	}

	// Record by record: the iterator fetches pages as the loop needs them.
	total, failed := 0, 0
	records := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	for record, err := range records.All(ctx) {
		if err != nil {
			return err
		}
		total++
		if record.State == types.RecordStateFailed {
			failed++
		}
	}
	fmt.Fprintf(out, "%d records, %d of them failed exports\n", total, failed)

	// Breaking out of the loop stops the requests.
	first := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	for record, err := range first.All(ctx) {
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "first record: %s (%s)\n", aws.ToString(record.Name), record.State)
		break
	}
	return nil
}
