package types

// ListingStatus is the status of an asset published in an Amazon DataZone
// catalog. Unknown values from the service are kept as they are.
type ListingStatus string

// Enum values for ListingStatus
const (
	ListingStatusCreating ListingStatus = "CREATING"
	ListingStatusActive   ListingStatus = "ACTIVE"
	ListingStatusInactive ListingStatus = "INACTIVE"
)

// Values returns all known values for ListingStatus. Note that this can be
// expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (ListingStatus) Values() []ListingStatus {
	return []ListingStatus{
		"CREATING",
		"ACTIVE",
		"INACTIVE",
	}
}
