package partnercentral_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestClientTokenRewriteMatchesModel proves the Go matcher of ^.{1,255}$
// equal to the pattern read with ECMAScript's '.' (any character but \n,
// \r, U+2028 and U+2029), written as an RE2 class, over every string of up
// to four characters from an alphabet holding each kind of character, and
// over lengths around the bound.
func TestClientTokenRewriteMatchesModel(t *testing.T) {
	t.Parallel()
	ecma := regexp.MustCompile(`^[^\n\r\x{2028}\x{2029}]{1,255}$`)
	alphabet := []string{"a", " ", "\n", "\r", "\t", "\u2028", "\u2029", "\u0085", "é", "😀", "\x00", "\xff"}
	check := func(s string) {
		in := valid()
		in.ClientToken = aws.String(s)
		got := in.Validate() == nil
		if want := ecma.MatchString(s); got != want {
			t.Errorf("%q: accepted = %v, the model's pattern says %v", s, got, want)
		}
	}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		check(prefix)
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			walk(prefix+c, depth-1)
		}
	}
	walk("", 4)
	for _, n := range []int{254, 255, 256} {
		for _, c := range alphabet {
			check(strings.Repeat(c, n))
			check(strings.Repeat("a", n-1) + c)
		}
	}
	// Where RE2's own '.' agrees with ECMAScript (no \r, U+2028, U+2029),
	// the rewrite agrees with the pattern compiled as written.
	re2 := regexp.MustCompile(`^.{1,255}$`)
	for _, s := range []string{"a", "a\n", "\n", "é😀", strings.Repeat("x", 255), strings.Repeat("x", 256), "\x00\xff"} {
		if ecma.MatchString(s) != re2.MatchString(s) {
			t.Errorf("%q: the RE2 class and the pattern as written disagree", s)
		}
	}
}
