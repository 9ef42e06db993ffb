package conformance_test

import (
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/awssnap/awssnap/internal/smithymodel"
)

// patternSamples are hand-written values for each pattern of the models:
// values that match and values that do not, chosen at the pattern's edges.
// TestPatternSamples checks every verdict with the ECMA matcher (and with
// Go's regexp where the pattern is RE2 syntax), and fails for a model
// pattern missing here.
var patternSamples = map[string]struct{ match, noMatch []string }{
	// MemoryDB TargetBucket.
	`^[A-Za-z0-9._-]+$`: {
		match:   []string{"my-bucket", "a", "A.b_c-9", "...", strings.Repeat("b", 255)},
		noMatch: []string{"", "my bucket", "bucket/", "é", "a\n", "a\u2028"},
	},
	// Neptune Analytics GraphIdentifier and GraphId.
	`^g-[a-z0-9]{10}$`: {
		match:   []string{"g-0123456789", "g-abcdefghij", "g-a1b2c3d4e5"},
		noMatch: []string{"", "g-012345678", "g-01234567890", "G-0123456789", "g-ABCDEFGHIJ", "xg-0123456789", "g-0123456789\n", "g_0123456789"},
	},
	// Neptune Analytics SnapshotName.
	`^(?!gs-)[a-z][a-z0-9]*(-[a-z0-9]+)*$`: {
		match:   []string{"a", "snap", "snap-1", "g-s", "gs", "gsx-1", "a1-b2-c3", "g-0123456789", strings.Repeat("s", 63)},
		noMatch: []string{"", "gs-1", "gs-", "1abc", "-a", "a-", "a--b", "Snap", "a_b", "snap\n", "é"},
	},
	// Neptune Analytics TagKey: +-= is a range that takes in digits, ',', ';' and '<'.
	`^[a-zA-Z+-=._:/]+$`: {
		match:   []string{"key", "a+b", "a=b", "0", "a,b", "a;b<", "k.e_y:/", "aws:cloudformation:stack"},
		noMatch: []string{"", "a b", "a@b", "a>b", "é", "a\n", "a*b", "tag!"},
	},
	// Neptune Analytics SnapshotId (output).
	`^gs-[a-z0-9]{10}$`: {
		match:   []string{"gs-0123456789"},
		noMatch: []string{"gs-012345678", "g-0123456789", "gs-ABCDEFGHIJ"},
	},
	// Neptune Analytics KmsKeyArn (output).
	`^arn:aws[^:]*:kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}$`: {
		match:   []string{"arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012", "arn:aws-cn:kms::123456789012:key/12345678-1234-1234-1234-123456789012"},
		noMatch: []string{"arn:aws:kms:us-east-1:12345678901:key/12345678-1234-1234-1234-123456789012", "arn:aws:s3:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012"},
	},
	// Lightsail NonEmptyString (output): ECMA \S, so a no-break space is blank.
	`\S`: {
		match:   []string{"a", " a ", "\t.\n"},
		noMatch: []string{"", " ", "\t\n", "\u00a0", "\u2028\u3000"},
	},
	// Lightsail ResourceName (output).
	`^\w[\w\-]*\w$`: {
		match:   []string{"ab", "a-b", "web_1-2"},
		noMatch: []string{"a", "-ab", "ab-", "a b", "a.b"},
	},
	// DataZone DomainId.
	`^dzd[-_][a-zA-Z0-9_-]{1,36}$`: {
		match:   []string{"dzd_abc", "dzd-1", "dzd_" + strings.Repeat("x", 36), "dzd--"},
		noMatch: []string{"", "dzd_", "dzd-" + strings.Repeat("x", 37), "dzd.abc", "DZD_abc", "xdzd_a", "dzd_a b"},
	},
	// DataZone AssetIdentifier, AssetId, GlossaryTermId, ListingId, ProjectId.
	`^[a-zA-Z0-9_-]{1,36}$`: {
		match:   []string{"a", strings.Repeat("z", 36), "a_b-C9", "-", "_"},
		noMatch: []string{"", strings.Repeat("z", 37), "a.b", "a b", "é"},
	},
	// DataZone DataPointIdentifier (output).
	`^[a-zA-Z0-9_-]{0,36}$`: {
		match:   []string{"", "a", strings.Repeat("z", 36)},
		noMatch: []string{"a.b", strings.Repeat("z", 37)},
	},
	// DataZone ClientToken.
	`^[\x21-\x7E]+$`: {
		match:   []string{"!", "~", "token-1", "a{}|", "0123456789abcdef"},
		noMatch: []string{"", " ", "a b", "é", "\x7f", "a\tb", "a\nb"},
	},
	// DataZone FormName.
	`^(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`: {
		match:   []string{"form", "Form_1", "_a", "__a_", "_9", "a"},
		noMatch: []string{"", "_", "__", "9form", "form-1", "form name", "é", "_-"},
	},
	// DataZone FormTypeIdentifier and AssetTypeIdentifier.
	`^(?!\.)[\w\.]*\w$`: {
		match:   []string{"a", "amazon.datazone.Form", "a..b", "_", "a.1"},
		noMatch: []string{"", ".a", "a.", "a-b", "a b", "."},
	},
	// DataZone FormTypeName (output).
	`^(amazon.datazone.)?(?![0-9_])\w+$|^_\w*[a-zA-Z0-9]\w*$`: {
		match:   []string{"amazon.datazone.Glossary", "Form", "_x", "amazonXdatazoneYForm"},
		noMatch: []string{"amazon.datazone.9x", "9x", "_", "amazon.datazone."},
	},
	// DataZone RevisionInput.
	`^[a-zA-Z0-9_-]+$`: {
		match:   []string{"1", "rev_1-A", strings.Repeat("9", 64)},
		noMatch: []string{"", "1.0", "a b", "é"},
	},
	// Partner Central CatalogIdentifier.
	`^[a-zA-Z]+$`: {
		match:   []string{"AWS", "Sandbox", "a"},
		noMatch: []string{"", "AWS1", "A W S", "AWS\n", "É"},
	},
	// Partner Central ClientToken: '.' stops at the ECMA line terminators.
	`^.{1,255}$`: {
		match:   []string{"a", "é😀", "a b\t", strings.Repeat("a", 255), strings.Repeat("é", 255), "\x00"},
		noMatch: []string{"", strings.Repeat("a", 256), "a\nb", "a\rb", "\u2028", "x\u2029"},
	},
	// Partner Central EngagementIdentifier.
	`^eng-[0-9a-z]{14}$`: {
		match:   []string{"eng-0123456789abcd", "eng-abcdefghijklmn"},
		noMatch: []string{"eng-0123456789abc", "eng-0123456789abcde", "eng-0123456789ABCD", "eng_0123456789abcd", ""},
	},
	// Partner Central ResourceIdentifier.
	`^O[0-9]{1,19}$`: {
		match:   []string{"O1", "O1234567890123456789", "O0"},
		noMatch: []string{"O", "O12345678901234567890", "o1", "O1a", ""},
	},
	// Partner Central ResourceTemplateName.
	`^[a-zA-Z0-9]{3,80}$`: {
		match:   []string{"abc", strings.Repeat("T", 80), "Template1"},
		noMatch: []string{"ab", strings.Repeat("T", 81), "abc-d", ""},
	},
	// Partner Central ResourceArn (output): '.*' may match nothing.
	`^arn:.*`: {
		match:   []string{"arn:", "arn:aws:partnercentral:us-east-1::catalog/AWS", "arn:\n"},
		noMatch: []string{"ar", "xarn:", "ARN:"},
	},
}

// generalSamples join every pattern's own samples when checking a pattern.
var generalSamples = []string{
	"", " ", "a", "A", "z", "Z", "0", "9", "_", "-", ".", ":", "/", "a.b", "a-b", "-a", "a-", "é", "😀",
	"\n", "a\nb", "\r", "\u2028", "\u00a0", "\t", "\x00", "\x7f", "gs-abc", "g-0123456789", "dzd_x",
	"eng-0123456789abcd", "O1", "arn:aws", strings.Repeat("a", 300), strings.Repeat("😀", 40),
}

var ecmaCache sync.Map // pattern → *smithymodel.Pattern

// ecma returns the compiled ECMA matcher for a pattern.
func ecma(t reporter, pattern string) *smithymodel.Pattern {
	t.Helper()
	if re, ok := ecmaCache.Load(pattern); ok {
		return re.(*smithymodel.Pattern)
	}
	re, err := smithymodel.CompilePattern(pattern)
	if err != nil {
		t.Fatal(err)
	}
	ecmaCache.Store(pattern, re)
	return re
}

// modelPatterns returns every pattern trait of the model, with a shape that
// carries it.
func modelPatterns(m *smithymodel.Model) map[string]string {
	out := map[string]string{}
	for _, id := range sortedKeys(m.Shapes) {
		s := m.Shapes[id]
		var p string
		if s.Traits.Decode(smithymodel.TraitPattern, &p) {
			out[p] = id
		}
		for _, mem := range append(members(s), s.Members...) {
			if mem.Traits.Decode(smithymodel.TraitPattern, &p) {
				out[p] = id + "$" + mem.Name
			}
		}
	}
	return out
}

// TestPatternSamples checks the sample table itself: every model pattern
// has samples of both verdicts, the ECMA matcher agrees with each declared
// verdict, and Go's regexp agrees with the matcher wherever the pattern is
// RE2 syntax and the value holds no rune on which the two syntaxes differ.
func TestPatternSamples(t *testing.T) {
	forEachService(t, func(t *testing.T, f *fixture) {
		for pattern, where := range modelPatterns(f.model) {
			samples, ok := patternSamples[pattern]
			if !ok || len(samples.match) == 0 || len(samples.noMatch) == 0 {
				t.Errorf("pattern %s of %s has no samples of both verdicts in patternSamples", pattern, where)
			}
		}
	})
	for pattern, samples := range patternSamples {
		re := ecma(t, pattern)
		for _, s := range samples.match {
			if !re.MatchString(s) {
				t.Errorf("pattern %s: sample %q is listed as matching; the ECMA matcher disagrees", pattern, s)
			}
		}
		for _, s := range samples.noMatch {
			if re.MatchString(s) {
				t.Errorf("pattern %s: sample %q is listed as not matching; the ECMA matcher disagrees", pattern, s)
			}
		}
		re2, err := regexp.Compile(pattern)
		if err != nil {
			continue // lookaheads: the ECMA matcher alone decides
		}
		for _, s := range samplePool(pattern) {
			if !smithymodel.DiffersFromRE2(s) && re2.MatchString(s) != re.MatchString(s) {
				t.Errorf("pattern %s on %q: RE2 says %v, the ECMA matcher %v", pattern, s, re2.MatchString(s), re.MatchString(s))
			}
		}
	}
}

// samplePool returns the values a pattern is checked on: its own samples,
// every other pattern's samples, the general samples, and single-rune
// edits (deletions, substitutions, insertions at both ends) of its short
// matching samples, which sit right at the pattern's edges.
func samplePool(pattern string) []string {
	seen := map[string]bool{}
	var pool []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			pool = append(pool, s)
		}
	}
	own := patternSamples[pattern]
	for _, s := range append(append([]string(nil), own.match...), own.noMatch...) {
		add(s)
	}
	for _, p := range sortedKeys(patternSamples) {
		for _, s := range append(append([]string(nil), patternSamples[p].match...), patternSamples[p].noMatch...) {
			add(s)
		}
	}
	for _, s := range generalSamples {
		add(s)
	}
	edits := []rune{'a', 'Z', '0', '_', '-', '.', ' ', 'é', '\n', ':', '!', '\u2028'}
	for _, s := range own.match {
		runes := []rune(s)
		if len(runes) > 40 {
			continue
		}
		for i := range runes {
			add(string(runes[:i]) + string(runes[i+1:]))
			for _, e := range edits {
				add(string(runes[:i]) + string(e) + string(runes[i+1:]))
			}
		}
		for _, e := range edits {
			add(string(e) + s)
			add(s + string(e))
		}
	}
	return pool
}
