package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/postgres"
	"github.com/lmshooks/lmshooks/internal/inboxtest"
)

// dsnVar names the environment variable with the test server's DSN; .ci/run
// starts a PostgreSQL and sets it.
const dsnVar = "LMSHOOKS_TEST_POSTGRES_DSN"

var schemas atomic.Int64

// testDSN returns a DSN whose search_path is a schema of its own, created
// for the test and dropped after it; it skips without a server.
func testDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv(dsnVar)
	if base == "" {
		t.Skipf("%s is not set: no PostgreSQL server to test against (.ci/run starts one)", dsnVar)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("lmshooks_test_%d_%d", os.Getpid(), schemas.Add(1))
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("creating schema: %v", err)
	}
	t.Cleanup(func() { admin.Exec("DROP SCHEMA " + schema + " CASCADE") })
	u, err := url.Parse(base)
	if err != nil || !strings.HasPrefix(base, "postgres") {
		t.Fatalf("%s must be a postgres:// URL, not %q", dsnVar, base)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestStore runs the suite in a schema of its own per test.
func TestStore(t *testing.T) {
	inboxtest.Run(t, inboxtest.Harness{
		Driver: "pgx",
		Source: testDSN,
		Open: func(dsn string, opts ...inbox.Option) (*inbox.Store, error) {
			return postgres.Open(context.Background(), dsn, opts...)
		},
		Poison: []string{
			`CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN IF NEW.id LIKE 'poison%' THEN RAISE EXCEPTION 'poisoned event'; END IF; RETURN NEW; END $$`,
			`CREATE TRIGGER poison BEFORE INSERT ON lmshooks_events FOR EACH ROW EXECUTE FUNCTION poison()`,
		},
	})
}
