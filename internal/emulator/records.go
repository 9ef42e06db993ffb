package emulator

import (
	"fmt"
	"strconv"
	"time"
)

// This file and the records_*.go files are the typed seeding and inspection
// API of the emulator: they put resources into an emulator and read its
// state back as values of the service packages' types, for the public test
// servers built on it.

// NewEmpty returns an Emulator configured by cfg that holds no resources,
// whatever cfg.Seed and cfg.LightsailRecords say, and that Reset empties
// again: a test seeds what it needs with the Put and Append methods.
func NewEmpty(cfg Config) *Emulator {
	cfg.Seed = &Seed{doc: document{
		Version: documentVersion, MemoryDB: &memoryDBDoc{}, Lightsail: &lightsailDoc{},
		NeptuneGraph: &neptuneDoc{}, DataZone: &dataZoneDoc{}, PartnerCentral: &partnerDoc{},
	}}
	return New(cfg)
}

// Now returns the time on the emulator's clock.
func (e *Emulator) Now() time.Time {
	return e.cfg.Now()
}

// Region returns the region the emulator serves.
func (e *Emulator) Region() string {
	return e.cfg.Region
}

// AccountID returns the account in the ARNs the emulator builds.
func (e *Emulator) AccountID() string {
	return e.cfg.AccountID
}

// SeedError is the error of a Put or Append method given a value the
// emulator cannot store: it names the resource, the field and the problem.
type SeedError struct {
	// Resource names the value, such as `MemoryDB snapshot "nightly"`.
	Resource string
	// Field is the member at fault.
	Field string
	// Problem says what is wrong with it.
	Problem string
}

// Error describes the value, the field and the problem.
func (e *SeedError) Error() string {
	return fmt.Sprintf("emulator: cannot seed %s: %s %s", e.Resource, e.Field, e.Problem)
}

// text returns the string p points to, or "" for nil.
func text(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// optionalText returns a pointer to s, or nil for "": the emulator stores
// an absent string member as "".
func optionalText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// textOr returns the string p points to, or fallback for nil or "".
func textOr(p *string, fallback string) string {
	if p == nil || *p == "" {
		return fallback
	}
	return *p
}

// cloneText returns a pointer to a copy of the string p points to, or nil.
func cloneText(p *string) *string {
	if p == nil {
		return nil
	}
	value := *p
	return &value
}

// itemNumber names the i-th value of a call, counting from 1.
func itemNumber(i int) string {
	return "#" + strconv.Itoa(i+1)
}

// number returns the int32 p points to, or 0 for nil.
func number(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}

// wireTime returns the time p points to, or fallback for nil, to the
// millisecond the wire carries.
func wireTime(p *time.Time, fallback time.Time) epochSeconds {
	t := fallback
	if p != nil {
		t = *p
	}
	return epochSeconds(time.UnixMilli(t.UnixMilli()).UTC())
}

// timePointer returns a pointer to the time t, in UTC.
func timePointer(t epochSeconds) *time.Time {
	value := time.Time(t).UTC()
	return &value
}
