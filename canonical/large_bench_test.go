package canonical_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/benchbody"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/mcg"
)

// BenchmarkLargeCourseFinish measures the 88 KB MCG course_finish of the
// end-to-end driver (internal/benchbody) through the library's steps beside
// encoding/json into the same struct, and canonical.Handler.
//
// Run: go test ./canonical -run '^$' -bench LargeCourseFinish -benchmem
func BenchmarkLargeCourseFinish(b *testing.B) {
	body, err := benchbody.CourseFinish(golden.Read(b, "../testdata/mcg/course_finish.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("baseline-struct", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var v mcg.CourseFinish
			if err := json.Unmarshal(body, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pipeline", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			e, err := mcg.Parse(body)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := canonical.FromMCG(e); err != nil {
				b.Fatal(err)
			}
		}
	})
	endpoint := canonical.Handler(func(context.Context, canonical.Event) error { return nil },
		canonical.WithLogger(slog.New(slog.DiscardHandler)))
	b.Run("endpoint", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			req := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			endpoint.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
}
