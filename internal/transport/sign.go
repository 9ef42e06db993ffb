package transport

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/awssnap/awssnap/internal/sigv4"
)

// sign signs req with SigV4 for the call. Both the direct path and the
// middleware stack's Signing step sign here, and only here.
func sign(ctx context.Context, cfg *Config, creds aws.Credentials, req *http.Request, payloadHash, name, region string, signingTime time.Time) error {
	var err error
	if _, own := cfg.Signer.(*sigv4.Signer); own {
		// Made by DefaultSigner with the client's logger and mode; what it
		// logs never holds the session token or the secret key.
		err = cfg.Signer.SignHTTP(ctx, creds, req, payloadHash, name, region, signingTime)
	} else {
		// A signer of the program's own is given the logging options of
		// the client's SigV4 scheme (see SchemeSigner), as the official
		// clients' SigV4 signer adapter gives them, with a logger that
		// keeps session tokens out of the log.
		signer, logger, logSigning := cfg.Signer, cfg.Logger, cfg.LogMode.IsSigning()
		if held, ok := signer.(*schemeSigner); ok {
			signer, logger, logSigning = held.Signer, held.logger, held.logSigning
		}
		if creds.SessionToken != "" && logSigning {
			// The logger removes the token by value.
			ctx = withSessionToken(ctx, creds.SessionToken)
		}
		err = signer.SignHTTP(ctx, creds, req, payloadHash, name, region, signingTime, func(o *v4.SignerOptions) {
			o.DisableURIPathEscaping = false
			o.Logger = redactingLogger{next: logger}
			o.LogSigning = logSigning
		})
	}
	if err != nil {
		// As the official clients' SigV4 signer adapter words it.
		return fmt.Errorf("sign http: %w", err)
	}
	return nil
}
