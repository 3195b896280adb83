package canonical_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/mcg"
)

// TestInflightLimitIsSharedByEveryHandler: a body held on one vendor's
// route takes room from the shared endpoint, from another route and from a
// vendor package's own handler under Wrap, since they share one limit.
func TestInflightLimitIsSharedByEveryHandler(t *testing.T) {
	const body = `{"Type":"flood_probe","pad":"` + "0123456789abcdef0123456789abcdef" + `"}`
	limit := canonical.NewInflightLimit(int64(len(body)) + 10) // room for one body
	quiet := canonical.WithLogger(slog.New(slog.DiscardHandler))
	save := func(context.Context, *canonical.Delivery) error { return nil }
	held := canonical.VendorHandler(canonical.VendorMCG, save, canonical.WithInflightLimit(limit), quiet)
	others := map[string]http.Handler{
		"the shared endpoint": canonical.DeliveryHandler(save, canonical.WithInflightLimit(limit), quiet),
		"another route":       canonical.VendorHandler(canonical.VendorMCG, save, canonical.WithInflightLimit(limit), quiet),
		"mcg.Handler wrapped": limit.Wrap(mcg.Handler(func(context.Context, mcg.Event) error { return nil }, mcg.WithLogger(slog.New(slog.DiscardHandler)))),
	}

	pr, pw := io.Pipe()
	slow := httptest.NewRequest(http.MethodPost, "/webhooks/mcg", pr)
	slow.ContentLength = int64(len(body))
	answered := make(chan int)
	go func() {
		w := httptest.NewRecorder()
		held.ServeHTTP(w, slow)
		answered <- w.Code
	}()
	_, err := io.WriteString(pw, body[:10]) // the body has begun, so its room is reserved
	require.NoError(t, err)

	var wg sync.WaitGroup
	for name, h := range others {
		wg.Go(func() { // at once, each waiting its InflightWait
			start := time.Now()
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(body)))
			assert.Equal(t, http.StatusServiceUnavailable, w.Code, "%s while the limit is held: %s", name, w.Body)
			assert.GreaterOrEqual(t, time.Since(start), canonical.InflightWait, "%s did not wait for room", name)
		})
	}
	wg.Wait()

	_, err = io.WriteString(pw, body[10:])
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	assert.Equal(t, http.StatusOK, <-answered)
	for name, h := range others {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(body)))
		assert.Equal(t, http.StatusOK, w.Code, "%s once the limit is free: %s", name, w.Body)
	}
}
