package xapi

import (
	"crypto/sha1"
	"encoding/hex"
)

// nameSpaceURL is RFC 4122's namespace for names that are URLs.
var nameSpaceURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// statementNamespace is the namespace of statement ids: the UUID v5 of
// https://lmshooks.dev/xapi/statements in the URL namespace.
var statementNamespace = uuidV5(nameSpaceURL, "https://lmshooks.dev/xapi/statements")

// StatementID returns the id of the statement named name: the canonical
// event's id, followed by "#certificate" or "#outcome" for an event's
// second statement. The same name always gives the same id, which is what
// makes re-deliveries harmless.
func StatementID(name string) string { return formatUUID(uuidV5(statementNamespace, name)) }

// uuidV5 is RFC 4122's name-based UUID with SHA-1 (version 5).
func uuidV5(namespace [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // the RFC 4122 variant
	return u
}

// formatUUID writes u in the 8-4-4-4-12 hex form.
func formatUUID(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}
