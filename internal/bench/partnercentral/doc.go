// Package partnercentral measures awssnap's Partner Central Selling
// CreateResourceSnapshot client against the net/http floors. The official
// service/partnercentralselling module cannot be resolved here, so there is
// no official client to compare with.
package partnercentral
