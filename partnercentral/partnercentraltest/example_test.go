package partnercentraltest_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/partnercentral"
	"github.com/awssnap/awssnap/partnercentral/partnercentraltest"
	"github.com/awssnap/awssnap/partnercentral/types"
)

// snapshotOpportunity is the code under test: it snapshots an opportunity
// of an engagement with the given client token.
func snapshotOpportunity(ctx context.Context, client *partnercentral.Client, token string) (int32, error) {
	out, err := client.CreateResourceSnapshot(ctx, &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String("Sandbox"),
		EngagementIdentifier:               aws.String("eng-0123456789abcd"),
		ResourceType:                       types.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String("O1234567"),
		ResourceSnapshotTemplateIdentifier: aws.String("OpportunitySummary"),
		ClientToken:                        aws.String(token),
	})
	if err != nil {
		return 0, err
	}
	return aws.ToInt32(out.Revision), nil
}

// engagement is the engagement the examples seed.
var engagement = partnercentraltest.Engagement{
	Catalog: "Sandbox", ID: "eng-0123456789abcd", Opportunities: []string{"O1234567"},
}

// A unit test seeds the engagement its code snapshots an opportunity of;
// each new client token makes a new revision.
func Example() {
	server := partnercentraltest.NewServer()
	defer server.Close()
	if err := server.SeedEngagements(engagement); err != nil {
		fmt.Println(err)
		return
	}

	client := partnercentral.New(partnercentral.Options{}, server.ClientOptions())
	for _, token := range []string{"first", "second"} {
		revision, err := snapshotOpportunity(context.Background(), client, token)
		fmt.Println("revision:", revision, err)
	}
	for _, snapshot := range server.Snapshots() {
		fmt.Println(snapshot.EngagementID, snapshot.ResourceID, snapshot.Revision)
	}
	// Output:
	// revision: 1 <nil>
	// revision: 2 <nil>
	// eng-0123456789abcd O1234567 1
	// eng-0123456789abcd O1234567 2
}

// The connection drops after the snapshot is made. The client's retry
// carries the same client token, so the server answers it with the same
// revision instead of making another snapshot.
func ExampleServer_DropAfterApply() {
	server := partnercentraltest.NewServer()
	defer server.Close()
	if err := server.SeedEngagements(engagement); err != nil {
		fmt.Println(err)
		return
	}
	server.DropAfterApply(1)

	client := partnercentral.New(partnercentral.Options{}, server.ClientOptions())
	revision, err := snapshotOpportunity(context.Background(), client, "token-1")
	fmt.Println("revision:", revision, err)
	for _, request := range server.Requests() {
		fmt.Println("request answered with status", request.Status)
	}
	fmt.Println("snapshots made:", len(server.Snapshots()))
	// Output:
	// revision: 1 <nil>
	// request answered with status 0
	// request answered with status 200
	// snapshots made: 1
}
