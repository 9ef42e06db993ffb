// Package types holds the enums and typed errors of the Amazon Neptune
// Analytics CreateGraphSnapshot operation, with the names and shapes of
// github.com/aws/aws-sdk-go-v2/service/neptunegraph/types.
package types
