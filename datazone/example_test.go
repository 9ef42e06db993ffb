package datazone_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/emulator"
)

// This example revises an asset of the in-process emulator, which serves
// the operation as DataZone does, with no AWS account.
func ExampleClient_CreateAssetRevision() {
	server, err := emulator.Start(emulator.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer server.Close()

	client := datazone.New(datazone.Options{
		Region:       emulator.DefaultRegion,
		BaseEndpoint: aws.String(server.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
	})
	out, err := client.CreateAssetRevision(context.Background(), &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String(emulator.SeedDataZoneDomain),
		Identifier:       aws.String(emulator.SeedDataZoneAsset),
		Name:             aws.String("orders (daily)"),
		GlossaryTerms:    []string{"sales"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("asset:", aws.ToString(out.Id))
	fmt.Println("revision:", aws.ToString(out.Revision))
	fmt.Println("name:", aws.ToString(out.Name))
	fmt.Println("glossary terms:", out.GlossaryTerms)
	// Output:
	// asset: 3t2ng8cp3dqxmb
	// revision: 2
	// name: orders (daily)
	// glossary terms: [sales]
}

// cannedServer answers every request with status and body, as DataZone
// would, and is closed by the returned function.
func cannedServer(status int, errorType, body string) (*httptest.Server, func()) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-RequestId", "7b3c8f1e-example")
		if errorType != "" {
			w.Header().Set("X-Amzn-ErrorType", errorType)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	return server, server.Close
}

// This example tells a missing asset apart from other failures with
// errors.As, and reads the request ID of the failed call.
func ExampleClient_CreateAssetRevision_errors() {
	server, closeServer := cannedServer(http.StatusNotFound, "ResourceNotFoundException",
		`{"message":"Asset 3t2ng8cp3dqxmb was not found."}`)
	defer closeServer()

	client := datazone.New(datazone.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(server.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
	})
	_, err := client.CreateAssetRevision(context.Background(), &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String("dzd_4p9n6sw4qt9xgn"),
		Identifier:       aws.String("3t2ng8cp3dqxmb"),
		Name:             aws.String("orders"),
	})
	var notFound *types.ResourceNotFoundException
	if errors.As(err, &notFound) {
		fmt.Println("not found:", notFound.ErrorMessage())
	}
	var respErr *awshttp.ResponseError
	if errors.As(err, &respErr) {
		fmt.Println("status:", respErr.HTTPStatusCode(), "request ID:", respErr.ServiceRequestID())
	}
	// Output:
	// not found: Asset 3t2ng8cp3dqxmb was not found.
	// status: 404 request ID: 7b3c8f1e-example
}

// This example checks an input before sending it: every violation comes
// back at once, naming the member, and sensitive values stay out of the
// messages.
func ExampleCreateAssetRevisionInput_Validate() {
	in := &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String("4p9n6sw4qt9xgn"),
		Identifier:       aws.String("3t2ng8cp3dqxmb"),
		FormsInput:       []types.FormInput{{FormName: aws.String("1st form")}},
	}
	err := in.Validate()
	var invalid smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		for _, e := range invalid.Errs() {
			fmt.Println(e)
		}
	}
	// Output:
	// missing required field, CreateAssetRevisionInput.Name.
	// CreateAssetRevisionInput.DomainIdentifier: value "4p9n6sw4qt9xgn" does not match the pattern ^dzd[-_][a-zA-Z0-9_-]{1,36}$
	// CreateAssetRevisionInput.FormsInput[0].FormName: value (sensitive, 8 characters) does not match the pattern ^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$
}

// This example logs an input with log/slog: the sensitive members print
// as a placeholder.
func ExampleCreateAssetRevisionInput_LogValue() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("revising asset", "input", &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String("dzd_4p9n6sw4qt9xgn"),
		Identifier:       aws.String("3t2ng8cp3dqxmb"),
		Name:             aws.String("Q3 revenue forecast"),
		Description:      aws.String("Includes unannounced figures."),
	})
	// Output:
	// level=INFO msg="revising asset" input.DomainIdentifier=dzd_4p9n6sw4qt9xgn input.Identifier=3t2ng8cp3dqxmb input.Name="*** sensitive ***" input.Description="*** sensitive ***"
}
