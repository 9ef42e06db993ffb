module example.com/usertest

go 1.24

replace github.com/awssnap/awssnap => ../..

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/aws-sdk-go-v2/service/datazone v1.62.2
	github.com/aws/aws-sdk-go-v2/service/lightsail v1.72.0
	github.com/aws/aws-sdk-go-v2/service/memorydb v1.43.0
	github.com/aws/aws-sdk-go-v2/service/neptunegraph v1.22.1
	github.com/aws/smithy-go v1.28.9
	github.com/awssnap/awssnap v0.0.0-00010101000000-000000000000
)

require (
	github.com/aws/aws-sdk-go-v2/credentials v1.20.16 // indirect
	github.com/aws/aws-sdk-go-v2/internal/configsources v1.5.12 // indirect
	github.com/aws/aws-sdk-go-v2/internal/endpoints/v2 v2.8.12 // indirect
)
