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
	// New counts the events stored now (an id the current library derives
	// differently, or an event it did not derive before).
	New int
	// Failed counts the deliveries that parse refused.
	Failed int
}

// Rederive parses every stored delivery that f selects again with parse
// (typically canonical.ParseRequest with the stored Content-Type and
// headers) and stores the events that result, attached to the same raw
// delivery; events stored already are duplicates, as in Save. After each
// delivery it calls report, when not nil, with the delivery's id and the
// events stored now, or parse's error: a delivery that parse refuses is
// counted in Failed and the others go on. A store error stops it. Nothing
// is kept in memory beyond one page of deliveries.
func (s *Store) Rederive(ctx context.Context, f Filter, parse func(StoredDelivery) ([]canonical.Event, error),
	report func(deliveryID int64, stored []canonical.Event, parseErr error)) (Rederived, error) {
	if report == nil {
		report = func(int64, []canonical.Event, error) {}
	}
	var out Rederived
	for d, err := range s.Deliveries(ctx, f) {
		if err != nil {
			return out, err
		}
		out.Deliveries++
		events, err := parse(d)
		if err != nil {
			out.Failed++
			report(d.ID, nil, err)
			continue
		}
		result, err := s.attach(ctx, d, events)
		if err != nil {
			return out, fmt.Errorf("inbox: storing the events of delivery %d: %w", d.ID, err)
		}
		out.New += len(result.New)
		report(d.ID, result.New, nil)
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
