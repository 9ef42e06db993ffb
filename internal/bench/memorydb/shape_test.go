package memorydb

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	official "github.com/aws/aws-sdk-go-v2/service/memorydb"
	ftypes "github.com/aws/aws-sdk-go-v2/service/memorydb/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
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
	for name, set := range cases {
		cfg := base()
		set(&cfg)
		o, f := optionsView(ours.NewFromConfig(cfg).Options()), optionsView(official.NewFromConfig(cfg).Options())
		if diff := cmp.Diff(f, o); diff != "" {
			t.Errorf("%s: Options differ (-official +ours):\n%s", name, diff)
		}
	}
}

// optionsView is what a program reads back from a client's Options: its
// settings, the retryer's attempt limit, whether it has credentials, and
// the endpoint options.
func optionsView(options any) map[string]any {
	v := reflect.ValueOf(options)
	out := map[string]any{}
	for _, name := range []string{"AppID", "BaseEndpoint", "ClientLogMode", "DefaultsMode", "DisableClockSkewCorrection",
		"Region", "RetryMaxAttempts", "RetryMode", "RuntimeEnvironment", "AuthSchemePreference"} {
		out[name] = kit.Neutral(v.FieldByName(name).Interface())
	}
	out["MaxAttempts"] = v.FieldByName("Retryer").Interface().(aws.Retryer).MaxAttempts()
	out["HasCredentials"] = !v.FieldByName("Credentials").IsNil()
	out["Protocol"] = "nil"
	if p, ok := v.FieldByName("Protocol").Interface().(smithyhttp.ClientProtocol); ok && p != nil {
		out["Protocol"] = fmt.Sprintf("%T %s", p, p.ID())
	}
	e := v.FieldByName("EndpointOptions")
	for _, name := range []string{"UseFIPSEndpoint", "UseDualStackEndpoint", "ResolvedRegion", "DisableHTTPS"} {
		out["EndpointOptions."+name] = kit.Neutral(e.FieldByName(name).Interface())
	}
	return out
}

// TestFromLoadDefaultConfig loads an aws.Config as a production program
// does, from the environment and a shared config file, and compares both
// clients' Options built from it: service endpoints from
// AWS_ENDPOINT_URL_MEMORYDB, the global AWS_ENDPOINT_URL and a services
// section, the switch that ignores them, FIPS and dual-stack, retry and
// defaults settings and the app ID. (Not parallel: it sets the
// environment.)
func TestFromLoadDefaultConfig(t *testing.T) {
	dir := t.TempDir()
	configFile := filepath.Join(dir, "config")
	const sharedConfig = "[profile svc]\nservices = custom\n\n[services custom]\nmemorydb =\n  endpoint_url = https://from-config.example.com\n"
	if err := os.WriteFile(configFile, []byte(sharedConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]map[string]string{
		"service endpoint":           {"AWS_ENDPOINT_URL_MEMORYDB": "https://memdb.example.com"},
		"global endpoint":            {"AWS_ENDPOINT_URL": "https://global.example.com"},
		"both endpoints":             {"AWS_ENDPOINT_URL": "https://global.example.com", "AWS_ENDPOINT_URL_MEMORYDB": "https://memdb.example.com"},
		"endpoints ignored":          {"AWS_ENDPOINT_URL_MEMORYDB": "https://memdb.example.com", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"},
		"services section":           {"AWS_PROFILE": "svc"},
		"services section, env wins": {"AWS_PROFILE": "svc", "AWS_ENDPOINT_URL_MEMORYDB": "https://memdb.example.com"},
		"fips and dual-stack":        {"AWS_USE_FIPS_ENDPOINT": "true", "AWS_USE_DUALSTACK_ENDPOINT": "true"},
		"retries":                    {"AWS_MAX_ATTEMPTS": "5", "AWS_RETRY_MODE": "adaptive"},
		"app ID and defaults mode":   {"AWS_SDK_UA_APP_ID": "my-app", "AWS_DEFAULTS_MODE": "in-region"},
		"legacy FIPS region":         {"AWS_REGION": "us-west-2-fips"},
	}
	// endpoints are the BaseEndpoints the official client must have, so
	// that a setting the test fails to make cannot pass unseen.
	endpoints := map[string]string{
		"service endpoint": "https://memdb.example.com", "global endpoint": "https://global.example.com",
		"services section": "https://from-config.example.com", "endpoints ignored": "<nil>",
	}
	for name, env := range cases {
		t.Run(name, func(t *testing.T) {
			for _, key := range []string{"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_MEMORYDB", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
				"AWS_PROFILE", "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE",
				"AWS_SDK_UA_APP_ID", "AWS_DEFAULTS_MODE", "AWS_EC2_METADATA_DISABLED"} {
				t.Setenv(key, "")
				os.Unsetenv(key)
			}
			t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
			t.Setenv("AWS_REGION", "us-east-1")
			t.Setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
			t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
			t.Setenv("AWS_CONFIG_FILE", configFile)
			t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "none"))
			for key, value := range env {
				t.Setenv(key, value)
			}
			cfg, err := config.LoadDefaultConfig(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			o, f := optionsView(ours.NewFromConfig(cfg).Options()), optionsView(official.NewFromConfig(cfg).Options())
			if diff := cmp.Diff(f, o); diff != "" {
				t.Errorf("Options differ (-official +ours):\n%s", diff)
			}
			if want, ok := endpoints[name]; ok && fmt.Sprint(f["BaseEndpoint"]) != want {
				t.Errorf("the official client's BaseEndpoint is %v, want %s: the setting did not reach it", f["BaseEndpoint"], want)
			}
		})
	}
}

// TestDefaultProtocol compares the Protocol of a new client's Options with
// the official client's: the same protocol, named by the same ID.
func TestDefaultProtocol(t *testing.T) {
	t.Parallel()
	cfg := aws.Config{Region: "us-west-2"}
	kit.CompareProtocols(t, ours.NewFromConfig(cfg).Options().Protocol, official.NewFromConfig(cfg).Options().Protocol)
}
