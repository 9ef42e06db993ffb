// Package conformance holds tests that check the five service packages
// against their Smithy models (read with internal/smithymodel) and against
// the official clients' sources at the versions internal/bench/go.mod pins.
package conformance
