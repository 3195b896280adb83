package canonical_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/mcg"
)

// TestCallbackRetryLaterAnswers503: a callback error matching ErrRetryLater
// (wrapped, or a vendor package's same value) answers 503 with Retry-After
// and error kind retry_later; any other error still answers 500.
func TestCallbackRetryLaterAnswers503(t *testing.T) {
	body, err := os.ReadFile("../testdata/mcg/course_finish.json")
	require.NoError(t, err)
	for _, tt := range []struct {
		name   string
		err    error
		status int
		kind   string
	}{
		{"wrapped", fmt.Errorf("store full: %w", canonical.ErrRetryLater), http.StatusServiceUnavailable, "retry_later"},
		{"vendor's value", mcg.ErrRetryLater, http.StatusServiceUnavailable, "retry_later"},
		{"other error", errors.New("disk on fire"), http.StatusInternalServerError, "callback"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var kind string
			h := canonical.Observe(canonical.Handler(func(context.Context, canonical.Event) error { return tt.err }),
				func(_ context.Context, o canonical.Observation) { kind = o.ErrorKind })
			req := httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(string(body)))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, tt.status, rec.Code)
			assert.Equal(t, tt.kind, kind)
			if tt.status == http.StatusServiceUnavailable {
				assert.Equal(t, "60", rec.Header().Get("Retry-After"))
				assert.JSONEq(t, `{"error":"temporarily unavailable, retry later"}`, rec.Body.String())
			} else {
				assert.Empty(t, rec.Header().Get("Retry-After"))
			}
		})
	}
}
