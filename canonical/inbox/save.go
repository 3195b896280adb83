package inbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lmshooks/lmshooks/canonical"
)

// ErrInvalidDelivery is returned by Save for a delivery it cannot store: nil,
// an unknown vendor, an identifying header with a line break, an event id
// that is not UTF-8 text without NUL (a key every database can hold), or an
// event that fails canonical validation (the error then matches
// canonical.ErrInvalidEvent too).
var ErrInvalidDelivery = errors.New("inbox: invalid delivery")

// Result says what Save stored.
type Result struct {
	// DeliveryID is the stored raw delivery's id; 0 when nothing was stored
	// because every event of the delivery was stored already.
	DeliveryID int64
	// New are the events stored by this Save, in the delivery's order.
	New []canonical.Event
	// Duplicates are the events that were stored already (by an earlier
	// delivery, another process, or earlier in this one), in order.
	Duplicates []canonical.Event
}

// Save stores a delivery and its events in one transaction and returns
// after the commit, so that a nil error means they are on disk. Event ids
// are unique keys: an event stored already is a duplicate, and a delivery
// whose events are all duplicates stores nothing and succeeds. A delivery
// with no events is stored each time it arrives.
//
// Of d.Header only the headers that identify the delivery (svix-*,
// webhook-*) are kept; Authorization and any other header are never
// stored. Concurrent Saves share one transaction (group commit); each
// waits for its own result. If ctx ends first Save returns its error, and
// the delivery may or may not be committed (a retry is a duplicate).
func (s *Store) Save(ctx context.Context, d *canonical.Delivery) (Result, error) {
	req, err := newSaveRequest(ctx, d)
	if err != nil {
		return Result{}, err
	}
	return s.submit(ctx, req)
}

// submit hands req to the writer and waits for its commit.
func (s *Store) submit(ctx context.Context, req *saveRequest) (Result, error) {
	if err := s.enqueue(ctx, req); err != nil {
		return Result{}, err
	}
	select {
	case <-req.done:
		return req.result, req.err
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
}

// saveRequest is one delivery waiting for the writer, encoded for storage.
type saveRequest struct {
	ctx      context.Context
	delivery *canonical.Delivery
	header   []byte
	events   []string // the canonical JSON of each of delivery.Events
	// storedDelivery, when not 0, is the stored raw delivery that the
	// events were derived from again (Rederive): no new delivery is stored.
	storedDelivery int64
	// done is closed when result and err are set.
	done   chan struct{}
	result Result
	err    error
}

func newSaveRequest(ctx context.Context, d *canonical.Delivery) (*saveRequest, error) {
	if d == nil {
		return nil, fmt.Errorf("%w: nil", ErrInvalidDelivery)
	}
	if !d.Vendor.Valid() {
		return nil, fmt.Errorf("%w: unknown vendor %q", ErrInvalidDelivery, d.Vendor)
	}
	header, err := encodeHeader(d.Header)
	if err != nil {
		return nil, err
	}
	req := &saveRequest{ctx: ctx, delivery: d, header: header, done: make(chan struct{})}
	for i := range d.Events {
		e := &d.Events[i]
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("%w: event %d: %w", ErrInvalidDelivery, i, err)
		}
		if !utf8.ValidString(e.ID) || strings.ContainsRune(e.ID, 0) {
			return nil, fmt.Errorf("%w: event %d: id %q is not UTF-8 text without NUL", ErrInvalidDelivery, i, e.ID)
		}
		if e.Vendor != d.Vendor {
			return nil, fmt.Errorf("%w: event %d is from %q, the delivery from %q", ErrInvalidDelivery, i, e.Vendor, d.Vendor)
		}
		encoded, err := EncodeEvent(e)
		if err != nil {
			return nil, fmt.Errorf("%w: event %d: %w", ErrInvalidDelivery, i, err)
		}
		req.events = append(req.events, encoded)
	}
	return req, nil
}

func (r *saveRequest) finish(result Result, err error) {
	r.result, r.err = result, err
	close(r.done)
}

// EncodeEvent returns an event's canonical JSON as stored and exported: the
// contract's field order, absent values omitted, no HTML escaping, no
// trailing newline.
func EncodeEvent(e *canonical.Event) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
