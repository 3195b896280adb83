package mcg_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/mcg"
)

// largeCourseFinish builds a course_finish body with n cards, each shaped
// like the documented one, with a paragraph of HTML as its text.
func largeCourseFinish(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"Type":"course_finish","uniqueId":"eren@minicoursegenerator.com",` +
		`"courseCode":"vibe-coding-essentials-229388","courseName":"Vibe Coding Essentials","cards":{`)
	text := strings.Repeat("Secure workflows keep AI-written code reviewable. ", 13)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		id := 2734000 + i
		fmt.Fprintf(&b, `"%d":{"cardId":%d,"cardType":"single_choice","cardText":"<p>%s</p>",`+
			`"answerText":"Option %d","answerNumeric":%d,"selections":[{"id":%d,"text":"Option %d"}],`+
			`"isCorrect":%t,"answeredAt":"2026-03-17T10:%02d:%02d.44271","score":%d}`,
			id, id, text, i%4, i%4, i%4, i%4, i%2 == 0, (i/60)%60, i%60, (i%2)*10)
	}
	b.WriteString(`}}`)
	return b.Bytes()
}

// TestLargeCourseFinishMemory parses a 5,000-card course_finish (several
// MB) and checks that parsing allocates less than 4 times the body: the
// garbage collector is off while it runs, so everything Parse allocates is
// counted, which bounds its peak heap from above.
func TestLargeCourseFinishMemory(t *testing.T) {
	body := largeCourseFinish(5000)
	if len(body) <= 4<<20 {
		t.Fatalf("body is %d bytes, want more than the default 4 MiB limit", len(body))
	}

	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	event, err := mcg.Parse(body)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	ratio := float64(allocated) / float64(len(body))
	t.Logf("body %d bytes; Parse allocated %d bytes (%.2f x body) with the collector off", len(body), allocated, ratio)
	if ratio >= 4 {
		t.Errorf("Parse allocated %.2f x the body, budget 4 x", ratio)
	}
	finish, ok := event.(*mcg.CourseFinish)
	if !ok || len(finish.Cards) != 5000 {
		t.Fatalf("got %T with %d cards, want *mcg.CourseFinish with 5000", event, len(finish.Cards))
	}
}

// TestLargeCourseFinishThroughHandler: the default 4 MiB limit refuses the
// body, and WithMaxBodyBytes lets it through.
func TestLargeCourseFinishThroughHandler(t *testing.T) {
	body := largeCourseFinish(5000)
	deliveries := 0
	fn := func(context.Context, mcg.Event) error { deliveries++; return nil }
	quiet := mcg.WithLogger(slog.New(slog.DiscardHandler))
	post := func(h http.Handler) int {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	if code := post(mcg.Handler(fn, quiet)); code != http.StatusRequestEntityTooLarge || deliveries != 0 {
		t.Errorf("default limit: status %d, %d deliveries; want 413 and none", code, deliveries)
	}
	if code := post(mcg.Handler(fn, quiet, mcg.WithMaxBodyBytes(16<<20))); code != http.StatusOK || deliveries != 1 {
		t.Errorf("raised limit: status %d, %d deliveries; want 200 and 1", code, deliveries)
	}
}
