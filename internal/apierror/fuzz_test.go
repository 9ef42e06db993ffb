package apierror

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/protocol/restjson"
	"github.com/aws/smithy-go"

	"github.com/awssnap/awssnap/internal/jsonwire"
)

// The official clients' error deserializers are restated here from the
// code they generate (aws-sdk-go-v2 service packages), so Decode can be
// compared with them on arbitrary responses.

// officialOutcome is what the official clients make of an error response
// before they match the code against their typed errors.
type officialOutcome struct {
	deserialization bool
	code, message   string
}

// officialAWSJSON follows the awsJson1_0 and awsJson1_1 error
// deserializers the official clients generate (getProtocolErrorInfo and
// resolveProtocolErrorType).
func officialAWSJSON(header http.Header, body string) officialOutcome {
	var info struct {
		Type    string `json:"__type"`
		Message string
		Code    any
	}
	decoder := json.NewDecoder(strings.NewReader(body))
	decoder.UseNumber()
	if err := decoder.Decode(&info); err != nil && err != io.EOF {
		return officialOutcome{deserialization: true}
	}
	out := officialOutcome{code: "UnknownError", message: "UnknownError"}
	typ := header.Get("X-Amzn-ErrorType")
	if typ == "" {
		typ = info.Type
	}
	if code, ok := info.Code.(string); typ == "" && ok {
		typ = code
	}
	if typ != "" {
		out.code = restjson.SanitizeErrorCode(typ)
	}
	if info.Message != "" {
		out.message = info.Message
	}
	return out
}

// officialRESTJSON follows the restJson1 error deserializers the official
// clients generate (restjson.GetErrorInfo).
func officialRESTJSON(header http.Header, body string) officialOutcome {
	out := officialOutcome{code: "UnknownError", message: "UnknownError"}
	headerCode := header.Get("X-Amzn-ErrorType")
	if headerCode != "" {
		out.code = restjson.SanitizeErrorCode(headerCode)
	}
	decoder := json.NewDecoder(strings.NewReader(body))
	decoder.UseNumber()
	jsonCode, message, err := restjson.GetErrorInfo(decoder)
	if err != nil {
		return officialOutcome{deserialization: true}
	}
	if headerCode == "" && jsonCode != "" {
		out.code = restjson.SanitizeErrorCode(jsonCode)
	}
	if message != "" {
		out.message = message
	}
	return out
}

// outcome is what Decode made of a response with an unregistered code.
func outcome(err error) officialOutcome {
	var generic *smithy.GenericAPIError
	if errors.As(err, &generic) {
		return officialOutcome{code: generic.Code, message: generic.Message}
	}
	return officialOutcome{deserialization: true}
}

// FuzzDecodeMatchesOfficial compares the error code, message and
// deserialization failures Decode finds with those of the official
// clients' error deserializers, for both protocol styles. The registry is
// empty, so every code reaches the generic error.
func FuzzDecodeMatchesOfficial(f *testing.F) {
	for _, body := range []string{
		`{"__type":"ns#FooError:http://x","message":"m"}`, `{"code":"FooError","Message":"m"}`,
		`{"code":5,"__type":"FooError"}`, `{"__TYPE":"FooError","MESSAGE":"m"}`, `null`, ``, ` `,
		`{"message":5}`, `[]`, `<html>`, `{"__type":"a"} trailing`, `{"a":{"__type":"nested"}}`, `{"code":"a#b#c"}`, `{"__type":"a#b#c:d#e"}`,
	} {
		f.Add(body, "")
		f.Add(body, "Header#Error:suffix")
	}
	f.Fuzz(func(t *testing.T, body, errorType string) {
		header := http.Header{}
		if errorType != "" {
			header.Set("X-Amzn-ErrorType", errorType)
		}
		for style, official := range map[Style]func(http.Header, string) officialOutcome{
			AWSJSON: officialAWSJSON, RESTJSON: officialRESTJSON,
		} {
			want := official(header, body)
			got := outcome(Decode(style, jsonwire.Classic, nil, header, body))
			if got != want {
				t.Fatalf("style %d, X-Amzn-ErrorType %q, body %q: got %+v, the official client gives %+v",
					style, errorType, body, got, want)
			}
		}
	})
}
