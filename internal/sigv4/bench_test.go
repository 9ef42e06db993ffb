package sigv4

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// benchRequests are requests as this library sends them: an awsJson call
// (MemoryDB) and a restJson call with escaped labels (DataZone).
var benchRequests = []struct {
	name, url, rawPath string
	header             http.Header
}{
	{"awsJson", "https://memory-db.us-east-1.amazonaws.com/", "", http.Header{
		"Content-Type": {"application/x-amz-json-1.1"}, "X-Amz-Target": {"AmazonMemoryDB.CopySnapshot"},
	}},
	{"restJson", "https://datazone.us-east-1.api.aws/v2/domains/dzd%20a/assets/asset%2F1/revisions",
		"/v2/domains/dzd%20a/assets/asset%2F1/revisions", http.Header{"Content-Type": {"application/json"}}},
}

// BenchmarkSign signs one request per iteration with this package and with
// aws/signer/v4, with session credentials, each signer reused across
// iterations as a client reuses its signer.
func BenchmarkSign(b *testing.B) {
	creds := aws.Credentials{AccessKeyID: "ASIAEXAMPLEEXAMPLE12", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
		SessionToken: "IQoJb3JpZ2luX2VjEXAMPLEFwoGZXIvYXdzEBAaDEXAMPLETOKENVALUEthatisreasonablylong/+=="}
	const payloadHash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
	ctx := context.Background()
	signers := []struct {
		name   string
		signer interface {
			SignHTTP(context.Context, aws.Credentials, *http.Request, string, string, string, time.Time, ...func(*v4.SignerOptions)) error
		}
	}{{"ours", New()}, {"official", v4.NewSigner()}}
	for _, br := range benchRequests {
		for _, s := range signers {
			b.Run(br.name+"/"+s.name, func(b *testing.B) {
				u, err := url.Parse(br.url)
				if err != nil {
					b.Fatal(err)
				}
				req := &http.Request{Method: "POST", URL: u, Host: u.Host, ContentLength: 120, Header: http.Header{
					"User-Agent":      {"awssnap/0.1.0 lang/go#1.26 os/linux md/GOARCH#amd64 api/MemoryDB"},
					"Amz-Sdk-Request": {"attempt=1; max=3"},
				}}
				for k, v := range br.header {
					req.Header[k] = v
				}
				b.ReportAllocs()
				for b.Loop() {
					// A fresh request each time: drop what signing added.
					delete(req.Header, "X-Amz-Date")
					delete(req.Header, "X-Amz-Security-Token")
					delete(req.Header, "Authorization")
					if err := s.signer.SignHTTP(ctx, creds, req, payloadHash, "memorydb", "us-east-1", time.Now()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
