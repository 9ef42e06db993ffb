package partnercentraltest

import "time"

// Requests returns the requests the server received, oldest first.
func (s *Server) Requests() []Request { return s.core.Requests() }

// Throttle answers the next n requests with the service's throttling error.
// For all fault methods, n below 1 counts as 1, and faults are used in the
// order they were injected.
func (s *Server) Throttle(n int) { s.core.Throttle(n) }

// InternalError answers the next n requests with the service's HTTP 500 error.
func (s *Server) InternalError(n int) { s.core.InternalError(n) }

// Unavailable answers the next n requests with HTTP 503 ServiceUnavailableException.
func (s *Server) Unavailable(n int) { s.core.Unavailable(n) }

// DropBeforeApply closes the connection of the next n requests without
// answering and without applying them.
func (s *Server) DropBeforeApply(n int) { s.core.DropBeforeApply(n) }

// DropAfterApply applies the next n requests, keeping their effect, then
// closes their connection without answering.
func (s *Server) DropAfterApply(n int) { s.core.DropAfterApply(n) }

// TruncateBody applies the next n requests and sends their answer with its
// full Content-Length but only half of the body, then closes the connection.
func (s *Server) TruncateBody(n int) { s.core.TruncateBody(n) }

// Delay holds the next n requests for d before answering them; a request
// whose client gives up first is not applied.
func (s *Server) Delay(d time.Duration, n int) { s.core.Delay(d, n) }

// SkewClock answers the next n requests as a server whose clock is skew
// ahead of the client's (behind when negative) would: InvalidSignatureException
// "Signature expired" or "not yet current", with that server's Date header.
// A zero skew is 10 minutes. A client that corrects its clock by that Date
// is then off from the server's own clock, which has not moved, and its
// next request may be refused in turn; for a server whose clock stays off,
// set Options.Now instead.
func (s *Server) SkewClock(skew time.Duration, n int) { s.core.SkewClock(skew, n) }

// PendingFaults returns how many injected faults have requests left to affect.
func (s *Server) PendingFaults() int { return s.core.PendingFaults() }
