// Package env gives the example programs an aws.Config: by default one that
// points every client at a local emulator started in-process, so the
// examples run without an AWS account; with -aws, the default credential
// chain and region, for real AWS.
package env

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/emulator"
)

// Flags are the command-line settings every example shares.
type Flags struct {
	// AWS sends the requests to AWS instead of the local emulator.
	AWS bool
}

// Register adds the shared flags to fs.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.BoolVar(&f.AWS, "aws", false, "call AWS with the default credential chain and region instead of the local emulator")
}

// Parse parses args into fs and reports whether the example should run:
// for -h, fs has printed its usage, and Parse returns false with no error.
func Parse(fs *flag.FlagSet, args []string) (bool, error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// Config returns the aws.Config the example's clients are built from, and
// a function that releases what it started.
func (f *Flags) Config(ctx context.Context) (aws.Config, func(), error) {
	if f.AWS {
		cfg, err := config.LoadDefaultConfig(ctx)
		return cfg, func() {}, err
	}
	srv, err := emulator.Start(emulator.Config{})
	if err != nil {
		return aws.Config{}, nil, fmt.Errorf("starting the local emulator: %w", err)
	}
	cfg := aws.Config{
		Region:       emulator.DefaultRegion,
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
	}
	return cfg, func() { _ = srv.Close() }, nil
}
