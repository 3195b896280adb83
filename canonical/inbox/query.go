package inbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
)

// ErrNotFound is returned by Get for an event id that is not stored.
var ErrNotFound = errors.New("inbox: not found")

// pageSize is how many rows a query reads at a time: no read stays open
// while the caller handles a row, so the caller may write to the store.
const pageSize = 500

// Filter selects stored events or deliveries. Zero fields select all.
type Filter struct {
	// Vendor selects one vendor's.
	Vendor canonical.Vendor
	// Type selects one canonical type (events only).
	Type canonical.Type
	// Since and Until select what was received at or after Since and
	// before Until.
	Since, Until time.Time
}

// StoredEvent is an event as stored.
type StoredEvent struct {
	// Seq orders events by when they were stored, oldest first.
	Seq int64
	// Event is the canonical event.
	Event canonical.Event
	// JSON is its canonical JSON, as stored (see EncodeEvent).
	JSON string
	// DeliveryID is the raw delivery the event was derived from.
	DeliveryID int64
	// ReceivedAt is when that delivery was received.
	ReceivedAt time.Time
}

// StoredDelivery is a raw delivery as stored.
type StoredDelivery struct {
	ID          int64
	Vendor      canonical.Vendor
	ReceivedAt  time.Time
	ContentType string
	// Header holds the identifying headers only (svix-*, webhook-*).
	Header http.Header
	Body   []byte
}

// Events yields the stored events that f selects, oldest first. It stops
// at the first error, which it yields.
func (s *Store) Events(ctx context.Context, f Filter) iter.Seq2[StoredEvent, error] {
	where, args := f.where(true)
	return paged(func(after int64) ([]StoredEvent, error) {
		return s.eventPage(ctx, where, append(slices.Clip(args), after))
	}, func(e StoredEvent) int64 { return e.Seq })
}

// paged yields the rows of page after page, each read after the key of the
// last row of the one before, until a page is not full.
func paged[T any](page func(after int64) ([]T, error), key func(T) int64) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		after := int64(0)
		for {
			rows, err := page(after)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, row := range rows {
				if !yield(row, nil) {
					return
				}
			}
			if len(rows) < pageSize {
				return
			}
			after = key(rows[len(rows)-1])
		}
	}
}

func (s *Store) eventPage(ctx context.Context, where string, args []any) ([]StoredEvent, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT seq, event, delivery_id, received_at FROM lmshooks_events
		WHERE `+where+` seq > ? ORDER BY seq LIMIT `+fmt.Sprint(pageSize)), args...)
	if err != nil {
		return nil, fmt.Errorf("inbox: reading events: %w", err)
	}
	defer rows.Close()
	var page []StoredEvent
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		page = append(page, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("inbox: reading events: %w", err)
	}
	return page, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanEvent(row scanner) (StoredEvent, error) {
	var e StoredEvent
	var receivedAt int64
	if err := row.Scan(&e.Seq, &e.JSON, &e.DeliveryID, &receivedAt); err != nil {
		return StoredEvent{}, fmt.Errorf("inbox: reading an event: %w", err)
	}
	e.ReceivedAt = fromMicros(receivedAt)
	if err := json.Unmarshal([]byte(e.JSON), &e.Event); err != nil {
		return StoredEvent{}, fmt.Errorf("inbox: stored event %d is not an event: %w", e.Seq, err)
	}
	return e, nil
}

// Get returns the stored event with id and the raw delivery it came from;
// the error matches ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, id string) (StoredEvent, StoredDelivery, error) {
	e, err := scanEvent(s.db.QueryRowContext(ctx, s.q(`SELECT seq, event, delivery_id, received_at
		FROM lmshooks_events WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return StoredEvent{}, StoredDelivery{}, fmt.Errorf("%w: event %q", ErrNotFound, id)
	}
	if err != nil {
		return StoredEvent{}, StoredDelivery{}, err
	}
	d, err := scanDelivery(s.db.QueryRowContext(ctx, s.q(`SELECT id, vendor, received_at, content_type, header, body
		FROM lmshooks_deliveries WHERE id = ?`), e.DeliveryID))
	if err != nil {
		return StoredEvent{}, StoredDelivery{}, err
	}
	return e, d, nil
}

// Deliveries yields the stored raw deliveries that f selects (its Type
// aside), oldest first. It stops at the first error, which it yields.
func (s *Store) Deliveries(ctx context.Context, f Filter) iter.Seq2[StoredDelivery, error] {
	where, args := f.where(false)
	return paged(func(after int64) ([]StoredDelivery, error) {
		return s.deliveryPage(ctx, where, append(slices.Clip(args), after))
	}, func(d StoredDelivery) int64 { return d.ID })
}

func (s *Store) deliveryPage(ctx context.Context, where string, args []any) ([]StoredDelivery, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, vendor, received_at, content_type, header, body
		FROM lmshooks_deliveries WHERE `+where+` id > ? ORDER BY id LIMIT `+fmt.Sprint(pageSize)), args...)
	if err != nil {
		return nil, fmt.Errorf("inbox: reading deliveries: %w", err)
	}
	defer rows.Close()
	var page []StoredDelivery
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, err
		}
		page = append(page, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("inbox: reading deliveries: %w", err)
	}
	return page, nil
}

func scanDelivery(row scanner) (StoredDelivery, error) {
	var d StoredDelivery
	var vendor string
	var contentType, header []byte
	var receivedAt int64
	if err := row.Scan(&d.ID, &vendor, &receivedAt, &contentType, &header, &d.Body); err != nil {
		return StoredDelivery{}, fmt.Errorf("inbox: reading a delivery: %w", err)
	}
	d.Vendor = canonical.Vendor(vendor)
	d.ReceivedAt = fromMicros(receivedAt)
	d.ContentType = string(contentType)
	var err error
	if d.Header, err = decodeHeader(header); err != nil {
		return StoredDelivery{}, fmt.Errorf("inbox: stored delivery %d has a broken header: %w", d.ID, err)
	}
	return d, nil
}

// where returns the conditions of f, each followed by AND, and their
// arguments.
func (f Filter) where(events bool) (string, []any) {
	var conds []string
	var args []any
	if f.Vendor != "" {
		conds, args = append(conds, "vendor = ?"), append(args, string(f.Vendor))
	}
	if events && f.Type != "" {
		conds, args = append(conds, "type = ?"), append(args, string(f.Type))
	}
	if !f.Since.IsZero() {
		conds, args = append(conds, "received_at >= ?"), append(args, micros(f.Since))
	}
	if !f.Until.IsZero() {
		conds, args = append(conds, "received_at < ?"), append(args, micros(f.Until))
	}
	var b strings.Builder
	for _, c := range conds {
		b.WriteString(c + " AND ")
	}
	return b.String(), args
}
