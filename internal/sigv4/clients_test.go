package sigv4_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
)

// resigner is an HTTP client that checks each request it is sent: it
// signs a copy of it, as it was before signing, with aws/signer/v4 at the
// same time, and requires the same headers, host and URL. It answers 200
// with an empty JSON object.
type resigner struct {
	t                testing.TB
	service, region  string
	credentials      aws.Credentials
	checked, session int
}

func (s *resigner) Do(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	signingTime, err := time.Parse("20060102T150405Z", req.Header.Get("X-Amz-Date"))
	if err != nil {
		s.t.Fatalf("X-Amz-Date: %v", err)
	}
	before := req.Clone(context.Background())
	for _, name := range []string{"X-Amz-Date", "X-Amz-Security-Token", "Authorization"} {
		delete(before.Header, name)
	}
	if err := v4.NewSigner().SignHTTP(context.Background(), s.credentials, before, hex.EncodeToString(sum[:]),
		s.service, s.region, signingTime); err != nil {
		s.t.Fatal(err)
	}
	if diff := cmp.Diff(before.Header, req.Header); diff != "" {
		s.t.Fatalf("%s %s: headers (-official +sent):\n%s", req.Method, req.URL, diff)
	}
	if before.Host != req.Host || before.URL.String() != req.URL.String() {
		s.t.Fatalf("host %q URL %q, official %q %q", req.Host, req.URL, before.Host, before.URL)
	}
	s.checked++
	if req.Header.Get("X-Amz-Security-Token") != "" {
		s.session++
	}
	answer := "{}"
	if req.Header.Get("Smithy-Protocol") == "rpc-v2-cbor" {
		answer = "\xbf\xff" // an empty map
	}
	return &http.Response{StatusCode: 200, Header: http.Header{"X-Amzn-Requestid": {"req-1"}},
		Body: io.NopCloser(strings.NewReader(answer)), ContentLength: int64(len(answer)), Request: req}, nil
}

// secretLogger fails the test when a message shows a secret.
type secretLogger struct {
	t       testing.TB
	secrets []string
	count   int
}

func (l *secretLogger) Logf(_ logging.Classification, format string, v ...interface{}) {
	message := fmt.Sprintf(format, v...)
	l.count++
	for _, secret := range l.secrets {
		if secret != "" && strings.Contains(message, secret) {
			l.t.Fatalf("a log message shows a secret:\n%s", message)
		}
	}
}

// settings are the client settings that change what is signed.
type settings struct {
	region, endpoint, appID string
	maxAttempts             int
	credentials             aws.Credentials
}

func randomSettings(r *rand.Rand) settings {
	s := settings{
		region:      []string{"us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1", "cn-north-1"}[r.IntN(5)],
		endpoint:    []string{"", "", "https://vpce-1.example.com", "https://proxy.example.com:8443/base/path", "http://127.0.0.1:4566", "https://host.example:443/a%20b/"}[r.IntN(6)],
		appID:       []string{"", "my-app"}[r.IntN(2)],
		maxAttempts: r.IntN(6),
		credentials: aws.Credentials{AccessKeyID: fmt.Sprintf("AKID%06d", r.IntN(1e6)), SecretAccessKey: fmt.Sprintf("secret/%08d+key", r.IntN(1e8))},
	}
	if r.IntN(2) == 0 {
		s.credentials.SessionToken = strings.Repeat(fmt.Sprintf("tok%d/+=", r.IntN(1000)), 1+r.IntN(80))
	}
	return s
}

func randomLabel(r *rand.Rand) string {
	const chars = "aZ09-._~ /+%?#&=;:@!$'()*,[]é😀"
	runes := []rune(chars)
	var b strings.Builder
	for n := 1 + r.IntN(16); n > 0; n-- {
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	if s := b.String(); s != "." && s != ".." {
		return s
	}
	return "x"
}

// TestClientsSignAsOfficial makes calls of the five operations with
// generated inputs and settings (regions, endpoints with paths and ports,
// application IDs, attempt limits, session credentials, signing logs)
// and checks every request sent against aws/signer/v4.
func TestClientsSignAsOfficial(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	ctx := context.Background()
	checked := 0
	for i := 0; i < 300; i++ {
		s := randomSettings(r)
		logs := &secretLogger{t: t, secrets: []string{s.credentials.SecretAccessKey, s.credentials.SessionToken}}
		provider := credentials.NewStaticCredentialsProvider(s.credentials.AccessKeyID, s.credentials.SecretAccessKey, s.credentials.SessionToken)
		var endpoint *string
		if s.endpoint != "" {
			endpoint = aws.String(s.endpoint)
		}
		label := randomLabel(r)
		var sent *resigner
		switch i % 5 {
		case 0:
			sent = &resigner{t: t, service: "memorydb", region: s.region, credentials: s.credentials}
			client := memorydb.New(memorydb.Options{Region: s.region, Credentials: provider, BaseEndpoint: endpoint, AppID: s.appID,
				RetryMaxAttempts: s.maxAttempts, HTTPClient: sent, Logger: logs, ClientLogMode: aws.LogSigning, Validation: memorydb.ValidationOff})
			_, err := client.CopySnapshot(ctx, &memorydb.CopySnapshotInput{SourceSnapshotName: aws.String(label), TargetSnapshotName: aws.String("t")})
			check(t, err)
		case 1:
			sent = &resigner{t: t, service: "lightsail", region: s.region, credentials: s.credentials}
			client := lightsail.New(lightsail.Options{Region: s.region, Credentials: provider, BaseEndpoint: endpoint, AppID: s.appID,
				RetryMaxAttempts: s.maxAttempts, HTTPClient: sent, Logger: logs, ClientLogMode: aws.LogSigning})
			_, err := client.GetExportSnapshotRecords(ctx, &lightsail.GetExportSnapshotRecordsInput{PageToken: aws.String(label)})
			check(t, err)
		case 2:
			sent = &resigner{t: t, service: "partnercentral-selling", region: s.region, credentials: s.credentials}
			client := partnercentral.New(partnercentral.Options{Region: s.region, Credentials: provider, BaseEndpoint: endpoint, AppID: s.appID,
				RetryMaxAttempts: s.maxAttempts, HTTPClient: sent, Logger: logs, ClientLogMode: aws.LogSigning, Validation: partnercentral.ValidationOff})
			_, err := client.CreateResourceSnapshot(ctx, &partnercentral.CreateResourceSnapshotInput{Catalog: aws.String("AWS"),
				EngagementIdentifier: aws.String(label), ResourceIdentifier: aws.String("r"), ResourceSnapshotTemplateIdentifier: aws.String("t")})
			check(t, err)
		case 3:
			sent = &resigner{t: t, service: "neptune-graph", region: s.region, credentials: s.credentials}
			client := neptunegraph.New(neptunegraph.Options{Region: s.region, Credentials: provider, BaseEndpoint: endpoint, AppID: s.appID,
				RetryMaxAttempts: s.maxAttempts, HTTPClient: sent, Logger: logs, ClientLogMode: aws.LogSigning, Validation: neptunegraph.ValidationOff})
			_, err := client.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{GraphIdentifier: aws.String(label), SnapshotName: aws.String("s")})
			check(t, err)
		case 4:
			sent = &resigner{t: t, service: "datazone", region: s.region, credentials: s.credentials}
			client := datazone.New(datazone.Options{Region: s.region, Credentials: provider, BaseEndpoint: endpoint, AppID: s.appID,
				RetryMaxAttempts: s.maxAttempts, HTTPClient: sent, Logger: logs, ClientLogMode: aws.LogSigning, Validation: datazone.ValidationOff})
			_, err := client.CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{DomainIdentifier: aws.String(label),
				Identifier: aws.String(randomLabel(r)), Name: aws.String("n")})
			check(t, err)
		}
		if sent.checked != 1 || logs.count == 0 {
			t.Fatalf("case %d: %d requests checked, %d log messages", i, sent.checked, logs.count)
		}
		checked++
	}
	if checked != 300 {
		t.Fatalf("checked %d calls", checked)
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
