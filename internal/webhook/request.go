package webhook

import (
	"context"
	"net/http"
	"time"
)

// Request is what a Handler received, as its callback may need it: the
// request's header and its body exactly as read. The canonical package reads
// it to hand whole deliveries (raw body included) to storage.
type Request struct {
	Header     http.Header
	Body       []byte
	ReceivedAt time.Time
}

type requestKey struct{}

// withRequest returns ctx carrying req, for the callback.
func withRequest(ctx context.Context, req *Request) context.Context {
	return context.WithValue(ctx, requestKey{}, req)
}

// RequestFrom returns the Request a Handler put in its callback's context,
// or nil outside a Handler's callback.
func RequestFrom(ctx context.Context) *Request {
	req, _ := ctx.Value(requestKey{}).(*Request)
	return req
}
