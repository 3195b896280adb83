package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/benchbody"
)

// BenchmarkPrint measures the output of one canonical event (checking it,
// encoding it, writing the line) for the 1 KB BrainCert purchase.completed and the
// 88 KB MCG course_finish of internal/benchbody.
//
// Run: go test ./examples/receiver -run '^$' -bench Print -benchmem
func BenchmarkPrint(b *testing.B) {
	small, err := os.ReadFile("../../testdata/braincert/purchase.completed.json")
	if err != nil {
		b.Fatal(err)
	}
	documented, err := os.ReadFile("../../testdata/mcg/course_finish.json")
	if err != nil {
		b.Fatal(err)
	}
	large, err := benchbody.CourseFinish(documented)
	if err != nil {
		b.Fatal(err)
	}
	for _, body := range [][]byte{small, large} {
		var events []canonical.Event
		h := canonical.Handler(func(_ context.Context, e canonical.Event) error {
			events = append(events, e)
			return nil
		})
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(httptest.NewRecorder(), req)
		if len(events) == 0 {
			b.Fatal("no event")
		}
		e := events[len(events)-1]
		out := &lineWriter{out: writerLines(io.Discard), format: formatCanonical}
		b.Run(fmt.Sprintf("%s-%dKB", e.VendorEvent, len(body)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(e.Data)))
			for b.Loop() {
				if err := out.print(context.Background(), e); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
