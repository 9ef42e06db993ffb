// Command ours lists Lightsail export snapshot records with the official
// client; it exists to measure the size of a program using it (see
// size.sh).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/aws/aws-sdk-go-v2/service/lightsail"
)

func main() {
	client := lightsail.New(lightsail.Options{
		Region:      os.Getenv("AWS_REGION"),
		Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""),
	})
	out, err := client.GetExportSnapshotRecords(context.Background(), &lightsail.GetExportSnapshotRecordsInput{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, record := range out.ExportSnapshotRecords {
		fmt.Println(aws.ToString(record.Name))
	}
}
