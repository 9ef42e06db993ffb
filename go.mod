module github.com/awssnap/awssnap

go 1.24

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/aws-sdk-go-v2/credentials v1.20.16
	github.com/aws/smithy-go v1.28.9
	github.com/google/go-cmp v0.7.0
)
