package canonical_test

import (
	"context"
	"fmt"
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

// observed serves one request through Observe(h) and returns what fn saw.
func observed(t *testing.T, h http.Handler, req *http.Request) canonical.Observation {
	t.Helper()
	var got []canonical.Observation
	rec := httptest.NewRecorder()
	canonical.Observe(h, func(_ context.Context, o canonical.Observation) { got = append(got, o) }).ServeHTTP(rec, req)
	require.Len(t, got, 1)
	assert.Equal(t, rec.Code, got[0].Status, "the status observed is the status answered")
	return got[0]
}

func TestObserveTellsEachAnswer(t *testing.T) {
	body, err := os.ReadFile("../testdata/mcg/course_finish.json")
	require.NoError(t, err)
	ok := func(context.Context, canonical.Event) error { return nil }
	failing := func(context.Context, canonical.Event) error { return fmt.Errorf("disk on fire") }
	post := func(b string) *http.Request { return httptest.NewRequest(http.MethodPost, "/", strings.NewReader(b)) }

	o := observed(t, canonical.Handler(ok), post(string(body)))
	assert.Equal(t, canonical.Observation{Vendor: canonical.VendorMCG, Status: 200, Duration: o.Duration, BodyBytes: int64(len(body))}, o)

	o = observed(t, canonical.Handler(failing), post(string(body)))
	assert.Equal(t, canonical.VendorMCG, o.Vendor)
	assert.Equal(t, "callback", o.ErrorKind)
	assert.ErrorContains(t, o.Err, "disk on fire")

	for _, c := range []struct {
		h    http.Handler
		req  *http.Request
		kind string
	}{
		{canonical.Handler(ok), post(`{"nobody":1}`), "undetectable"},
		{canonical.Handler(ok), httptest.NewRequest(http.MethodGet, "/", nil), "method_not_allowed"},
		{canonical.Handler(ok), post(`{"Type":`), "undetectable"}, // the shared endpoint cannot tell a broken body's vendor
		{canonical.VendorHandler(canonical.VendorMCG, func(context.Context, *canonical.Delivery) error { return nil }), post(`{"Type":`), "malformed"},
		{canonical.Handler(ok, canonical.WithMaxBodyBytes(4)), post(string(body)), "too_large"},
		{canonical.VendorHandler(canonical.VendorBrainCert, func(context.Context, *canonical.Delivery) error { return nil },
			canonical.WithBrainCert(braincert.WithBasicAuth("hook", "pw"))), post(`{}`), "unauthorized"},
		{canonical.VendorHandler(canonical.VendorBrainCert, func(context.Context, *canonical.Delivery) error { return nil },
			canonical.WithBrainCert(braincert.WithBasicAuth("hook", ""))), post(`{}`), "misconfigured"},
	} {
		o := observed(t, c.h, c.req)
		assert.Equal(t, c.kind, o.ErrorKind)
		assert.Equal(t, c.kind, canonical.ErrorKind(o.Err))
	}
	assert.Equal(t, "", canonical.ErrorKind(nil))
	assert.Equal(t, "other", canonical.ErrorKind(fmt.Errorf("something else")))
}

// A request answered by a handler outside lmshooks is observed with
// Status 0.
func ExampleObserve() {
	mux := http.NewServeMux()
	mux.Handle("/webhooks", canonical.Handler(func(context.Context, canonical.Event) error { return nil }))
	h := canonical.Observe(mux, func(_ context.Context, o canonical.Observation) {
		fmt.Println(o.Status, o.Vendor, o.ErrorKind)
	})
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(`{"EventType":"course_finish"}`)))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(`{"what":1}`)))
	// Output:
	// 400 mcg invalid
	// 400  undetectable
}
