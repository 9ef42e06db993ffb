package datazonetest_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/datazone/datazonetest"
)

// describeAsset is the code under test: it revises an asset with a new
// description, keeping its name.
func describeAsset(ctx context.Context, client *datazone.Client, domainID, assetID, name, description string) (string, error) {
	out, err := client.CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String(domainID),
		Identifier:       aws.String(assetID),
		Name:             aws.String(name),
		Description:      aws.String(description),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Revision), nil
}

// orders is the asset the examples seed.
var orders = datazonetest.Asset{
	DomainID: "dzd_sales01", ID: "orders", Name: "orders", OwningProjectID: "prj-sales",
	TypeIdentifier: "amazon.datazone.GlueTableAssetType", TypeRevision: "1",
}

// A unit test seeds the asset its code revises, then reads the asset's
// latest revision and the request path back from the server.
func Example() {
	server := datazonetest.NewServer()
	defer server.Close()
	if err := server.SeedAssets(orders); err != nil {
		fmt.Println(err)
		return
	}

	client := datazone.New(datazone.Options{}, server.ClientOptions())
	revision, err := describeAsset(context.Background(), client, "dzd_sales01", "orders", "orders", "Orders of the web shop.")
	if err != nil {
		fmt.Println(err)
		return
	}
	asset, _ := server.Asset("dzd_sales01", "orders")
	fmt.Println("revision:", revision, asset.Revision)
	fmt.Println("description:", asset.Description)
	fmt.Println("path:", server.Requests()[0].Path)
	// Output:
	// revision: 2 2
	// description: Orders of the web shop.
	// path: /v2/domains/dzd_sales01/assets/orders/revisions
}

// A request held longer than the caller's deadline fails with
// context.DeadlineExceeded, and the server does not apply it.
func ExampleServer_Delay() {
	server := datazonetest.NewServer()
	defer server.Close()
	if err := server.SeedAssets(orders); err != nil {
		fmt.Println(err)
		return
	}
	server.Delay(5*time.Second, 1)

	client := datazone.New(datazone.Options{}, server.ClientOptions())
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := describeAsset(ctx, client, "dzd_sales01", "orders", "orders", "Orders of the web shop.")
	fmt.Println("deadline exceeded:", errors.Is(err, context.DeadlineExceeded))
	asset, _ := server.Asset("dzd_sales01", "orders")
	fmt.Println("revision:", asset.Revision)
	// Output:
	// deadline exceeded: true
	// revision: 1
}
