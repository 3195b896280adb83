package main

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the schema of a run
)

// freshSchema creates a schema of its own in the database dsn names, so
// that a run finds no events of an earlier one, and returns a DSN whose
// search_path is that schema and a function that drops it.
func freshSchema(dsn string) (string, func(), error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", nil, err
	}
	schema := fmt.Sprintf("lmshooks_bench_%d", os.Getpid())
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		db.Close()
		return "", nil, fmt.Errorf("creating schema %s: %w", schema, err)
	}
	drop := func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	}
	u, err := url.Parse(dsn)
	if err != nil {
		drop()
		return "", nil, fmt.Errorf("-postgres: %w", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}
