package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestEnumConstName(t *testing.T) {
	for member, want := range map[string]string{
		"INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE": "IncompatibleBenefitAwsPartnerState",
		"us_east_1":                              "UsEast1",
		"LoadBalancerTlsCertificate":             "LoadBalancerTlsCertificate",
		"ACTIVE":                                 "Active",
	} {
		if got := enumConstName(member); got != want {
			t.Errorf("enumConstName(%q) = %q, want %q", member, got, want)
		}
	}
}

// TestCopyValueDropsProse checks that an imported model loses its
// documentation and examples and keeps every other key in file order.
func TestCopyValueDropsProse(t *testing.T) {
	in := `{"z":1,"traits":{"smithy.api#documentation":"<p>x</p>","smithy.api#examples":[{"a":1}],"smithy.api#required":{}},` +
		`"cases":[{"documentation":"For region x","params":{"Region":"x"}}],"a":"é\u0026<"}`
	var out bytes.Buffer
	if err := copyValue(json.NewDecoder(bytes.NewReader([]byte(in))), &out); err != nil {
		t.Fatal(err)
	}
	want := `{"z":1,"traits":{"smithy.api#required":{}},"cases":[{"params":{"Region":"x"}}],"a":"é&<"}`
	if got := string(bytes.ReplaceAll(out.Bytes(), []byte("\n"), nil)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
