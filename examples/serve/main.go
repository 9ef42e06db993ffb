// Command serve runs the local emulator of the five operations on a
// loopback address, for any client: the official AWS SDK for Go, the AWS
// CLI, or this module's clients.
//
//	go run ./examples/serve -addr 127.0.0.1:4566
//
// Point a client at it with the printed endpoint, region and credentials,
// for example:
//
//	AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... \
//	  aws memorydb copy-snapshot --endpoint-url http://127.0.0.1:4566 --region us-east-1 \
//	  --source-snapshot-name seed-snapshot-1 --target-snapshot-name my-copy
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/awssnap/awssnap/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

// run serves the emulator until ctx is done.
func run(ctx context.Context, out io.Writer, args []string) error {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := flags.String("addr", "127.0.0.1:4566", "loopback address to listen on")
	region := flags.String("region", emulator.DefaultRegion, "the region requests must be signed for")
	if err := flags.Parse(args); err != nil {
		return err
	}
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	server := &http.Server{
		Handler:           emulator.New(emulator.Config{Region: *region}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Fprintf(out, "emulator listening on http://%s\n", listener.Addr())
	fmt.Fprintf(out, "region:            %s\n", *region)
	fmt.Fprintf(out, "access key ID:     %s\n", emulator.AccessKeyID)
	fmt.Fprintf(out, "secret access key: %s\n", emulator.SecretAccessKey)
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = server.Shutdown(shutdown)
	}()
	if err := server.Serve(listener); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
