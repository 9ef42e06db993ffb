// Package types holds the structures, enums and typed errors of the Amazon
// MemoryDB CopySnapshot operation, with the names and shapes of
// github.com/aws/aws-sdk-go-v2/service/memorydb/types.
package types

import smithydocument "github.com/aws/smithy-go/document"

// noSmithyDocumentSerde marks the types as not document-serialisable, as
// it does in the official types.
type noSmithyDocumentSerde = smithydocument.NoSerde
