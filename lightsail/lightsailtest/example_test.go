package lightsailtest_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/lightsail/lightsailtest"
	"github.com/awssnap/awssnap/lightsail/types"
)

// failedExports is the code under test: it counts the exports that failed,
// going through every page.
func failedExports(ctx context.Context, client *lightsail.Client) (int, error) {
	failed := 0
	paginator := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	for record, err := range paginator.All(ctx) {
		if err != nil {
			return 0, err
		}
		if record.State == types.RecordStateFailed {
			failed++
		}
	}
	return failed, nil
}

// seedRecords seeds five records, the second and the fifth failed.
func seedRecords(server *lightsailtest.Server) error {
	var records []types.ExportSnapshotRecord
	for i, state := range []types.RecordState{"Succeeded", "Failed", "Started", "Succeeded", "Failed"} {
		records = append(records, types.ExportSnapshotRecord{Name: aws.String(fmt.Sprintf("export-%d", i)), State: state})
	}
	return server.SeedRecords(records...)
}

// A unit test seeds the records its code pages through, with a small page
// size so that paging is exercised, and checks the requests it sent.
func Example() {
	server := lightsailtest.NewServer(func(o *lightsailtest.Options) { o.PageSize = 2 })
	defer server.Close()
	if err := seedRecords(server); err != nil {
		fmt.Println(err)
		return
	}

	client := lightsail.New(lightsail.Options{}, server.ClientOptions())
	failed, err := failedExports(context.Background(), client)
	fmt.Println("failed exports:", failed, err)
	fmt.Println("pages requested:", len(server.Requests()))
	fmt.Println("records held:", len(server.Records()))
	// Output:
	// failed exports: 2 <nil>
	// pages requested: 3
	// records held: 5
}

// The first page's answer is cut short; the client's retryer asks for it
// again, so the walk still sees every record. The record of requests shows
// the cut answer with status 0.
func ExampleServer_TruncateBody() {
	server := lightsailtest.NewServer(func(o *lightsailtest.Options) { o.PageSize = 2 })
	defer server.Close()
	if err := seedRecords(server); err != nil {
		fmt.Println(err)
		return
	}
	server.TruncateBody(1)

	client := lightsail.New(lightsail.Options{}, server.ClientOptions())
	failed, err := failedExports(context.Background(), client)
	fmt.Println("failed exports:", failed, err)
	for _, request := range server.Requests() {
		fmt.Println(request.Operation, request.Status)
	}
	// Output:
	// failed exports: 2 <nil>
	// GetExportSnapshotRecords 0
	// GetExportSnapshotRecords 200
	// GetExportSnapshotRecords 200
	// GetExportSnapshotRecords 200
}
