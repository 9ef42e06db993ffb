// Command plain snapshots a Partner Central opportunity with net/http, encoding/json and
// the SDK's SigV4 signer alone; it exists to measure the size of such a
// program (see size.sh).
package main

import (
	"bytes"
	"context"
	"crypto/rand"
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
	token := make([]byte, 16)
	if _, err := rand.Read(token); err != nil {
		fail(err)
	}
	body, _ := json.Marshal(map[string]string{"Catalog": "AWS", "ClientToken": hex.EncodeToString(token),
		"EngagementIdentifier": os.Args[1], "ResourceIdentifier": os.Args[2],
		"ResourceSnapshotTemplateIdentifier": os.Args[3], "ResourceType": "Opportunity"})
	req, err := http.NewRequest(http.MethodPost, "https://partnercentral-selling."+region+".api.aws/", bytes.NewReader(body))
	if err != nil {
		fail(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "AWSPartnerCentralSelling.CreateResourceSnapshot")
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY")}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "partnercentral-selling", region, time.Now()); err != nil {
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
	var out struct{ Arn *string }
	if err := json.Unmarshal(data, &out); err != nil {
		fail(err)
	}
	fmt.Println(aws.ToString(out.Arn))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
