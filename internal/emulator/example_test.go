package emulator_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/awssnap/awssnap/internal/emulator"
)

// ExampleStart serves the emulator on a loopback port, makes the next
// Lightsail request throttle, and sends two signed requests.
func ExampleStart() {
	server, err := emulator.Start(emulator.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer server.Close()
	server.Emulator.InjectFault(emulator.Fault{Kind: emulator.FaultThrottle, Operation: emulator.OpGetExportSnapshotRecords})

	credentials := aws.Credentials{AccessKeyID: emulator.AccessKeyID, SecretAccessKey: emulator.SecretAccessKey}
	for range 2 {
		body := `{}`
		req, _ := http.NewRequest(http.MethodPost, server.URL+"/", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		req.Header.Set("X-Amz-Target", "Lightsail_20161128.GetExportSnapshotRecords")
		hash := sha256.Sum256([]byte(body))
		_ = v4.NewSigner().SignHTTP(context.Background(), credentials, req, hex.EncodeToString(hash[:]),
			"lightsail", emulator.DefaultRegion, time.Now())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode)
	}
	fmt.Println(server.Emulator.RequestCount(emulator.OpGetExportSnapshotRecords), "requests")
	// Output:
	// 400
	// 200
	// 2 requests
}
