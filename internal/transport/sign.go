package transport

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// sign signs req with SigV4 for the call. Both the direct path and the
// middleware stack's Signing step sign here, and only here.
func sign(ctx context.Context, cfg *Config, creds aws.Credentials, req *http.Request, payloadHash, name, region string, signingTime time.Time) error {
	if creds.SessionToken != "" && cfg.LogMode.IsSigning() {
		// The default signer's logger removes the token by value.
		ctx = withSessionToken(ctx, creds.SessionToken)
	}
	if err := cfg.Signer.SignHTTP(ctx, creds, req, payloadHash, name, region, signingTime); err != nil {
		// As the official clients' SigV4 signer adapter words it.
		return fmt.Errorf("sign http: %w", err)
	}
	return nil
}
