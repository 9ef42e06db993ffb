// Command ours snapshots a Neptune Analytics graph with awssnap's client;
// it exists to measure the size of a program using it (see size.sh).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/neptunegraph"
)

func main() {
	client := neptunegraph.New(neptunegraph.Options{
		Region:      os.Getenv("AWS_REGION"),
		Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""),
	})
	out, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String(os.Args[1]),
		SnapshotName:    aws.String(os.Args[2]),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(aws.ToString(out.Id), out.Status)
}
