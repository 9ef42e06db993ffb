package neptunegraph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/neptunegraph/types"
)

// exampleService stands in for Neptune Analytics: it creates snapshots
// of g-abcde12345, answers ConflictException for the name "taken", and
// ResourceNotFoundException for other graphs.
func exampleService() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Amzn-RequestId", "example-request")
		switch {
		case !bytes.Contains(body, []byte(`"graphIdentifier":"g-abcde12345"`)):
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"message":"Graph not found."}`)
		case bytes.Contains(body, []byte(`"snapshotName":"taken"`)):
			w.Header().Set("X-Amzn-ErrorType", "ConflictException:http://internal.amazon.com/coral/com.amazon.coral.validate/")
			w.WriteHeader(http.StatusConflict)
			io.WriteString(w, `{"message":"A graph snapshot named taken already exists.","reason":"CONCURRENT_MODIFICATION"}`)
		default:
			w.WriteHeader(http.StatusCreated)
			io.WriteString(w, `{"id":"gs-abcde12345","name":"nightly-1",`+
				`"arn":"arn:aws:neptune-graph:us-east-1:111122223333:graph-snapshot/gs-abcde12345",`+
				`"sourceGraphId":"g-abcde12345","snapshotCreateTime":1767225600,"status":"CREATING"}`)
		}
	}))
}

// exampleClient returns a client of the stand-in service.
func exampleClient(url string) *neptunegraph.Client {
	return neptunegraph.New(neptunegraph.Options{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "SECRET", ""),
		BaseEndpoint: aws.String(url),
	})
}

func ExampleClient_CreateGraphSnapshot() {
	server := exampleService()
	defer server.Close()
	client := exampleClient(server.URL)

	out, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-1"),
		Tags:            map[string]string{"team": "graph", "env": "prod"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*out.Id, out.Status, out.SnapshotCreateTime.Format("2006-01-02"))
	// Output: gs-abcde12345 CREATING 2026-01-01
}

func ExampleClient_CreateGraphSnapshot_conflict() {
	server := exampleService()
	defer server.Close()
	client := exampleClient(server.URL)

	_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("taken"),
	})
	var conflict *types.ConflictException
	if errors.As(err, &conflict) {
		fmt.Println(conflict.ErrorCode(), conflict.Reason)
		fmt.Println(conflict.ErrorMessage())
	}
	// Output:
	// ConflictException CONCURRENT_MODIFICATION
	// A graph snapshot named taken already exists.
}

func ExampleClient_CreateGraphSnapshot_notFound() {
	server := exampleService()
	defer server.Close()
	client := exampleClient(server.URL)

	_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-0000000000"),
		SnapshotName:    aws.String("nightly-1"),
	})
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.ErrorCode()+":", apiErr.ErrorMessage())
	}
	// Output: ResourceNotFoundException: Graph not found.
}

// The input is checked before anything is sent: every violation comes back
// at once, naming the field, and no request leaves.
func ExampleClient_CreateGraphSnapshot_validation() {
	client := exampleClient("http://127.0.0.1:1") // never contacted

	_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("graph-1"),
		SnapshotName:    aws.String("gs-nightly"),
		Tags:            map[string]string{"cost center": "42"},
	})
	var invalid *smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		fmt.Print(invalid.Error())
	}
	// Output:
	// 3 validation error(s) found.
	// - CreateGraphSnapshotInput.GraphIdentifier: value "graph-1" does not match the pattern ^g-[a-z0-9]{10}$
	// - CreateGraphSnapshotInput.SnapshotName: value "gs-nightly" does not match the pattern ^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
	// - CreateGraphSnapshotInput.Tags["cost center"]: value "cost center" does not match the pattern ^[a-zA-Z+-=._:/]+$
}

// The service's own ValidationException carries a reason.
func ExampleClient_CreateGraphSnapshot_serviceValidation() {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-ErrorType", "ValidationException")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"message":"Graph g-abcde12345 is not available.","reason":"ILLEGAL_ARGUMENT"}`)
	}))
	defer server.Close()
	client := exampleClient(server.URL)

	_, err := client.CreateGraphSnapshot(context.Background(), &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("nightly-1"),
	})
	var invalid *types.ValidationException
	if errors.As(err, &invalid) && invalid.Reason == types.ValidationExceptionReasonIllegalArgument {
		fmt.Println("refused:", invalid.ErrorMessage())
	}
	// Output: refused: Graph g-abcde12345 is not available.
}
