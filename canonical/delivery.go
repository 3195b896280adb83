package canonical

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/internal/webhook"
)

// Delivery is one request a vendor sent, as received, with the canonical
// events it carried: what a store keeps so that nothing the vendor sent is
// lost and every event can be derived again.
type Delivery struct {
	// Vendor is the vendor that sent the request.
	Vendor Vendor
	// ReceivedAt is when the request arrived.
	ReceivedAt time.Time
	// ContentType is the request's Content-Type header as sent.
	ContentType string
	// Header holds only the headers that identify the delivery (svix-* and
	// webhook-*, such as svix-id and its signature); never Authorization or
	// any other credential.
	Header http.Header
	// Body is the request body exactly as received.
	Body []byte
	// Events are the canonical events converted from Body, in order. A
	// delivery may carry none (a LearnInk notifications.sent with an empty
	// array).
	Events []Event
}

// identifyingHeader reports whether a header names or signs the delivery
// and so belongs in Delivery.Header.
func identifyingHeader(name string) bool {
	name = strings.ToLower(name)
	return strings.HasPrefix(name, "svix-") || strings.HasPrefix(name, "webhook-")
}

// newDelivery builds the Delivery of the request a vendor handler is
// serving, from what internal/webhook put in ctx.
func newDelivery(ctx context.Context, vendor Vendor, events []Event) *Delivery {
	d := &Delivery{Vendor: vendor, Events: events}
	req := webhook.RequestFrom(ctx)
	if req == nil {
		d.ReceivedAt = time.Now()
		return d
	}
	d.ReceivedAt = req.ReceivedAt
	d.Body = req.Body
	d.ContentType = req.Header.Get("Content-Type")
	for name, values := range req.Header {
		if identifyingHeader(name) {
			if d.Header == nil {
				d.Header = make(http.Header)
			}
			d.Header[name] = append([]string(nil), values...)
		}
	}
	return d
}

// ErrRetryLater, returned (or wrapped) by a callback, answers the delivery
// 503 with Retry-After: 60 instead of 500: the callback could not take it
// now (its store is full, what it forwards to is down) and the vendor
// should send it again later. inbox.ErrFull matches it. The vendor
// packages share the same value (mcg.ErrRetryLater, ...).
var ErrRetryLater = webhook.ErrRetryLater

// EachEvent adapts a per-event callback to the per-delivery one that
// DeliveryHandler and VendorHandler take: fn is called with each event of
// the delivery in order, and the first error is returned (the sender then
// gets 5xx and retries the whole delivery). Handler is DeliveryHandler with
// EachEvent(fn), plus WithDedup.
func EachEvent(fn func(context.Context, Event) error) func(context.Context, *Delivery) error {
	return func(ctx context.Context, d *Delivery) error {
		for _, e := range d.Events {
			if err := fn(ctx, e); err != nil {
				return err
			}
		}
		return nil
	}
}
