package partnercentral_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// exampleClient returns a client of a local emulator, so the examples run
// without an AWS account. Against AWS, build the client with
// partnercentral.NewFromConfig(cfg) from config.LoadDefaultConfig, with
// the region set to us-east-1, the only region the service is served in.
func exampleClient() (*partnercentral.Client, func()) {
	srv, err := emulator.Start(emulator.Config{})
	if err != nil {
		log.Fatal(err)
	}
	client := partnercentral.New(partnercentral.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
	})
	return client, func() { _ = srv.Close() }
}

func ExampleClient_CreateResourceSnapshot() {
	client, stop := exampleClient()
	defer stop()

	// ClientToken is left nil: the client fills it for this call, and
	// sends the same token if it has to retry.
	out, err := client.CreateResourceSnapshot(context.Background(), &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		EngagementIdentifier:               aws.String(emulator.SeedPartnerCentralEngagement),
		ResourceType:                       types.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String(emulator.SeedPartnerCentralOpportunity),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummary"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*out.Arn)
	fmt.Println("revision", *out.Revision)
	// Output:
	// arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/engagement/eng-0123456789abcd/resource/Opportunity/O1234567/template/OpportunitySummary/resource-snapshot/1
	// revision 1
}

func ExampleClient_CreateResourceSnapshot_idempotency() {
	client, stop := exampleClient()
	defer stop()

	in := &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		EngagementIdentifier:               aws.String(emulator.SeedPartnerCentralEngagement),
		ResourceType:                       types.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String(emulator.SeedPartnerCentralOpportunity),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummary"),
		ClientToken:                        aws.String("4bb5d4a4-8d3b-4a1c-9f0e-2a6c1e7d5b31"),
	}
	// The same token makes the second call a replay of the first.
	for range 2 {
		out, err := client.CreateResourceSnapshot(context.Background(), in)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("revision", *out.Revision)
	}
	// Output:
	// revision 1
	// revision 1
}

func ExampleClient_CreateResourceSnapshot_validationException() {
	client, stop := exampleClient()
	defer stop()

	// Client-side checks are turned off for this call, so that the
	// service itself refuses the malformed engagement identifier.
	_, err := client.CreateResourceSnapshot(context.Background(), &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		EngagementIdentifier:               aws.String("eng-123"),
		ResourceType:                       types.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String(emulator.SeedPartnerCentralOpportunity),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummary"),
	}, func(o *partnercentral.Options) { o.Validation = partnercentral.ValidationOff })

	var invalid *types.ValidationException
	if errors.As(err, &invalid) {
		fmt.Println(invalid.Reason)
		for _, field := range invalid.ErrorList {
			fmt.Println(aws.ToString(field.FieldName), field.Code)
		}
	}
	// Output:
	// REQUEST_VALIDATION_FAILED
	// EngagementIdentifier INVALID_STRING_FORMAT
}

func ExampleClient_CreateResourceSnapshot_resourceNotFound() {
	client, stop := exampleClient()
	defer stop()

	_, err := client.CreateResourceSnapshot(context.Background(), &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		EngagementIdentifier:               aws.String("eng-00000000000000"),
		ResourceType:                       types.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String(emulator.SeedPartnerCentralOpportunity),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummary"),
	})
	var notFound *types.ResourceNotFoundException
	if errors.As(err, &notFound) {
		fmt.Println(notFound.ErrorCode()+":", notFound.ErrorMessage())
	}
	// Output:
	// ResourceNotFoundException: Engagement eng-00000000000000 not found in catalog AWS.
}

func ExampleCreateResourceSnapshotInput_Validate() {
	in := &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		EngagementIdentifier:               aws.String("eng-123"),
		ResourceType:                       types.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String("O1234567"),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummary"),
	}
	// A call checks the same constraints and sends nothing when one breaks.
	if err := in.Validate(); err != nil {
		fmt.Print(err)
	}
	// Output:
	// 1 validation error(s) found.
	// - CreateResourceSnapshotInput.EngagementIdentifier: value "eng-123" does not match the pattern ^eng-[0-9a-z]{14}$
}
