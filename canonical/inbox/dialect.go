package inbox

import (
	"strconv"
	"strings"
)

// Dialect is what differs between the SQL databases a Store runs on. The
// sqlite and postgres subpackages each provide one. The schema and queries
// live in this package, written with ? parameters and the type names below.
type Dialect struct {
	// Name names the database in errors, such as "sqlite".
	Name string
	// NumberedParams makes ? parameters $1, $2, … (PostgreSQL).
	NumberedParams bool
	// SerialKey is the column type of an integer primary key that the
	// database numbers itself ("INTEGER PRIMARY KEY", "BIGSERIAL PRIMARY KEY").
	SerialKey string
	// Blob is the type of a byte-string column ("BLOB", "BYTEA").
	Blob string
	// LockSchema, when set, is run first in the migration transaction so
	// that two processes opening one store at once migrate it once
	// (PostgreSQL: an advisory lock).
	LockSchema string
	// SkipLocked, when set, ends the relay's query for due outbox rows (the
	// table is aliased o) so that several relays share the rows without
	// waiting for each other (PostgreSQL: " FOR UPDATE OF o SKIP LOCKED").
	// Without it, the database must serialise writers itself (SQLite).
	SkipLocked string
	// Healthy, when set, is asked before each batch commits; an error fails
	// the batch, so that nothing is acknowledged that would be lost (SQLite:
	// the database file was removed or replaced under the store).
	Healthy func() error
	// Retryable reports whether an error ended a delivery's statements in a
	// way that trying them again can fix (a deadlock between two PostgreSQL
	// writers). Nil means none is.
	Retryable func(error) bool
}

// rebind rewrites the ? parameters of query for d.
func (d *Dialect) rebind(query string) string {
	if !d.NumberedParams {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r != '?' {
			b.WriteRune(r)
			continue
		}
		n++
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

// ddl fills a schema statement's type names for d.
func (d *Dialect) ddl(stmt string) string {
	return strings.NewReplacer("{{serial}}", d.SerialKey, "{{blob}}", d.Blob).Replace(stmt)
}

func (d *Dialect) retryable(err error) bool {
	return d.Retryable != nil && d.Retryable(err)
}
