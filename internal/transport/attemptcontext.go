package transport

import (
	"context"
	"reflect"
	"sync"
	"time"
	"unsafe"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The official retry middleware asks the retryer for each attempt's token
// (GetAttemptToken) with a context that says which attempt it is: a stack
// value of the retry package, whose key and type are unexported. The
// standard retryer reads it: the first attempt's token adds
// NoRetryIncrement tokens to its rate limiter when the attempt succeeds,
// and a later attempt's adds nothing (the retry's own token is given back
// instead). So that the direct path's retries take the same tokens, the
// key and type are learned once from the context the official middleware
// hands an attempt, and each retry's GetAttemptToken is asked with the
// same value in its context. When they cannot be learned (a version of the
// SDK that keeps them otherwise), retries are asked with the call's
// context, as the first attempt is.

// attemptMetadata is the official retry middleware's stack value for an
// attempt: its key, and the type of its value.
type attemptMetadata struct {
	key   any
	value reflect.Type
}

var officialAttemptMetadata = sync.OnceValue(learnAttemptMetadata)

// withAttemptNumber returns ctx with the official retry middleware's
// metadata of attempt number attempt (of max, with the given clock
// skew), as the standard retryer reads it; ctx when it is the first
// attempt or the metadata is unknown.
func withAttemptNumber(ctx context.Context, attempt, max int, skew time.Duration) context.Context {
	if attempt <= 1 {
		return ctx
	}
	m := officialAttemptMetadata()
	if m.value == nil {
		return ctx
	}
	return middleware.WithStackValue(ctx, m.key, m.of(attempt, max, skew))
}

// of returns the metadata value of one attempt, started now.
func (m attemptMetadata) of(attempt, max int, skew time.Duration) any {
	v := reflect.New(m.value).Elem()
	v.FieldByName("AttemptNum").SetInt(int64(attempt))
	v.FieldByName("AttemptTime").Set(reflect.ValueOf(time.Now().UTC()))
	v.FieldByName("MaxAttempts").SetInt(int64(max))
	v.FieldByName("AttemptClockSkew").SetInt(int64(skew))
	return v.Interface()
}

// learnAttemptMetadata runs the official retry middleware once, finds its
// metadata among the stack values of the context it hands the attempt
// (under smithy-go's key, smithyKeys.stack),
// and checks that the standard retryer, asked with that metadata for a
// second attempt, gives a token that adds nothing, and for a first, one
// that adds NoRetryIncrement.
func learnAttemptMetadata() attemptMetadata {
	var attemptCtx context.Context
	attempt := retry.NewAttemptMiddleware(aws.NopRetryer{}, func(v any) any { return v })
	_, _, _ = attempt.HandleFinalize(context.Background(), middleware.FinalizeInput{Request: smithyhttp.NewStackRequest()},
		middleware.FinalizeHandlerFunc(func(ctx context.Context, _ middleware.FinalizeInput) (
			middleware.FinalizeOutput, middleware.Metadata, error) {
			attemptCtx = ctx
			return middleware.FinalizeOutput{}, middleware.Metadata{}, nil
		}))
	if attemptCtx == nil {
		return attemptMetadata{}
	}
	for node := reflect.ValueOf(attemptCtx.Value(smithyKeys.stack)); node.Kind() == reflect.Pointer && !node.IsNil(); {
		entry := node.Elem()
		if entry.Kind() != reflect.Struct {
			break
		}
		key, okKey := readField(entry, "key")
		value, okValue := readField(entry, "value")
		if !okKey || !okValue {
			break
		}
		if t := reflect.TypeOf(value); t != nil && t.PkgPath() == "github.com/aws/aws-sdk-go-v2/aws/retry" && t.Name() == "retryMetadata" {
			m := attemptMetadata{key: key, value: t}
			if !m.fits() {
				break
			}
			return m
		}
		node = entry.FieldByName("parent")
	}
	return attemptMetadata{}
}

// fits reports whether m's value has the fields the middleware sets, and
// whether the standard retryer reads the metadata as the official
// middleware's: a first attempt's token adds its NoRetryIncrement on
// success, a second's nothing.
func (m attemptMetadata) fits() bool {
	fields := map[string]reflect.Type{
		"AttemptNum": reflect.TypeFor[int](), "MaxAttempts": reflect.TypeFor[int](),
		"AttemptTime": reflect.TypeFor[time.Time](), "AttemptClockSkew": reflect.TypeFor[time.Duration](),
	}
	for name, t := range fields {
		if f, ok := m.value.FieldByName(name); !ok || f.Type != t || !f.IsExported() {
			return false
		}
	}
	added := func(attempt int) uint {
		counter := &addedTokens{}
		standard := retry.NewStandard(func(o *retry.StandardOptions) { o.RateLimiter = counter })
		ctx := context.Background()
		if attempt > 1 {
			ctx = middleware.WithStackValue(ctx, m.key, m.of(attempt, 3, 0))
		}
		release, err := standard.GetAttemptToken(ctx)
		if err != nil || release(nil) != nil {
			return ^uint(0)
		}
		return counter.added
	}
	return added(1) == retry.DefaultNoRetryIncrement && added(2) == 0
}

// addedTokens is a rate limiter that counts the tokens added to it.
type addedTokens struct{ added uint }

func (a *addedTokens) GetToken(context.Context, uint) (func() error, error) {
	return func() error { return nil }, nil
}

func (a *addedTokens) AddTokens(v uint) error {
	a.added += v
	return nil
}

// readField returns the value of the field called name of the
// addressable struct v, which may be unexported; false when v has no
// such field of an interface type.
func readField(v reflect.Value, name string) (any, bool) {
	f := v.FieldByName(name)
	if !f.IsValid() || !f.CanAddr() || f.Kind() != reflect.Interface {
		return nil, false
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface(), true
}
