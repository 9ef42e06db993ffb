// Package types holds the enums, structures and typed errors of the AWS
// Partner Central Selling CreateResourceSnapshot operation, with the names
// and shapes of github.com/aws/aws-sdk-go-v2/service/partnercentralselling/types.
package types
