package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// deliveryNote is what the callback learnt of one delivery, for its log
// line and its metrics: the events' ids and vendor events, and how many
// were new (stored, or printed with -store memory).
type deliveryNote struct {
	mu           sync.Mutex
	ids          []string
	vendorEvents []string
	stored       int
	full         bool // the full store refused the delivery: quietWhenFull drops the handlers' line about it
}

type noteKey struct{}

// noteFrom returns the note of the delivery whose context ctx is, or nil.
func noteFrom(ctx context.Context) *deliveryNote {
	n, _ := ctx.Value(noteKey{}).(*deliveryNote)
	return n
}

// noteEvents records the delivery's events.
func (n *deliveryNote) noteEvents(events []canonical.Event) {
	if n == nil {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, e := range events {
		n.ids = append(n.ids, e.ID)
		if !slices.Contains(n.vendorEvents, e.VendorEvent) {
			n.vendorEvents = append(n.vendorEvents, e.VendorEvent)
		}
	}
}

// noteStored counts events that were new.
func (n *deliveryNote) noteStored(count int) {
	if n == nil {
		return
	}
	n.mu.Lock()
	n.stored += count
	n.mu.Unlock()
}

// noteRefusedFull records that the full store refused the delivery.
func (n *deliveryNote) noteRefusedFull() {
	if n == nil {
		return
	}
	n.mu.Lock()
	n.full = true
	n.mu.Unlock()
}

// refusedFull reports whether the full store refused the delivery.
func (n *deliveryNote) refusedFull() bool {
	if n == nil {
		return false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.full
}

// noting records each delivery's events in its note before deliver runs.
func noting(deliver func(context.Context, *canonical.Delivery) error) func(context.Context, *canonical.Delivery) error {
	return func(ctx context.Context, d *canonical.Delivery) error {
		noteFrom(ctx).noteEvents(d.Events)
		return deliver(ctx, d)
	}
}

// deliveryIDHeaders name a delivery (not an event) where the vendor sends
// one: LearnInk's Svix id. They identify, they do not authenticate.
var deliveryIDHeaders = []string{"svix-id", "webhook-id"}

// observeDeliveries logs one line per request to a webhook route and
// counts it in m (nil: no metrics): accepted and duplicate deliveries at
// INFO, rejected ones at INFO (the sender's mistake) or WARN (503: we were
// busy), failures and misconfiguration at ERROR. A line names the vendor,
// the vendor events, the canonical ids, the delivery id header when sent,
// the status, how many events were stored and how many were duplicates,
// and for a failure the error kind and error; never a header's credential,
// a signature or a body.
func observeDeliveries(h http.Handler, logger *slog.Logger, m *promMetrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		note := &deliveryNote{}
		var deliveryID string
		for _, name := range deliveryIDHeaders {
			if deliveryID = r.Header.Get(name); deliveryID != "" {
				break
			}
		}
		r = r.WithContext(context.WithValue(r.Context(), noteKey{}, note))
		canonical.Observe(h, func(ctx context.Context, o canonical.Observation) {
			if o.Status == 0 { // a CORS preflight: no delivery
				return
			}
			note.mu.Lock()
			defer note.mu.Unlock()
			if errors.Is(o.Err, inbox.ErrFull) { // answered 503: ErrFull matches canonical.ErrRetryLater
				o.ErrorKind = errorKindStoreFull
			}
			duplicates := 0
			if o.Status/100 == 2 {
				duplicates = len(note.ids) - note.stored
			}
			m.observe(o, note.stored, duplicates)
			level := deliveryLevel(o)
			if !logger.Enabled(ctx, level) {
				return
			}
			// Attrs, not key-value pairs: one line per request, built
			// without boxing each value.
			attrs := make([]slog.Attr, 0, 13)
			attrs = append(attrs, slog.String("vendor", string(o.Vendor)), slog.String("route", r.URL.Path), slog.Int("status", o.Status),
				slog.String("vendor_event", strings.Join(note.vendorEvents, ",")), slog.Any("ids", note.ids))
			if deliveryID != "" {
				attrs = append(attrs, slog.String("delivery_id", deliveryID))
			}
			attrs = append(attrs, slog.Int("stored", note.stored), slog.Int("duplicates", duplicates),
				slog.Int64("bytes", o.BodyBytes), slog.Duration("duration", o.Duration))
			if o.Err != nil {
				attrs = append(attrs, slog.String("error_kind", string(o.ErrorKind)), slog.Any("error", o.Err))
			}
			logger.LogAttrs(ctx, level, deliveryMessage(o, duplicates), attrs...)
		}).ServeHTTP(w, r)
	})
}

// deliveryMessage is a delivery line's message.
func deliveryMessage(o canonical.Observation, duplicates int) string {
	switch {
	case o.Status/100 == 2 && duplicates > 0:
		return "delivery accepted: duplicate"
	case o.Status/100 == 2:
		return "delivery accepted"
	case o.Status >= 500:
		return "delivery failed"
	default:
		return "delivery rejected"
	}
}

// deliveryLevel is a delivery line's level: ERROR for what an operator
// must fix (our failures, a misconfigured handler), WARN when we were too
// busy, INFO otherwise.
func deliveryLevel(o canonical.Observation) slog.Level {
	switch {
	case o.Status == http.StatusServiceUnavailable:
		return slog.LevelWarn
	case o.Status >= 500:
		return slog.LevelError
	default:
		return slog.LevelInfo
	}
}
