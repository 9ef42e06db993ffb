package kit

import (
	"net/http"
	"strings"
)

// RequestID is the request ID of every canned response.
const RequestID = "8c3f7a2e-5b1d-4e6f-9a0b-1c2d3e4f5a6b"

// Canned returns a response with status, the JSON content type of the
// protocol, the request ID, the extra header pairs and body.
func Canned(status int, contentType, body string, header ...string) Response {
	h := http.Header{"Content-Type": {contentType}, "X-Amzn-Requestid": {RequestID}}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return Response{Status: status, Header: h, Body: []byte(body)}
}

// ModelledError is one typed error of an operation, for ErrorCases.
type ModelledError struct {
	Code   string
	Status int
	// Members is the JSON text of extra members ("" for none), written
	// after the message, e.g. `"reason":"CONFLICT"`.
	Members string
}

// ErrorCases returns, for every error, a case per wire form the code can
// take: the X-Amzn-ErrorType header with its ":http://..." suffix, __type
// with the namespace, code alone, and __type in lower case. namespace is
// the Smithy namespace, e.g. "com.amazonaws.memorydb".
func ErrorCases(contentType, namespace string, errs []ModelledError) []DecodeCase {
	var cases []DecodeCase
	for _, e := range errs {
		members := ""
		if e.Members != "" {
			members = "," + e.Members
		}
		cases = append(cases,
			DecodeCase{Name: e.Code + "/header", Response: Canned(e.Status, contentType,
				`{"message":"from the header form"`+members+`}`,
				"X-Amzn-Errortype", e.Code+":http://internal.amazon.com/coral/"+namespace+"/")},
			DecodeCase{Name: e.Code + "/__type", Response: Canned(e.Status, contentType,
				`{"__type":"`+namespace+`#`+e.Code+`","message":"with a \"namespace\" \u00e9"`+members+`}`)},
			DecodeCase{Name: e.Code + "/code", Response: Canned(e.Status, contentType,
				`{"code":"`+e.Code+`","Message":"code member, capital Message"`+members+`}`)},
			DecodeCase{Name: e.Code + "/lowercase", Response: Canned(e.Status, contentType,
				`{"__type":"`+strings.ToLower(e.Code)+`"`+members+`}`)},
		)
	}
	return cases
}

// GenericErrorCases are the error answers that match no typed error, or
// cannot be decoded: unknown codes, empty and non-JSON bodies, truncated
// JSON, a non-string __type, a message under an unmodelled name, and a
// 5xx (retryable, so both clients give up after their one attempt).
func GenericErrorCases(contentType string) []DecodeCase {
	return []DecodeCase{
		{Name: "unknown code", Response: Canned(400, contentType, `{"__type":"com.example#NoSuchThingException","message":"no such thing"}`)},
		{Name: "unknown code in header", Response: Canned(400, contentType, `{"message":"m"}`, "X-Amzn-Errortype", "SomethingNew:http://internal.amazon.com/")},
		{Name: "empty body 400", Response: Canned(400, contentType, ``)},
		{Name: "empty object 400", Response: Canned(400, contentType, `{}`)},
		{Name: "empty body 404", Response: Canned(404, contentType, ``)},
		{Name: "errorMessage only", Response: Canned(400, contentType, `{"__type":"Oops","errorMessage":"ignored"}`)},
		{Name: "message and Message", Response: Canned(400, contentType, `{"__type":"Oops","message":"lower","Message":"upper"}`)},
		{Name: "internal error 500", Response: Canned(500, contentType, `{"__type":"InternalFailure","message":"try again"}`)},
		{Name: "html 502", Response: Canned(502, "text/html", `<html><body><h1>502 Bad Gateway</h1></body></html>`), Differ: DecoderWording},
		{Name: "html 403", Response: Canned(403, "text/html", `<html><body>Forbidden</body></html>`), Differ: DecoderWording},
		{Name: "truncated json 400", Response: Canned(400, contentType, `{"__type":"Oops","message":"cut`), Differ: DecoderWording},
		{Name: "non-string __type", Response: Canned(400, contentType, `{"__type":42,"message":"m"}`), Differ: DecoderWording},
		{Name: "no request id", Response: Response{Status: 400, Header: http.Header{"Content-Type": {contentType}}, Body: []byte(`{"__type":"Oops"}`)}},
		// encoding/json's bound on nesting counts the body's own object.
		{Name: "nested to the bound 400", Response: Canned(400, contentType, `{"__type":"Oops","x":`+Nested(MaxNesting-1)+`,"message":"m"}`)},
		{Name: "nested past the bound 400", Response: Canned(400, contentType, `{"__type":"Oops","x":`+Nested(MaxNesting)+`,"message":"m"}`), Differ: DecoderWording},
	}
}

// MaxNesting is how many objects and arrays encoding/json lets a document
// hold open at once.
const MaxNesting = 10000

// Nested returns n arrays, one inside the other.
func Nested(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
