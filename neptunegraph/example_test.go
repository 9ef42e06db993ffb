package neptunegraph_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// exampleClient returns a client of a local emulator, so the examples run
// without an AWS account. Against AWS, build the client with
// neptunegraph.NewFromConfig(cfg) from config.LoadDefaultConfig instead.
func exampleClient() (*neptunegraph.Client, func()) {
	srv, err := emulator.Start(emulator.Config{})
	if err != nil {
		log.Fatal(err)
	}
	client := neptunegraph.New(neptunegraph.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
	})
	return client, func() { _ = srv.Close() }
}

func ExampleClient_CreateGraphSnapshot() {
	client, stop := exampleClient()
	defer stop()

	out, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-1"),
		Tags:            map[string]string{"team": "graph", "env": "prod"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*out.Name, out.Status, *out.SourceGraphId)
	// Output: nightly-1 CREATING g-abcde12345
}

func ExampleClient_CreateGraphSnapshot_conflict() {
	client, stop := exampleClient()
	defer stop()

	_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("seed-snapshot"), // taken
	})
	var conflict *types.ConflictException
	if errors.As(err, &conflict) {
		fmt.Println(conflict.ErrorCode(), conflict.Reason)
		fmt.Println(conflict.ErrorMessage())
	}
	// Output:
	// ConflictException CONCURRENT_MODIFICATION
	// A graph snapshot named seed-snapshot already exists.
}

func ExampleClient_CreateGraphSnapshot_notFound() {
	client, stop := exampleClient()
	defer stop()

	_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-0000000000"),
		SnapshotName:    aws.String("nightly-1"),
	})
	var notFound *types.ResourceNotFoundException
	if errors.As(err, &notFound) {
		fmt.Println(notFound.ErrorMessage())
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Println("fault:", apiErr.ErrorFault())
	}
	// Output:
	// Graph g-0000000000 does not exist.
	// fault: client
}

// With client-side checks turned off, the service's own
// ValidationException comes back, with its reason.
func ExampleClient_CreateGraphSnapshot_serviceValidation() {
	client, stop := exampleClient()
	defer stop()

	_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("gs-reserved"),
	}, func(o *neptunegraph.Options) { o.Validation = neptunegraph.ValidationOff })
	var invalid *types.ValidationException
	if errors.As(err, &invalid) {
		fmt.Println(invalid.ErrorCode(), invalid.Reason)
	}
	// Output: ValidationException CONSTRAINT_VIOLATION
}

// The input is checked before anything is sent: every violation comes back
// at once, naming the field.
func ExampleCreateGraphSnapshotInput_Validate() {
	in := &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("graph-1"),
		SnapshotName:    aws.String("gs-nightly"),
		Tags:            map[string]string{"cost center": "42"},
	}
	var invalid smithy.InvalidParamsError
	if err := in.Validate(); errors.As(err, &invalid) {
		fmt.Print(invalid.Error())
	}
	// Output:
	// 3 validation error(s) found.
	// - CreateGraphSnapshotInput.GraphIdentifier: value "graph-1" does not match the pattern ^g-[a-z0-9]{10}$
	// - CreateGraphSnapshotInput.SnapshotName: value "gs-nightly" does not match the pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
	// - CreateGraphSnapshotInput.Tags["cost center"]: value "cost center" does not match the pattern ^[a-zA-Z+-=._:/]+$
}
