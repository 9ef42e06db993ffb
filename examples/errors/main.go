// Command errors shows how calls fail: validation errors found before
// anything is sent, typed service errors with their members, and the
// request ID and HTTP status every service error carries. It runs against a
// local emulator started in-process or, with -aws, against AWS.
//
//	go run ./examples/errors
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/examples/internal/env"
	"github.com/awssnap/awssnap/memorydb"
	memorydbtypes "github.com/awssnap/awssnap/memorydb/types"
	"github.com/awssnap/awssnap/neptunegraph"
	neptunetypes "github.com/awssnap/awssnap/neptunegraph/types"
)

func main() {
	if err := run(context.Background(), os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, out io.Writer, args []string) error {
	var shared env.Flags
	fs := flag.NewFlagSet("errors", flag.ContinueOnError)
	shared.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, stop, err := shared.Config(ctx)
	if err != nil {
		return err
	}
	defer stop()
	memory := memorydb.NewFromConfig(cfg)
	graphs := neptunegraph.NewFromConfig(cfg)

	// 1. Bad input never leaves the client: every violation is reported at once.
	_, err = graphs.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("graph-1"),
		SnapshotName:    aws.String("gs-Nightly"),
	})
	var invalid smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		fmt.Fprintf(out, "validation: %d problems, nothing sent\n", invalid.Len())
		for _, problem := range invalid.Errs() {
			fmt.Fprintf(out, "  %v\n", problem)
		}
	}

	// 2. A typed service error, found with errors.As.
	_, err = memory.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("no-such-snapshot"),
		TargetSnapshotName: aws.String("copy"),
	})
	var notFound *memorydbtypes.SnapshotNotFoundFault
	if errors.As(err, &notFound) {
		fmt.Fprintf(out, "MemoryDB: %s: %s\n", notFound.ErrorCode(), notFound.ErrorMessage())
	}
	var response *awshttp.ResponseError
	if errors.As(err, &response) {
		fmt.Fprintf(out, "  HTTP status %d, request ID present: %t\n", response.HTTPStatusCode(), response.ServiceRequestID() != "")
	}

	// 3. A typed error with members of its own.
	input := &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("seed-snapshot"),
	}
	_, err = graphs.CreateGraphSnapshot(ctx, input)
	var conflict *neptunetypes.ConflictException
	if errors.As(err, &conflict) {
		fmt.Fprintf(out, "Neptune Analytics: %s (fault: %s)\n", conflict.ErrorCode(), conflict.ErrorFault())
	}

	// 4. Any API error, typed or not, answers the smithy.APIError questions.
	var api smithy.APIError
	if errors.As(err, &api) {
		fmt.Fprintf(out, "as smithy.APIError: code %s, message mentions the name: %t\n",
			api.ErrorCode(), strings.Contains(api.ErrorMessage(), "seed-snapshot"))
	}
	return nil
}
