// Command plain snapshots a Neptune Analytics graph with net/http, encoding/json and
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
	body, _ := json.Marshal(map[string]string{"graphIdentifier": os.Args[1], "snapshotName": os.Args[2]})
	req, err := http.NewRequest(http.MethodPost, "https://neptune-graph."+region+".amazonaws.com/snapshots", bytes.NewReader(body))
	if err != nil {
		fail(err)
	}
	req.Header.Set("Content-Type", "application/json")
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY")}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "neptune-graph", region, time.Now()); err != nil {
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
	if resp.StatusCode/100 != 2 {
		fail(fmt.Errorf("status %d: %s", resp.StatusCode, data))
	}
	var out struct {
		ID     *string `json:"id"`
		Status string  `json:"status"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		fail(err)
	}
	fmt.Println(aws.ToString(out.ID), out.Status)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
