// Command ours snapshots a Partner Central opportunity with awssnap's
// client; it exists to measure the size of a program using it (see
// size.sh).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

func main() {
	client := partnercentral.New(partnercentral.Options{
		Region:      os.Getenv("AWS_REGION"),
		Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""),
	})
	out, err := client.CreateResourceSnapshot(context.Background(), &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		EngagementIdentifier:               aws.String(os.Args[1]),
		ResourceIdentifier:                 aws.String(os.Args[2]),
		ResourceSnapshotTemplateIdentifier: aws.String(os.Args[3]),
		ResourceType:                       types.ResourceTypeOpportunity,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(aws.ToString(out.Arn))
}
