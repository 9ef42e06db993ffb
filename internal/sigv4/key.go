package sigv4

import (
	"crypto/hmac"
	"crypto/sha256"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// cacheSlots is how many values of each kind a Signer keeps (derived keys,
// header orders): enough for the few in use at once, replaced in turn
// when more are in use.
const cacheSlots = 8

// recent keeps the values of one kind computed lately. Entries are
// immutable and published with atomic pointers, so lookups take no lock
// and allocate nothing.
type recent[T any] struct {
	slots [cacheSlots]atomic.Pointer[T]
	next  atomic.Uint32
}

// add publishes v in place of the oldest entry.
func (r *recent[T]) add(v *T) { r.slots[r.next.Add(1)%cacheSlots].Store(v) }

// keyCache keeps the signing keys derived lately, one per (credentials,
// day, region, service).
type keyCache struct{ recent[derivedKey] }

// derivedKey is the signing key of one credentials, day, region and
// service, with the HMAC pads of that key computed once.
type derivedKey struct {
	accessKey, secretKey string
	region, service      string
	day                  [8]byte
	key                  [sha256.Size]byte
	innerPad, outerPad   [sha256.BlockSize]byte
}

func (c *keyCache) get(credentials *aws.Credentials, day []byte, region, service string) *derivedKey {
	var d [8]byte
	copy(d[:], day)
	for i := range c.slots {
		k := c.slots[i].Load()
		if k != nil && k.day == d && k.region == region && k.service == service &&
			k.accessKey == credentials.AccessKeyID && k.secretKey == credentials.SecretAccessKey {
			return k
		}
	}
	k := deriveKey(credentials, d, region, service)
	c.add(k)
	return k
}

// deriveKey computes the SigV4 signing key: HMAC-SHA256 applied to the
// day, region, service and "aws4_request" in turn, starting from "AWS4"
// and the secret key.
func deriveKey(credentials *aws.Credentials, day [8]byte, region, service string) *derivedKey {
	k := &derivedKey{
		accessKey: credentials.AccessKeyID,
		secretKey: credentials.SecretAccessKey,
		region:    region,
		service:   service,
		day:       day,
	}
	key := hmacSHA256([]byte("AWS4"+credentials.SecretAccessKey), day[:])
	key = hmacSHA256(key, []byte(region))
	key = hmacSHA256(key, []byte(service))
	key = hmacSHA256(key, []byte(scopeTerminator))
	copy(k.key[:], key)
	for i := range k.innerPad {
		k.innerPad[i] = 0x36
		k.outerPad[i] = 0x5c
	}
	for i, c := range k.key {
		k.innerPad[i] ^= c
		k.outerPad[i] ^= c
	}
	return k
}

func hmacSHA256(key, data []byte) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write(data)
	return mac.Sum(nil)
}

// mac returns HMAC-SHA256 with k's key of the message that follows the
// first block of padded, which holds k.innerPad.
func (k *derivedKey) mac(padded []byte) [sha256.Size]byte {
	inner := sha256.Sum256(padded)
	var outer [sha256.BlockSize + sha256.Size]byte
	copy(outer[:], k.outerPad[:])
	copy(outer[sha256.BlockSize:], inner[:])
	return sha256.Sum256(outer[:])
}
