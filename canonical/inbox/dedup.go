package inbox

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
)

// ErrLeaseLost is returned by Commit when the claim's lease expired and
// another holder took the id over: the callback's work may be done twice.
var ErrLeaseLost = errors.New("inbox: the claim's lease expired before its commit")

// claimPoll is how often a Claim waiting for another holder looks again.
const claimPoll = 25 * time.Millisecond

// Dedup is a canonical.DedupStore on a Store's database, for code that keeps
// its own per-event callback (canonical.Deduplicate, canonical.WithDedup)
// instead of Save. Claims are leases: a claim whose holder crashed expires
// after the lease and the id may be claimed again. Ids are remembered for
// the Store's retention age.
type Dedup struct {
	store *Store
	lease time.Duration
	owner string
}

var _ canonical.DedupStore = (*Dedup)(nil)

// Dedup returns a DedupStore whose claims last lease (at least one second
// is sensible: longer than the callback takes).
func (s *Store) Dedup(lease time.Duration) *Dedup {
	return &Dedup{store: s, lease: max(lease, time.Millisecond), owner: rand.Text()}
}

// Claim implements canonical.DedupStore: it takes the id when nobody holds
// it or the holder's lease expired, returns false when the id was
// committed, and otherwise waits.
func (d *Dedup) Claim(ctx context.Context, id string) (bool, error) {
	for {
		now := time.Now()
		res, err := d.store.db.ExecContext(ctx, d.store.q(`INSERT INTO lmshooks_claims (id, owner, lease_until) VALUES (?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
			WHERE lmshooks_claims.committed_at IS NULL AND lmshooks_claims.lease_until < ?`),
			id, d.owner, micros(now.Add(d.lease)), micros(now))
		if err != nil {
			return false, fmt.Errorf("inbox: claiming %s: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return false, fmt.Errorf("inbox: claiming %s: %w", id, err)
		} else if n == 1 {
			return true, nil
		}
		var committed sql.NullInt64
		err = d.store.db.QueryRowContext(ctx, d.store.q(`SELECT committed_at FROM lmshooks_claims WHERE id = ?`), id).Scan(&committed)
		switch {
		case errors.Is(err, sql.ErrNoRows): // released meanwhile: try again at once
			continue
		case err != nil:
			return false, fmt.Errorf("inbox: claiming %s: %w", id, err)
		case committed.Valid:
			return false, nil
		}
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(claimPoll):
		}
	}
}

// Commit implements canonical.DedupStore. It fails with ErrLeaseLost when
// the claim is no longer this store's.
func (d *Dedup) Commit(ctx context.Context, id string) error {
	res, err := d.store.db.ExecContext(ctx, d.store.q(`UPDATE lmshooks_claims SET committed_at = ?
		WHERE id = ? AND owner = ? AND committed_at IS NULL`), micros(time.Now()), id, d.owner)
	if err != nil {
		return fmt.Errorf("inbox: committing %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("inbox: committing %s: %w", id, err)
	} else if n != 1 {
		return fmt.Errorf("%w: %s", ErrLeaseLost, id)
	}
	return nil
}

// Release implements canonical.DedupStore: the claim ends without
// recording id, so that a retry is delivered.
func (d *Dedup) Release(ctx context.Context, id string) error {
	_, err := d.store.db.ExecContext(ctx, d.store.q(`DELETE FROM lmshooks_claims
		WHERE id = ? AND owner = ? AND committed_at IS NULL`), id, d.owner)
	if err != nil {
		return fmt.Errorf("inbox: releasing %s: %w", id, err)
	}
	return nil
}
