package lightsail_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/lightsail/types"
)

// exampleClient returns a client of a local emulator holding 250 export
// snapshot records served 100 to a page, so the examples run without an
// AWS account. Against AWS, build the client with
// lightsail.NewFromConfig(cfg) from config.LoadDefaultConfig instead.
func exampleClient() (*lightsail.Client, func()) {
	srv, err := emulator.Start(emulator.Config{})
	if err != nil {
		log.Fatal(err)
	}
	client := lightsail.New(lightsail.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
	})
	return client, func() { _ = srv.Close() }
}

func ExampleClient_GetExportSnapshotRecords() {
	client, stop := exampleClient()
	defer stop()

	out, err := client.GetExportSnapshotRecords(context.Background(), &lightsail.GetExportSnapshotRecordsInput{})
	if err != nil {
		log.Fatal(err)
	}
	first := out.ExportSnapshotRecords[0]
	fmt.Println(len(out.ExportSnapshotRecords), "records; more:", out.NextPageToken != nil)
	fmt.Println(*first.Name, first.State, first.SourceInfo.ResourceType, *first.DestinationInfo.Service)
	fmt.Println(first.CreatedAt.Format("2006-01-02 15:04:05 MST"))
	// Output:
	// 100 records; more: true
	// export-snapshot-record-0000 Succeeded InstanceSnapshot Aws::EC2::Image
	// 2026-01-01 00:00:00 UTC
}

func ExampleGetExportSnapshotRecordsPaginator_NextPage() {
	client, stop := exampleClient()
	defer stop()

	paginator := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("page of", len(page.ExportSnapshotRecords), "records")
	}
	// Output:
	// page of 100 records
	// page of 100 records
	// page of 50 records
}

func ExampleGetExportSnapshotRecordsPaginator_All() {
	client, stop := exampleClient()
	defer stop()

	paginator := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	failed := 0
	for record, err := range paginator.All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		if record.State == types.RecordStateFailed {
			failed++
		}
	}
	fmt.Println(failed, "failed exports")
	// Output: 25 failed exports
}

func ExampleGetExportSnapshotRecordsPaginator_All_break() {
	client, stop := exampleClient()
	defer stop()

	// Breaking out of the loop stops the paginator: no further page is
	// requested.
	paginator := lightsail.NewGetExportSnapshotRecordsPaginator(client, nil)
	for record, err := range paginator.All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		if record.SourceInfo.ResourceType == types.ExportSnapshotRecordSourceTypeDiskSnapshot {
			fmt.Println("first disk snapshot export:", *record.Name)
			break
		}
	}
	// Output: first disk snapshot export: export-snapshot-record-0001
}

func ExampleClient_GetExportSnapshotRecords_typedErrors() {
	client, stop := exampleClient()
	defer stop()

	_, err := client.GetExportSnapshotRecords(context.Background(), &lightsail.GetExportSnapshotRecordsInput{
		PageToken: aws.String("not-a-token"),
	})
	var invalid *types.InvalidInputException
	if errors.As(err, &invalid) {
		fmt.Println(invalid.ErrorCode(), "-", invalid.ErrorMessage())
		fmt.Println("code:", aws.ToString(invalid.Code), "fault:", invalid.ErrorFault())
	}
	// Output:
	// InvalidInputException - The page token is not valid.
	// code: InvalidInput fault: client
}

// stubClient stands in for *lightsail.Client in tests of code that lists
// export snapshot records: it answers with two fixed pages.
type stubClient struct{}

func (stubClient) GetExportSnapshotRecords(_ context.Context, in *lightsail.GetExportSnapshotRecordsInput,
	_ ...func(*lightsail.Options)) (*lightsail.GetExportSnapshotRecordsOutput, error) {
	if in.PageToken == nil {
		return &lightsail.GetExportSnapshotRecordsOutput{
			ExportSnapshotRecords: []types.ExportSnapshotRecord{{Name: aws.String("first")}},
			NextPageToken:         aws.String("page-2"),
		}, nil
	}
	return &lightsail.GetExportSnapshotRecordsOutput{
		ExportSnapshotRecords: []types.ExportSnapshotRecord{{Name: aws.String("second")}},
	}, nil
}

func ExampleGetExportSnapshotRecordsAPIClient() {
	var client lightsail.GetExportSnapshotRecordsAPIClient = stubClient{}
	for record, err := range lightsail.NewGetExportSnapshotRecordsPaginator(client, nil).All(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(*record.Name)
	}
	// Output:
	// first
	// second
}
