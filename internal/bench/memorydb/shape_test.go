package memorydb

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	ftypes "github.com/aws/aws-sdk-go-v2/service/memorydb/types"
	"github.com/google/go-cmp/cmp"

	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
	ours "github.com/awssnap/awssnap/memorydb"
	otypes "github.com/awssnap/awssnap/memorydb/types"
)

// errorPairs are the typed errors CopySnapshot lists.
var errorPairs = []kit.Pair{
	kit.PairOf[otypes.InvalidParameterCombinationException, ftypes.InvalidParameterCombinationException](),
	kit.PairOf[otypes.InvalidParameterValueException, ftypes.InvalidParameterValueException](),
	kit.PairOf[otypes.InvalidSnapshotStateFault, ftypes.InvalidSnapshotStateFault](),
	kit.PairOf[otypes.ServiceLinkedRoleNotFoundFault, ftypes.ServiceLinkedRoleNotFoundFault](),
	kit.PairOf[otypes.SnapshotAlreadyExistsFault, ftypes.SnapshotAlreadyExistsFault](),
	kit.PairOf[otypes.SnapshotNotFoundFault, ftypes.SnapshotNotFoundFault](),
	kit.PairOf[otypes.SnapshotQuotaExceededFault, ftypes.SnapshotQuotaExceededFault](),
	kit.PairOf[otypes.TagQuotaPerResourceExceeded, ftypes.TagQuotaPerResourceExceeded](),
}

// schemaSerde are the methods through which the official client (since
// v1.43.0) drives its schema-based protocols; this client encodes and
// decodes with codecs of its own, so its types do not carry them.
var schemaSerde = map[string]string{
	"*.Serialize(): missing":        "schema-based serialization of the official client",
	"*.SerializeMembers(): missing": "schema-based serialization of the official client",
	"*.Deserialize(): missing":      "schema-based deserialization of the official client",
}

// TestShapes compares the exported shapes of CopySnapshot: input, output,
// every nested type and enum, and the typed errors.
func TestShapes(t *testing.T) {
	t.Parallel()
	shapes := kit.CompareShapes(append([]kit.Pair{
		kit.PairOf[ours.CopySnapshotInput, official.CopySnapshotInput](),
		kit.PairOf[ours.CopySnapshotOutput, official.CopySnapshotOutput](),
	}, errorPairs...)...)
	kit.CheckAllowed(t, shapes.Diffs, merge(map[string]string{
		"CopySnapshotInput.Validate(): extra": "validation without a call",
	}, schemaSerde))
	if len(shapes.Enums) == 0 {
		t.Error("no enum reached: the walk is broken")
	}
	oursDir := "../../../memorydb/types"
	officialDir, err := kit.PackageDir("github.com/aws/aws-sdk-go-v2/service/memorydb/types")
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := kit.CompareEnumConstants(oursDir, officialDir, shapes.Enums)
	if err != nil {
		t.Fatal(err)
	}
	kit.CheckAllowed(t, diffs, nil)
}

// TestErrorList checks that errorPairs are the errors the model lists.
func TestErrorList(t *testing.T) {
	t.Parallel()
	want := kit.ModelErrors(t, "memorydb")
	var got []string
	for _, p := range errorPairs {
		got = append(got, p.Official.Name())
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("error pairs %v, model %v", got, want)
	}
}

// TestClientAPI compares the operation's method signature (and through it
// Options) with the official client's.
func TestClientAPI(t *testing.T) {
	t.Parallel()
	shapes := kit.CompareShapes(kit.Pair{
		Ours:     reflect.TypeOf((&ours.Client{}).CopySnapshot),
		Official: reflect.TypeOf((&official.Client{}).CopySnapshot),
		Name:     "CopySnapshot",
	})
	kit.CheckAllowed(t, shapes.Diffs, kit.ClientDifferences("CopySnapshotInput", schemaSerde))
}

// merge returns the union of allow-lists.
func merge(lists ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, l := range lists {
		maps.Copy(out, l)
	}
	return out
}

// TestFromConfig builds both clients from the same aws.Config values and
// compares what each one's Options says: the settings a program reads back
// and the retryer's attempt limit.
func TestFromConfig(t *testing.T) {
	t.Parallel()
	base := func() aws.Config {
		return aws.Config{Region: "us-east-1", Credentials: testutil.Credentials}
	}
	cases := map[string]func(*aws.Config){
		"defaults":             func(*aws.Config) {},
		"max attempts":         func(c *aws.Config) { c.RetryMaxAttempts = 7 },
		"adaptive":             func(c *aws.Config) { c.RetryMode = aws.RetryModeAdaptive },
		"adaptive, 2 attempts": func(c *aws.Config) { c.RetryMode, c.RetryMaxAttempts = aws.RetryModeAdaptive, 2 },
		"own retryer": func(c *aws.Config) {
			c.Retryer = func() aws.Retryer { return retry.AddWithMaxAttempts(retry.NewStandard(), 5) }
		},
		"own retryer and limit": func(c *aws.Config) {
			c.Retryer, c.RetryMaxAttempts = func() aws.Retryer { return retry.NewStandard() }, 4
		},
		"app ID":          func(c *aws.Config) { c.AppID = "my-app" },
		"base endpoint":   func(c *aws.Config) { c.BaseEndpoint = aws.String("https://example.com/base") },
		"log mode":        func(c *aws.Config) { c.ClientLogMode = aws.LogRetries | aws.LogRequest },
		"defaults mode":   func(c *aws.Config) { c.DefaultsMode = aws.DefaultsModeInRegion },
		"fips region":     func(c *aws.Config) { c.Region = "fips-us-west-2" },
		"auth preference": func(c *aws.Config) { c.AuthSchemePreference = []string{"sigv4a", "sigv4"} },
		"no credentials":  func(c *aws.Config) { c.Credentials = nil },
		"anonymous":       func(c *aws.Config) { c.Credentials = aws.AnonymousCredentials{} },
	}
	view := func(options any) map[string]any {
		v := reflect.ValueOf(options)
		out := map[string]any{}
		for _, name := range []string{"AppID", "BaseEndpoint", "ClientLogMode", "DefaultsMode", "DisableClockSkewCorrection",
			"Region", "RetryMaxAttempts", "RetryMode", "RuntimeEnvironment", "AuthSchemePreference"} {
			out[name] = kit.Neutral(v.FieldByName(name).Interface())
		}
		out["MaxAttempts"] = v.FieldByName("Retryer").Interface().(aws.Retryer).MaxAttempts()
		out["HasCredentials"] = !v.FieldByName("Credentials").IsNil()
		e := v.FieldByName("EndpointOptions")
		for _, name := range []string{"UseFIPSEndpoint", "UseDualStackEndpoint", "ResolvedRegion", "DisableHTTPS"} {
			out["EndpointOptions."+name] = kit.Neutral(e.FieldByName(name).Interface())
		}
		return out
	}
	for name, set := range cases {
		cfg := base()
		set(&cfg)
		o, f := view(ours.NewFromConfig(cfg).Options()), view(official.NewFromConfig(cfg).Options())
		if diff := cmp.Diff(f, o); diff != "" {
			t.Errorf("%s: Options differ (-official +ours):\n%s", name, diff)
		}
	}
}
