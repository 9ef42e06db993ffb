package types

// DataTieringStatus says whether a snapshot's cluster uses data tiering.
// Unknown values from the service are kept as they are.
type DataTieringStatus string

// Enum values for DataTieringStatus
const (
	DataTieringStatusTrue  DataTieringStatus = "true"
	DataTieringStatusFalse DataTieringStatus = "false"
)

// Values returns all known values for DataTieringStatus. Note that this can be
// expanded in the future, and so it is only as up to date as the client.
//
// The ordering of this slice is not guaranteed to be stable across updates.
func (DataTieringStatus) Values() []DataTieringStatus {
	return []DataTieringStatus{
		"true",
		"false",
	}
}
