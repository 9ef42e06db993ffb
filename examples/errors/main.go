// Command errors shows what a program learns from each kind of failed
// call: the Go type of the error, its code, message and fault, the field
// paths of invalid input (found by the client before anything is sent, or
// by the service), the members a typed error carries, and the operation,
// HTTP status and request ID around every service error. It runs against a
// local emulator started in-process or, with -aws, against AWS: the calls
// name resources that a normal account does not have, so they fail there
// too, with the errors AWS gives.
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
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/examples/internal/env"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	neptunetypes "github.com/awssnap/awssnap/neptunegraph/types"
	"github.com/awssnap/awssnap/partnercentral"
	partnertypes "github.com/awssnap/awssnap/partnercentral/types"
)

func main() {
	if err := run(context.Background(), os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, out io.Writer, args []string) error {
	var shared env.Flags
	fs := flag.NewFlagSet("errors", flag.ContinueOnError)
	fs.SetOutput(out)
	shared.Register(fs)
	if run, err := env.Parse(fs, args); !run {
		return err
	}
	cfg, stop, err := shared.Config(ctx)
	if err != nil {
		return err
	}
	defer stop()
	graphs := neptunegraph.NewFromConfig(cfg)

	// 1. Bad input never leaves the client: every violation is reported at
	// once, each with the path of its field.
	fmt.Fprintln(out, "Neptune Analytics CreateGraphSnapshot with bad input (nothing is sent):")
	_, err = graphs.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("graph-1"),
		SnapshotName:    aws.String("gs-Nightly"),
	})
	describe(out, err)

	// 2. A typed service error, found with errors.As.
	fmt.Fprintln(out, "MemoryDB CopySnapshot of a snapshot that does not exist:")
	_, err = memorydb.NewFromConfig(cfg).CopySnapshot(ctx, &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String("no-such-snapshot"),
		TargetSnapshotName: aws.String("copy"),
	})
	describe(out, err)

	// 3. A typed error with a member of its own.
	fmt.Fprintln(out, "Neptune Analytics CreateGraphSnapshot with a name that is taken:")
	_, err = graphs.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String("g-abcde12345"),
		SnapshotName:    aws.String("seed-snapshot"),
	})
	describe(out, err)
	var conflict *neptunetypes.ConflictException
	if errors.As(err, &conflict) {
		fmt.Fprintf(out, "  reason:      %s\n", conflict.Reason)
	}

	// 4. Input the service refuses: with client-side checks turned off for
	// this call, the service's own validation error names the fields.
	fmt.Fprintln(out, "Partner Central CreateResourceSnapshot with bad input, checked by the service:")
	_, err = partnercentral.NewFromConfig(cfg).CreateResourceSnapshot(ctx, &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("AWS"),
		EngagementIdentifier:               aws.String("engagement-1"),
		ResourceType:                       partnertypes.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String("opportunity-1"),
		ResourceSnapshotTemplateIdentifier: aws.String("Summary"),
	}, func(o *partnercentral.Options) { o.Validation = partnercentral.ValidationOff })
	describe(out, err)
	var invalid *partnertypes.ValidationException
	if errors.As(err, &invalid) {
		fmt.Fprintf(out, "  reason:      %s\n", invalid.Reason)
		for _, field := range invalid.ErrorList {
			fmt.Fprintf(out, "  field:       %s: %s (%s)\n", aws.ToString(field.FieldName), aws.ToString(field.Message), field.Code)
		}
	}
	return nil
}

// describe prints what err tells a program: client-side validation
// problems with their field paths, or the service error's type, code,
// message and fault with the operation, HTTP status and request ID.
func describe(out io.Writer, err error) {
	var invalid smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		fmt.Fprintf(out, "  type:        %T, %d problems\n", invalid, invalid.Len())
		for _, problem := range invalid.Errs() {
			var param smithy.InvalidParamError
			if !errors.As(problem, &param) {
				fmt.Fprintf(out, "  problem:     %v\n", problem)
				continue
			}
			field := param.Field()
			fmt.Fprintf(out, "  field:       %s: %s\n", field, strings.TrimPrefix(param.Error(), field+": "))
		}
		return
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		fmt.Fprintf(out, "  not an API error: %v\n", err)
		return
	}
	fmt.Fprintf(out, "  type:        %T of %s\n", api, reflect.TypeOf(api).Elem().PkgPath())
	fmt.Fprintf(out, "  code:        %s\n", api.ErrorCode())
	fmt.Fprintf(out, "  message:     %s\n", api.ErrorMessage())
	fmt.Fprintf(out, "  fault:       %s\n", api.ErrorFault())
	var operation *smithy.OperationError
	if errors.As(err, &operation) {
		fmt.Fprintf(out, "  operation:   %s %s\n", operation.Service(), operation.Operation())
	}
	var response *awshttp.ResponseError
	if errors.As(err, &response) {
		fmt.Fprintf(out, "  HTTP status: %d\n", response.HTTPStatusCode())
		fmt.Fprintf(out, "  request ID:  %s\n", response.ServiceRequestID())
	}
}
