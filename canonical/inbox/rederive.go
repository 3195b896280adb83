package inbox

import (
	"context"
	"fmt"

	"github.com/lmshooks/lmshooks/canonical"
)

// Rederived counts what Rederive did.
type Rederived struct {
	// Deliveries is how many stored deliveries were parsed again.
	Deliveries int
	// New are the events stored now (an id the current library derives
	// differently, or an event it did not derive before).
	New []canonical.Event
	// Failed are the deliveries that parse refused, with its error.
	Failed []RederiveFailure
}

// RederiveFailure is a stored delivery that could not be parsed again.
type RederiveFailure struct {
	DeliveryID int64
	Err        error
}

// Rederive parses every stored delivery that f selects again with parse
// (typically canonical.ParseRequest with the stored Content-Type and
// headers) and stores the events that result, attached to the same raw
// delivery; events stored already are duplicates, as in Save. A delivery
// that parse refuses is reported in Failed and the others go on; a store
// error stops it.
func (s *Store) Rederive(ctx context.Context, f Filter, parse func(StoredDelivery) ([]canonical.Event, error)) (Rederived, error) {
	var out Rederived
	for d, err := range s.Deliveries(ctx, f) {
		if err != nil {
			return out, err
		}
		out.Deliveries++
		events, err := parse(d)
		if err != nil {
			out.Failed = append(out.Failed, RederiveFailure{DeliveryID: d.ID, Err: err})
			continue
		}
		result, err := s.attach(ctx, d, events)
		if err != nil {
			return out, fmt.Errorf("inbox: storing the events of delivery %d: %w", d.ID, err)
		}
		out.New = append(out.New, result.New...)
	}
	return out, nil
}

// attach stores events derived from the stored delivery d, through the
// writer like a Save.
func (s *Store) attach(ctx context.Context, d StoredDelivery, events []canonical.Event) (Result, error) {
	req, err := newSaveRequest(ctx, &canonical.Delivery{
		Vendor: d.Vendor, ReceivedAt: d.ReceivedAt, ContentType: d.ContentType,
		Header: d.Header, Body: d.Body, Events: events,
	})
	if err != nil {
		return Result{}, err
	}
	req.storedDelivery = d.ID
	return s.submit(ctx, req)
}
