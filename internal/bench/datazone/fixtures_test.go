package datazone

import (
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/datazone"
	ftypes "github.com/aws/aws-sdk-go-v2/service/datazone/types"

	"github.com/awssnap/awssnap/datazone"
	otypes "github.com/awssnap/awssnap/datazone/types"
	"github.com/awssnap/awssnap/internal/bench/kit"
	"github.com/awssnap/awssnap/internal/testutil"
)

const (
	contentType = "application/json"
	signingName = "datazone"
	domain      = "dzd_4p9n6sw4qt9xgn"
	asset       = "3t2ng8cp3dqxmb"
	path        = "/v2/domains/" + domain + "/assets/" + asset + "/revisions"
	token       = "0f8fad5b-d9cb-469f-a165-70867728950e"
)

// formContent is the JSON document of a form, sent as a string.
const formContent = `{"bucketArn":"arn:aws:s3:::orders-data-lake","prefix":"orders/2026/","format":"parquet","compression":"snappy"}`

// fullBody is a realistic CreateAssetRevision answer, every member set.
const fullBody = `{"id":"3t2ng8cp3dqxmb","name":"orders","typeIdentifier":"amazon.datazone.S3ObjectCollectionAssetType",` +
	`"typeRevision":"3","externalIdentifier":"arn:aws:s3:::orders-data-lake/orders/","revision":"4",` +
	`"description":"Orders placed in the web shop, one object per day.","createdAt":1767225600.123,"createdBy":"usr-emulator-caller",` +
	`"firstRevisionCreatedAt":1764547200,"firstRevisionCreatedBy":"usr-seed-owner",` +
	`"glossaryTerms":["gt_orders","gt_sales"],"governedGlossaryTerms":["gt_pii"],"owningProjectId":"b2ji7k9xy",` +
	`"domainId":"dzd_4p9n6sw4qt9xgn","listing":{"listingId":"lst4x9p2qkz","listingStatus":"ACTIVE"},` +
	`"formsOutput":[{"formName":"S3ObjectCollectionForm","typeName":"amazon.datazone.S3ObjectCollectionFormType","typeRevision":"2",` +
	`"content":"{\"bucketArn\":\"arn:aws:s3:::orders-data-lake\",\"prefix\":\"orders/2026/\",\"format\":\"parquet\",\"compression\":\"snappy\"}"},` +
	`{"formName":"AssetCommonDetailsForm","typeName":"amazon.datazone.AssetCommonDetailsFormType","typeRevision":"1",` +
	`"content":"{\"customProperties\":{\"owner\":\"sales-analytics\",\"tier\":\"gold\"}}"}],` +
	`"readOnlyFormsOutput":[{"formName":"DataSourceReferenceForm","typeName":"amazon.datazone.DataSourceReferenceFormType","typeRevision":"1",` +
	`"content":"{\"dataSourceIdentifier\":\"ds_5kq2v8m3\"}"}],` +
	`"latestTimeSeriesDataPointFormsOutput":[{"formName":"DataQualityResultForm","typeIdentifier":"amazon.datazone.DataQualityResultFormType",` +
	`"typeRevision":"8","timestamp":1767225000.5,"contentSummary":"{\"passingPercentage\":98.5}","id":"tsdp_7c2n9x"}],` +
	`"predictionConfiguration":{"businessNameGeneration":{"enabled":true}}}`

// requestBody is what both clients send for the benchmark inputs.
const requestBody = `{"clientToken":"` + token + `","description":"Orders placed in the web shop, one object per day.",` +
	`"formsInput":[{"content":"{\"bucketArn\":\"arn:aws:s3:::orders-data-lake\",\"prefix\":\"orders/2026/\",\"format\":\"parquet\",\"compression\":\"snappy\"}",` +
	`"formName":"S3ObjectCollectionForm","typeIdentifier":"amazon.datazone.S3ObjectCollectionFormType","typeRevision":"2"}],` +
	`"glossaryTerms":["gt_orders","gt_sales"],"name":"orders","predictionConfiguration":{"businessNameGeneration":{"enabled":true}},"typeRevision":"3"}`

func oursInput() *datazone.CreateAssetRevisionInput {
	return &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String(domain),
		Identifier:       aws.String(asset),
		Name:             aws.String("orders"),
		ClientToken:      aws.String(token),
		Description:      aws.String("Orders placed in the web shop, one object per day."),
		FormsInput: []otypes.FormInput{{
			FormName: aws.String("S3ObjectCollectionForm"), Content: aws.String(formContent),
			TypeIdentifier: aws.String("amazon.datazone.S3ObjectCollectionFormType"), TypeRevision: aws.String("2"),
		}},
		GlossaryTerms:           []string{"gt_orders", "gt_sales"},
		PredictionConfiguration: &otypes.PredictionConfiguration{BusinessNameGeneration: &otypes.BusinessNameGenerationConfiguration{Enabled: aws.Bool(true)}},
		TypeRevision:            aws.String("3"),
	}
}

func officialInput() *official.CreateAssetRevisionInput {
	return &official.CreateAssetRevisionInput{
		DomainIdentifier: aws.String(domain),
		Identifier:       aws.String(asset),
		Name:             aws.String("orders"),
		ClientToken:      aws.String(token),
		Description:      aws.String("Orders placed in the web shop, one object per day."),
		FormsInput: []ftypes.FormInput{{
			FormName: aws.String("S3ObjectCollectionForm"), Content: aws.String(formContent),
			TypeIdentifier: aws.String("amazon.datazone.S3ObjectCollectionFormType"), TypeRevision: aws.String("2"),
		}},
		GlossaryTerms:           []string{"gt_orders", "gt_sales"},
		PredictionConfiguration: &ftypes.PredictionConfiguration{BusinessNameGeneration: &ftypes.BusinessNameGenerationConfiguration{Enabled: aws.Bool(true)}},
		TypeRevision:            aws.String("3"),
	}
}

func newOurs(httpClient datazone.HTTPClient, endpoint string, optFns ...func(*datazone.Options)) *datazone.Client {
	options := datazone.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return datazone.New(options, optFns...)
}

func newOfficial(httpClient official.HTTPClient, endpoint string, optFns ...func(*official.Options)) *official.Client {
	options := official.Options{Region: kit.Region, Credentials: testutil.Credentials, HTTPClient: httpClient}
	if endpoint != "" {
		options.BaseEndpoint = aws.String(endpoint)
	}
	return official.New(options, optFns...)
}

func fullResponse() kit.Response { return kit.Canned(200, contentType, fullBody) }

func newFloor(tb testing.TB, client *http.Client, url string) *kit.Floor {
	tb.Helper()
	floor, err := kit.NewFloor(client, url+path, http.Header{"Content-Type": {contentType}}, []byte(requestBody), signingName, testutil.Credentials)
	if err != nil {
		tb.Fatal(err)
	}
	return floor
}
