// Command plain lists Lightsail export snapshot records with net/http, encoding/json and
// the SDK's SigV4 signer alone; it exists to measure the size of such a
// program (see size.sh).
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

func main() {
	region := os.Getenv("AWS_REGION")
	body, _ := json.Marshal(map[string]string{})
	req, err := http.NewRequest(http.MethodPost, "https://lightsail."+region+".amazonaws.com/", bytes.NewReader(body))
	if err != nil {
		fail(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "Lightsail_20161128.GetExportSnapshotRecords")
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY")}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "lightsail", region, time.Now()); err != nil {
		fail(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fail(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		fail(err)
	}
	if resp.StatusCode != http.StatusOK {
		fail(fmt.Errorf("status %d: %s", resp.StatusCode, data))
	}
	var out struct {
		ExportSnapshotRecords []struct{ Name *string } `json:"exportSnapshotRecords"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		fail(err)
	}
	for _, record := range out.ExportSnapshotRecords {
		fmt.Println(aws.ToString(record.Name))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
