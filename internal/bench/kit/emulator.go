package kit

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awssnap/awssnap/internal/emulator"
)

// EmulatorCredentials are the credentials the emulator accepts.
var EmulatorCredentials = credentials.NewStaticCredentialsProvider(emulator.AccessKeyID, emulator.SecretAccessKey, "")

// StartEmulator serves a new emulator with cfg for the test's lifetime and
// returns its base endpoint, with a path prefix.
func StartEmulator(t testing.TB, cfg emulator.Config) (*emulator.Server, *string) {
	t.Helper()
	srv, err := emulator.Start(cfg)
	if err != nil {
		t.Fatalf("start emulator: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv, aws.String(srv.URL + "/emulated")
}
