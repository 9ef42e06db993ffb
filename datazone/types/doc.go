// Package types holds the structures, enums and typed errors of the Amazon
// DataZone CreateAssetRevision operation, with the names and shapes of
// github.com/aws/aws-sdk-go-v2/service/datazone/types.
//
// Structures with @sensitive members print "*** sensitive ***" in their
// place with every fmt verb, String and log/slog; FormInput, sensitive as a
// whole, prints only the placeholder. Their JSON form is unchanged.
package types
