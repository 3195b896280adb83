package canonical_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
)

// TestDeliveryHandlerHandsTheRequestAsReceived posts a documented BrainCert
// body with credentials and an identifying header: the callback gets the
// body byte for byte, the Content-Type, the svix-/webhook- headers and the
// events, never the Authorization header.
func TestDeliveryHandlerHandsTheRequestAsReceived(t *testing.T) {
	body, err := os.ReadFile("../testdata/braincert/purchase.completed.json")
	require.NoError(t, err)
	for name, h := range map[string]func(fn func(context.Context, *canonical.Delivery) error) http.Handler{
		"shared endpoint": func(fn func(context.Context, *canonical.Delivery) error) http.Handler {
			return canonical.DeliveryHandler(fn, canonical.WithBrainCert(braincert.WithBasicAuth("hook", "s3cret")))
		},
		"vendor route": func(fn func(context.Context, *canonical.Delivery) error) http.Handler {
			return canonical.VendorHandler(canonical.VendorBrainCert, fn, canonical.WithBrainCert(braincert.WithBasicAuth("hook", "s3cret")))
		},
	} {
		t.Run(name, func(t *testing.T) {
			var got *canonical.Delivery
			handler := h(func(_ context.Context, d *canonical.Delivery) error {
				got = d
				return nil
			})
			req := httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(string(body)))
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
			req.Header.Set("X-Other", "dropped")
			req.SetBasicAuth("hook", "s3cret")
			rec := httptest.NewRecorder()
			handler.ServeHTTP(rec, req)
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			require.NotNil(t, got)
			assert.Equal(t, canonical.VendorBrainCert, got.Vendor)
			assert.Equal(t, string(body), string(got.Body))
			assert.Equal(t, "application/json; charset=utf-8", got.ContentType)
			assert.Nil(t, got.Header, "no identifying header was sent; Authorization is never kept")
			assert.False(t, got.ReceivedAt.IsZero())
			require.Len(t, got.Events, 1)
			assert.Equal(t, canonical.TypeOrderCompleted, got.Events[0].Type)
		})
	}
}

// TestDeliveryKeepsIdentifyingHeaders: svix-* and webhook-* headers are
// kept (LearnInk's message id and signature), others are not.
func TestDeliveryKeepsIdentifyingHeaders(t *testing.T) {
	body, err := os.ReadFile("../testdata/learnink/user.course.started.json")
	require.NoError(t, err)
	var got *canonical.Delivery
	h := canonical.DeliveryHandler(func(_ context.Context, d *canonical.Delivery) error {
		got = d
		return nil
	})
	req := httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Svix-Id", "msg_1")
	req.Header.Set("Webhook-Timestamp", "1700000000")
	req.Header.Set("Cookie", "session=secret")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.NotNil(t, got)
	assert.Equal(t, http.Header{"Svix-Id": {"msg_1"}, "Webhook-Timestamp": {"1700000000"}}, got.Header)
	require.Len(t, got.Events, 1)
	assert.Equal(t, "learnink:user.course.started:msg_1", got.Events[0].ID)
}

// TestVendorHandlerRefusesAnotherVendorsBody: a vendor route serves only its
// vendor (an MCG body at the BrainCert route is not BrainCert's).
func TestVendorHandlerRefusesAnotherVendorsBody(t *testing.T) {
	body, err := os.ReadFile("../testdata/mcg/course_finish.json")
	require.NoError(t, err)
	called := false
	h := canonical.VendorHandler(canonical.VendorBrainCert, func(context.Context, *canonical.Delivery) error {
		called = true
		return nil
	})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/braincert", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
	assert.False(t, called)
	assert.Nil(t, canonical.VendorHandler("nobody", func(context.Context, *canonical.Delivery) error { return nil }))
}

// TestEachEvent: the events in order, up to the first error, which is
// returned as it is.
func TestEachEvent(t *testing.T) {
	boom := errors.New("boom")
	var seen []string
	fn := canonical.EachEvent(func(_ context.Context, e canonical.Event) error {
		seen = append(seen, e.ID)
		if e.ID == "b" {
			return boom
		}
		return nil
	})
	d := &canonical.Delivery{Events: []canonical.Event{{ID: "a"}, {ID: "b"}, {ID: "c"}}}
	assert.ErrorIs(t, fn(context.Background(), d), boom)
	assert.Equal(t, []string{"a", "b"}, seen)

	seen = nil
	require.NoError(t, fn(context.Background(), &canonical.Delivery{Events: []canonical.Event{{ID: "a"}, {ID: "c"}}}))
	assert.Equal(t, []string{"a", "c"}, seen)
}
