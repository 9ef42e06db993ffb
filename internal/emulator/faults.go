package emulator

import (
	"bufio"
	"fmt"
	"maps"
	"net/http"
	"time"
)

// FaultKind is the way a Fault makes the emulator misbehave.
type FaultKind int

const (
	// FaultThrottle answers with the service's throttling error:
	// ThrottlingException 429 where the model has it, else ThrottlingException 400.
	FaultThrottle FaultKind = iota + 1
	// FaultServerError answers with Fault.Status (500 when zero): the
	// service's internal error on 500, ServiceUnavailableException otherwise.
	FaultServerError
	// FaultDropBeforeProcessing closes the connection without answering and
	// without running the operation.
	FaultDropBeforeProcessing
	// FaultDropAfterProcessing runs the operation, so its state change is
	// kept, then closes the connection without answering.
	FaultDropAfterProcessing
	// FaultTruncatedBody runs the operation and sends its answer with the full
	// Content-Length but only the first half of the body, then closes the connection.
	FaultTruncatedBody
	// FaultDelay waits Fault.Delay before handling the request normally; if the
	// request's context ends first, the operation is not run.
	FaultDelay
	// FaultClockSkew answers InvalidSignatureException "Signature expired"
	// with a Date header Fault.Skew (10 minutes when zero) away from the
	// emulator's clock, as a server whose clock differs from the client's would.
	FaultClockSkew
)

// defaultFaultSkew is the clock skew FaultClockSkew reports when Fault.Skew is zero.
const defaultFaultSkew = 10 * time.Minute

// Fault is a misbehaviour injected into the next requests.
type Fault struct {
	// Kind is the misbehaviour.
	Kind FaultKind
	// Operation limits the fault to requests for one operation (for example
	// OpCopySnapshot); empty means any operation.
	Operation string
	// Count is how many requests the fault affects; 1 when zero.
	Count int
	// Status is the HTTP status of FaultServerError.
	Status int
	// Delay is how long FaultDelay waits.
	Delay time.Duration
	// Skew is how far FaultClockSkew moves the Date header; negative moves it back.
	Skew time.Duration
}

// InjectFault makes the next Fault.Count authenticated requests (for
// Fault.Operation, or for any operation) misbehave as Fault.Kind says.
// Faults are used in the order they were injected.
func (e *Emulator) InjectFault(fault Fault) {
	if fault.Count <= 0 {
		fault.Count = 1
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults = append(e.faults, &fault)
}

// PendingFaults returns how many injected faults have requests left to affect.
func (e *Emulator) PendingFaults() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.faults)
}

// takeFault consumes one use of the first pending fault for the operation.
func (e *Emulator) takeFault(operation string) (Fault, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, fault := range e.faults {
		if fault.Operation != "" && fault.Operation != operation {
			continue
		}
		fault.Count--
		if fault.Count == 0 {
			e.faults = append(e.faults[:i], e.faults[i+1:]...)
		}
		return *fault, true
	}
	return Fault{}, false
}

// serveFault answers an authenticated request the way the fault says.
func (e *Emulator) serveFault(w http.ResponseWriter, r *http.Request, c *call, fault Fault) {
	switch fault.Kind {
	case FaultThrottle:
		spec := c.op.service.throttle
		e.send(w, newError(spec.status, spec.code, "Rate exceeded").response(c.op))
	case FaultServerError:
		e.send(w, serverError(c.op.service, fault.Status).response(c.op))
	case FaultDropBeforeProcessing:
		dropConnection(w, nil)
	case FaultDropAfterProcessing:
		e.process(c)
		dropConnection(w, nil)
	case FaultTruncatedBody:
		e.sendTruncated(w, e.process(c))
	case FaultDelay:
		if waitFor(r, fault.Delay) {
			e.send(w, e.process(c))
		}
	case FaultClockSkew:
		e.send(w, e.skewResponse(c.op, r.Header.Get("X-Amz-Date"), fault.Skew))
	default:
		e.send(w, e.process(c))
	}
}

func serverError(svc *service, status int) *apiError {
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if status == http.StatusInternalServerError {
		err := newError(status, svc.internal.code, "An internal error occurred.")
		err.members = maps.Clone(svc.internal.members)
		return err
	}
	return newError(status, "ServiceUnavailableException", "The service is unavailable. Try again later.")
}

// skewResponse is the answer of a server whose clock is skew away from the
// emulator's to a request signed at amzDate: "Signature expired" when the
// server is ahead, "Signature not yet current" when it is behind.
func (e *Emulator) skewResponse(op *operation, amzDate string, skew time.Duration) response {
	if skew == 0 {
		skew = defaultFaultSkew
	}
	serverNow := e.cfg.Now().Add(skew).UTC()
	message := fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - 15 min.)",
		amzDate, serverNow.Add(-maxClockSkew).Format(amzDateFormat), serverNow.Format(amzDateFormat))
	if skew < 0 {
		message = fmt.Sprintf("Signature not yet current: %s is still later than %s (%s + 15 min.)",
			amzDate, serverNow.Add(maxClockSkew).Format(amzDateFormat), serverNow.Format(amzDateFormat))
	}
	resp := invalidSignature(message).response(op)
	resp.dateShift = skew
	return resp
}

// waitFor waits d, and reports false if the request's context ended first.
func waitFor(r *http.Request, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// dropConnection takes the connection over, writes what it is given and
// closes it. Where the connection cannot be taken over (HTTP/2, recorders)
// it aborts the handler, which net/http answers by resetting the stream.
func dropConnection(w http.ResponseWriter, write func(*bufio.ReadWriter)) {
	conn, buffered, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if write != nil {
		write(buffered)
		_ = buffered.Flush()
	}
	_ = conn.Close()
}

// sendTruncated writes the status line and headers of resp with its full
// Content-Length, then half of its body, then closes the connection.
func (e *Emulator) sendTruncated(w http.ResponseWriter, resp response) {
	header := http.Header{}
	e.stampHeaders(header, resp)
	noteAnswer(w, resp, header)
	dropConnection(w, func(out *bufio.ReadWriter) {
		fmt.Fprintf(out, "HTTP/1.1 %d %s\r\n", resp.status, http.StatusText(resp.status))
		_ = header.Write(out)
		_, _ = out.WriteString("\r\n")
		_, _ = out.Write(resp.body[:len(resp.body)/2])
	})
}
