package emulator

import (
	"net/http"
	"time"
)

// recorder is the ResponseWriter the emulator answers through: it notes
// what RequestRecord reports.
type recorder struct {
	http.ResponseWriter
	start     time.Time
	op        *operation
	status    int
	errorCode string
	requestID string
}

// Unwrap gives http.ResponseController the underlying writer, for
// deadlines and for taking the connection over.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// noteAnswer records the answer about to be written through w, when w is a recorder.
func noteAnswer(w http.ResponseWriter, resp response, header http.Header) {
	rec, ok := w.(*recorder)
	if !ok {
		return
	}
	rec.status = resp.status
	rec.errorCode = resp.errorCode
	rec.requestID = header.Get("X-Amzn-RequestId")
}

// record is the RequestRecord of the request, once it is answered.
func (rec *recorder) record() RequestRecord {
	record := RequestRecord{
		Time:      rec.start,
		Status:    rec.status,
		ErrorCode: rec.errorCode,
		Duration:  time.Since(rec.start),
		RequestID: rec.requestID,
	}
	if rec.op != nil {
		record.Service = rec.op.service.signingName
		record.Operation = rec.op.name
	}
	return record
}
