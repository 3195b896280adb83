package canonical_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
)

// BenchmarkHandler measures canonical.Handler (vendor detection, the
// vendor's handler, parse, convert) for every documented body, with a
// callback that does nothing, beside a bare handler that reads the body:
// what the library adds to a plain HTTP handler, without the network.
//
// Run: go test ./canonical -run '^$' -bench Handler -benchmem
func BenchmarkHandler(b *testing.B) {
	quiet := canonical.WithLogger(slog.New(slog.DiscardHandler))
	endpoint := canonical.Handler(func(context.Context, canonical.Event) error { return nil }, quiet)
	bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		_, _ = buf.ReadFrom(r.Body)
		w.WriteHeader(http.StatusOK)
	})
	for _, v := range benchVendors {
		for _, path := range golden.Fixtures(b, filepath.Join("../testdata", v.name), ".json") {
			body := golden.Read(b, path)
			name := v.name + "/" + strings.TrimSuffix(filepath.Base(path), ".json")
			for _, h := range []struct {
				name    string
				handler http.Handler
			}{{"bare", bare}, {"endpoint", endpoint}} {
				b.Run(name+"/"+h.name, func(b *testing.B) {
					b.SetBytes(int64(len(body)))
					for b.Loop() {
						req := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
						req.Header.Set("Content-Type", "application/json")
						rec := httptest.NewRecorder()
						h.handler.ServeHTTP(rec, req)
						if rec.Code != http.StatusOK {
							b.Fatalf("status %d: %s", rec.Code, rec.Body)
						}
					}
				})
			}
		}
	}
}
