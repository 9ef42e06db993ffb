// Command ours revises a DataZone asset with the official client; it exists to
// measure the size of a program using it (see size.sh).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/aws/aws-sdk-go-v2/service/datazone"
)

func main() {
	client := datazone.New(datazone.Options{
		Region:      os.Getenv("AWS_REGION"),
		Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""),
	})
	out, err := client.CreateAssetRevision(context.Background(), &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String(os.Args[1]),
		Identifier:       aws.String(os.Args[2]),
		Name:             aws.String(os.Args[3]),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(aws.ToString(out.Revision))
}
