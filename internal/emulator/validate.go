package emulator

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/awssnap/awssnap/internal/validate"
)

// Validation codes, named after Partner Central's ValidationExceptionErrorCode;
// the other services only use the messages.
const (
	codeRequired      = "REQUIRED_FIELD_MISSING"
	codeInvalidEnum   = "INVALID_ENUM_VALUE"
	codeInvalidFormat = "INVALID_STRING_FORMAT"
	codeInvalidValue  = "INVALID_VALUE"
	codeTooFewValues  = "NOT_ENOUGH_VALUES"
	codeTooManyValues = "TOO_MANY_VALUES"
)

// violation is one broken constraint of one input member.
type violation struct {
	field   string
	code    string
	message string
}

// pattern is a model pattern: the text the model declares and a matcher for
// it (an RE2 rewrite where the model uses look-ahead).
type pattern struct {
	text  string
	match func(string) bool
}

func rePattern(expr string) pattern {
	return pattern{text: expr, match: regexp.MustCompile(expr).MatchString}
}

// libraryPattern is a pattern the client library declares, matched by the
// same code, for patterns RE2 does not read as Smithy's ECMAScript dialect does.
func libraryPattern(p *validate.Pattern) pattern {
	return pattern{text: p.Source, match: p.Match}
}

// checker collects every violation of an input, in member order. Values are
// never echoed into messages, so sensitive members stay out of answers.
type checker struct {
	violations []violation
}

func (c *checker) add(field, code, constraint string) {
	c.violations = append(c.violations, violation{
		field:   field,
		code:    code,
		message: fmt.Sprintf("Value at '%s' failed to satisfy constraint: %s", field, constraint),
	})
}

// required reports whether a required member is present, recording a violation if not.
func (c *checker) required(field string, present bool) bool {
	if !present {
		c.add(field, codeRequired, "Member must not be null")
	}
	return present
}

// length checks a string's length in Unicode scalar values; max < 0 means unbounded.
func (c *checker) length(field, value string, minimum, maximum int) {
	n := utf8.RuneCountInString(value)
	if n < minimum {
		c.add(field, codeInvalidValue, fmt.Sprintf("Member must have length greater than or equal to %d", minimum))
	}
	if maximum >= 0 && n > maximum {
		c.add(field, codeInvalidValue, fmt.Sprintf("Member must have length less than or equal to %d", maximum))
	}
}

func (c *checker) pattern(field, value string, p pattern) {
	if !p.match(value) {
		c.add(field, codeInvalidFormat, "Member must satisfy regular expression pattern: "+p.text)
	}
}

// count checks the size of a list or map; max < 0 means unbounded.
func (c *checker) count(field string, n, minimum, maximum int) {
	if n < minimum {
		c.add(field, codeTooFewValues, fmt.Sprintf("Member must have length greater than or equal to %d", minimum))
	}
	if maximum >= 0 && n > maximum {
		c.add(field, codeTooManyValues, fmt.Sprintf("Member must have length less than or equal to %d", maximum))
	}
}

func (c *checker) enum(field, value string, allowed ...string) {
	if !slices.Contains(allowed, value) {
		c.add(field, codeInvalidEnum, "Member must satisfy enum value set: ["+strings.Join(allowed, ", ")+"]")
	}
}

func (c *checker) failed() bool { return len(c.violations) > 0 }

// message summarises the violations the way AWS validation errors do.
func (c *checker) message() string {
	parts := make([]string, len(c.violations))
	for i, v := range c.violations {
		parts[i] = v.message
	}
	noun := "errors"
	if len(parts) == 1 {
		noun = "error"
	}
	return fmt.Sprintf("%d validation %s detected: %s", len(parts), noun, strings.Join(parts, "; "))
}
