package main

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/emulator"
	"github.com/awssnap/awssnap/memorydb"
)

func TestServeAnswersClients(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reader, writer := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, writer, []string{"-addr", "127.0.0.1:0"})
		_ = writer.Close()
	}()
	lines := bufio.NewScanner(reader)
	if !lines.Scan() {
		t.Fatal("no output")
	}
	endpoint, ok := strings.CutPrefix(lines.Text(), "emulator listening on ")
	if !ok {
		t.Fatalf("first line %q", lines.Text())
	}
	go func() { _, _ = io.Copy(io.Discard, reader) }()

	client := memorydb.New(memorydb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, ""),
	})
	out, err := client.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String(emulator.SeedMemoryDBSnapshot),
		TargetSnapshotName: aws.String("served-copy"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if *out.Snapshot.Name != "served-copy" {
		t.Errorf("snapshot %q", *out.Snapshot.Name)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
}
