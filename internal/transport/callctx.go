package transport

import (
	"context"
	"sync"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/middleware"
)

// callContext is the context of a call on the direct path: the program's,
// in which the values the official clients put in a call's context before
// its middleware run (see callValues) stand in front of the program's own,
// so that what a program plugs in (HTTP client, credentials provider,
// resolvers, retryer, signer, logger) finds in its context what it finds
// there with the official clients: awsmiddleware.GetOperationName and the
// like. They are the two values smithy-go keeps them in, the stack values
// (which hide any the program's context holds, as ClearStackValues hides
// them in the official clients) and the logger, made once per Config, so a
// call costs one allocation of 32 bytes for them (96 with the payload
// hash's context, see withCallValues), not one or two per value.
type callContext struct {
	context.Context
	values *valuesCache
	// hashed is the context the call's signer and requests are handed,
	// made with this one when hashInContext says so, and nil otherwise.
	hashed *hashContext
}

func (c *callContext) Value(key any) any {
	switch key {
	case smithyKeys.stack:
		return c.values.stack
	case smithyKeys.logger:
		return c.values.logger
	}
	return c.Context.Value(key)
}

// contextKeys are the keys of smithy-go's middleware package under which a
// context holds the stack values and the logger.
type contextKeys struct{ stack, logger any }

// keyProbe is a context that notes the key its Value is asked for.
type keyProbe struct {
	context.Context
	key any
}

func (p *keyProbe) Value(key any) any {
	p.key = key
	return nil
}

// smithyKeys are the keys of smithy-go's middleware package, learned when
// the package is initialised (a context's Value is asked for them on
// every lookup, so they are not behind a sync.Once).
var smithyKeys = probeKeys()

// probeKeys learns the keys of smithy-go's middleware package by asking a
// probe for the stack values and the logger.
func probeKeys() contextKeys {
	probe := &keyProbe{Context: context.Background()}
	var keys contextKeys
	middleware.GetStackValue(probe, nil)
	keys.stack = probe.key
	middleware.GetLogger(probe)
	keys.logger = probe.key
	return keys
}

// valuesCache holds the values of the calls made with one Config, made
// once (see withCallValues).
type valuesCache struct {
	once          sync.Once
	name          string // the operation's
	stack, logger any
}

// fill makes the values of the calls of op made with cfg.
func (v *valuesCache) fill(cfg *Config, op *operation) {
	values := callValues(context.Background(), cfg, op, true)
	v.name, v.stack, v.logger = op.Name, values.Value(smithyKeys.stack), values.Value(smithyKeys.logger)
}

// withCallValues returns ctx with the values the official clients put in
// the context of a call of op made with cfg (callValues), made once for
// cfg's calls. When hashInContext says the call's signer and requests
// are handed its payload hash, the context holding it is made in the same
// allocation, to be filled in once the request is built.
func withCallValues(ctx context.Context, cfg *Config, op *operation) *callContext {
	values := cfg.values
	if values != nil {
		values.once.Do(func() { values.fill(cfg, op) })
	}
	if values == nil || values.name != op.Name {
		// A Config withFallbacks made, or one used for another operation.
		values = new(valuesCache)
		values.fill(cfg, op)
	}
	if !hashInContext(cfg) {
		return &callContext{Context: ctx, values: values}
	}
	both := new(struct {
		call   callContext
		hashed hashContext
	})
	both.call = callContext{Context: ctx, values: values, hashed: &both.hashed}
	both.hashed.Context = &both.call
	return &both.call
}

// hashContext is the context the signer and the HTTP client of a call on
// the direct path are handed when either is the program's own (see
// hashInContext): the call's, holding the payload hash in its stack
// values, where the official clients' ComputePayloadSHA256 middleware puts
// it and v4.GetPayloadHash reads it. The stack values holding it are made
// when first asked for, which net/http and most programs never do, so the
// call costs no allocation of its own for it (see withCallValues).
type hashContext struct {
	context.Context
	hash  string
	once  sync.Once
	stack any
}

func (c *hashContext) Value(key any) any {
	if key != smithyKeys.stack {
		return c.Context.Value(key)
	}
	c.once.Do(func() { c.stack = v4.SetPayloadHash(c.Context, c.hash).Value(smithyKeys.stack) })
	return c.stack
}
