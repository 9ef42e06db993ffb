package transport

import (
	"context"
	"reflect"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
)

// SigningOverride is one WithSigV4SigningName or WithSigV4SigningRegion
// given to a client or a call. As in the official clients, the option
// appends to Options.APIOptions a middleware function that puts the name
// or region in the context; the override records that entry's index, so
// that a call can apply it without the middleware stack while the entry
// is there, and drops it with the entry when a call's options drop it.
type SigningOverride struct {
	// Index is the index in APIOptions of the entry the option appended.
	Index int
	// Name or Region is the value: a name for WithSigV4SigningName, a
	// region for WithSigV4SigningRegion.
	Name, Region string
}

// SigningNameOption is the APIOptions entry of WithSigV4SigningName: the
// official clients' withSigV4SigningName middleware.
func SigningNameOption(name string) func(*middleware.Stack) error {
	//lint:ignore SA1019 the official clients' middleware sets it
	return contextOption("withSigV4SigningName", func(ctx context.Context) context.Context { return awsmiddleware.SetSigningName(ctx, name) })
}

// SigningRegionOption is the APIOptions entry of WithSigV4SigningRegion:
// the official clients' withSigV4SigningRegion middleware.
func SigningRegionOption(region string) func(*middleware.Stack) error {
	//lint:ignore SA1019 the official clients' middleware sets it
	return contextOption("withSigV4SigningRegion", func(ctx context.Context) context.Context { return awsmiddleware.SetSigningRegion(ctx, region) })
}

// contextOption returns an APIOptions entry that adds, in front of the
// Initialize step, the middleware id, which hands the call on with the
// context set changes.
func contextOption(id string, set func(context.Context) context.Context) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc(id,
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error) {
				return next.HandleInitialize(set(ctx), in)
			}), middleware.Before)
	}
}

// The code of the entries of each kind, which every entry of that kind
// shares whatever value it holds.
var (
	signingNameCode   = reflect.ValueOf(SigningNameOption("")).Pointer()
	signingRegionCode = reflect.ValueOf(SigningRegionOption("")).Pointer()
)

// ApplySigningOverrides sets cfg.SigningName and cfg.SigningRegion from
// the overrides whose entries cfg.APIOptions still holds, and
// cfg.SigningOptions to the number of those entries. Each entry adds its
// middleware in front of the Initialize step, so the last added runs
// first and the first given is the one that stands, as in the official
// clients.
func ApplySigningOverrides(cfg *Config, overrides []SigningOverride) {
	for _, o := range overrides {
		if o.Index >= len(cfg.APIOptions) {
			continue
		}
		code := reflect.ValueOf(cfg.APIOptions[o.Index]).Pointer()
		switch {
		case o.Name != "" && code == signingNameCode:
			if cfg.SigningName == "" {
				cfg.SigningName = o.Name
			}
		case o.Region != "" && code == signingRegionCode:
			if cfg.SigningRegion == "" {
				cfg.SigningRegion = o.Region
			}
		default:
			continue
		}
		cfg.SigningOptions++
	}
}
