// Command tour calls each of the five operations once, against a local
// emulator started in-process (no AWS account needed) or, with -aws,
// against AWS with the default credential chain and region. With -aws it
// creates real, billable resources in the account (a MemoryDB snapshot
// copy, a Neptune Analytics graph snapshot, a DataZone asset revision and
// a Partner Central resource snapshot) and deletes none of them.
//
//	go run ./examples/tour
//	go run ./examples/tour -aws -memorydb-source my-snapshot ...
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/awssnap/awssnap/datazone"
	"github.com/awssnap/awssnap/examples/internal/env"
	"github.com/awssnap/awssnap/lightsail"
	"github.com/awssnap/awssnap/memorydb"
	"github.com/awssnap/awssnap/neptunegraph"
	"github.com/awssnap/awssnap/partnercentral"
	partnercentraltypes "github.com/awssnap/awssnap/partnercentral/types"
)

// ids names the resources the tour works on; the defaults are the
// emulator's seed data.
type ids struct {
	memoryDBSource, suffix           string
	graph                            string
	domain, asset                    string
	catalog, engagement, opportunity string
	template                         string
}

// usage is printed before the flags by -h.
const usage = `Usage: tour [flags]

tour calls each of the five operations once. By default it starts a local
emulator in-process and calls it: no AWS account is needed and nothing is
created anywhere.

With -aws it calls AWS instead and creates real, billable resources in your
account: a copy of the MemoryDB snapshot -memorydb-source, a snapshot of the
Neptune Analytics graph -graph, a revision of the DataZone asset
-datazone-asset and a Partner Central resource snapshot. The tour deletes
none of them; delete them yourself when you are done. Name resources of your
own account with the flags below.

Flags:
`

func main() {
	if err := run(context.Background(), os.Stdout, os.Args[1:]); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, out io.Writer, args []string) error {
	var shared env.Flags
	var id ids
	fs := flag.NewFlagSet("tour", flag.ContinueOnError)
	fs.SetOutput(out)
	shared.Register(fs)
	fs.Lookup("aws").Usage = "call AWS instead of the local emulator, with the default credential chain and region.\n" +
		"This CREATES REAL, BILLABLE RESOURCES in your account, which the tour does not delete"
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&id.memoryDBSource, "memorydb-source", "seed-snapshot-1", "MemoryDB snapshot to copy")
	fs.StringVar(&id.suffix, "suffix", "tour", "suffix of the names the tour creates")
	fs.StringVar(&id.graph, "graph", "g-abcde12345", "Neptune Analytics graph to snapshot")
	fs.StringVar(&id.domain, "datazone-domain", "dzd_4p9n6sw4qt9xgn", "DataZone domain")
	fs.StringVar(&id.asset, "datazone-asset", "3t2ng8cp3dqxmb", "DataZone asset to revise")
	fs.StringVar(&id.catalog, "catalog", "AWS", "Partner Central catalog")
	fs.StringVar(&id.engagement, "engagement", "eng-0123456789abcd", "Partner Central engagement")
	fs.StringVar(&id.opportunity, "opportunity", "O1234567", "Partner Central opportunity")
	fs.StringVar(&id.template, "template", "TourTemplate", "Partner Central snapshot template")
	if run, err := env.Parse(fs, args); !run {
		return err
	}
	cfg, stop, err := shared.Config(ctx)
	if err != nil {
		return err
	}
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()

	steps := []func(context.Context, aws.Config, ids, io.Writer) error{
		copySnapshot, exportRecords, graphSnapshot, assetRevision, resourceSnapshot,
	}
	for _, step := range steps {
		if err := step(ctx, cfg, id, out); err != nil {
			return err
		}
	}
	return nil
}

func copySnapshot(ctx context.Context, cfg aws.Config, id ids, out io.Writer) error {
	client := memorydb.NewFromConfig(cfg)
	res, err := client.CopySnapshot(ctx, &memorydb.CopySnapshotInput{
		SourceSnapshotName: aws.String(id.memoryDBSource),
		TargetSnapshotName: aws.String(id.memoryDBSource + "-" + id.suffix),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "MemoryDB CopySnapshot: %s is %s\n", aws.ToString(res.Snapshot.Name), aws.ToString(res.Snapshot.Status))
	return nil
}

func exportRecords(ctx context.Context, cfg aws.Config, _ ids, out io.Writer) error {
	client := lightsail.NewFromConfig(cfg)
	res, err := client.GetExportSnapshotRecords(ctx, &lightsail.GetExportSnapshotRecordsInput{})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Lightsail GetExportSnapshotRecords: %d records on the first page, more: %t\n",
		len(res.ExportSnapshotRecords), aws.ToString(res.NextPageToken) != "")
	return nil
}

func graphSnapshot(ctx context.Context, cfg aws.Config, id ids, out io.Writer) error {
	client := neptunegraph.NewFromConfig(cfg)
	res, err := client.CreateGraphSnapshot(ctx, &neptunegraph.CreateGraphSnapshotInput{
		GraphIdentifier: aws.String(id.graph),
		SnapshotName:    aws.String("snapshot-" + id.suffix),
		Tags:            map[string]string{"created-by": "awssnap-tour"},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Neptune Analytics CreateGraphSnapshot: %s of %s is %s\n",
		aws.ToString(res.Name), aws.ToString(res.SourceGraphId), res.Status)
	return nil
}

func assetRevision(ctx context.Context, cfg aws.Config, id ids, out io.Writer) error {
	client := datazone.NewFromConfig(cfg)
	res, err := client.CreateAssetRevision(ctx, &datazone.CreateAssetRevisionInput{
		DomainIdentifier: aws.String(id.domain),
		Identifier:       aws.String(id.asset),
		Name:             aws.String("orders"),
		Description:      aws.String("Orders, revised by the awssnap tour"),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "DataZone CreateAssetRevision: asset %s is at revision %s\n", aws.ToString(res.Id), aws.ToString(res.Revision))
	return nil
}

func resourceSnapshot(ctx context.Context, cfg aws.Config, id ids, out io.Writer) error {
	client := partnercentral.NewFromConfig(cfg)
	res, err := client.CreateResourceSnapshot(ctx, &partnercentral.CreateResourceSnapshotInput{
		Catalog:                            aws.String(id.catalog),
		EngagementIdentifier:               aws.String(id.engagement),
		ResourceType:                       partnercentraltypes.ResourceTypeOpportunity,
		ResourceIdentifier:                 aws.String(id.opportunity),
		ResourceSnapshotTemplateIdentifier: aws.String(id.template),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Partner Central CreateResourceSnapshot: revision %d\n", aws.ToInt32(res.Revision))
	return nil
}
