package canonical_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/mcg"
)

func ExampleFromMCG() {
	event, err := mcg.Parse([]byte(`{"EventType":"collection_completed",
		"CourseCollectionId":"e02ba3b3","Score":10,"Name":"Eren",
		"Username":"eren@example.com","Email":"eren@example.com",
		"CertificateUrl":"https://cdn.example.com/certificate/abc"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	events, err := canonical.FromMCG(event)
	if err != nil {
		fmt.Println(err)
		return
	}
	e := events[0] // a collection_completed always has a learner, an object, a result and (with a URL) a certificate
	fmt.Println(e.Type, e.Learner.Email, e.Object.Kind, e.Object.ID, *e.Result.Score, e.Certificate.URL)
	// Output:
	// collection.completed eren@example.com collection e02ba3b3 10 https://cdn.example.com/certificate/abc
}

func ExampleEvent_Validate() {
	e := canonical.Event{
		ID:          "mcg:course_finish:1",
		Vendor:      canonical.VendorMCG,
		Type:        "course.finished", // not in the vocabulary
		VendorEvent: "course_finish",
		Object:      &canonical.Object{Kind: canonical.KindCourse, ID: "c1"},
		Data:        json.RawMessage(`{}`),
	}
	fmt.Println(e.Validate())
	e.Type = canonical.TypeCourseCompleted
	fmt.Println(e.Validate())
	_ = json.NewEncoder(os.Stdout).Encode(e)
	// Output:
	// invalid canonical event: type "course.finished" is not in the vocabulary
	// <nil>
	// {"id":"mcg:course_finish:1","vendor":"mcg","type":"course.completed","vendor_event":"course_finish","object":{"kind":"course","id":"c1"},"data":{}}
}

func ExampleHandler() {
	handler := canonical.Handler(func(ctx context.Context, e canonical.Event) error {
		// Learner and Object may be nil (an admin event is about no person,
		// an unknown one about nothing the library knows).
		who, what := "-", "-"
		if e.Learner != nil {
			who = e.Learner.ID
		}
		if e.Object != nil {
			what = string(e.Object.Kind) + " " + e.Object.ID
		}
		fmt.Println(e.Vendor, e.Type, who, what)
		return nil // a non-nil error answers 500, so the vendor sends it again
	}, canonical.WithDedup(canonical.NewMemoryStore(10_000, 72*time.Hour)))
	// In a service: http.Handle("/webhooks", handler)

	for _, body := range []string{
		`{"courseId":"c-42","learnerId":"ada@example.com","score":90,"finishedOn":"2026-05-01T10:00:00Z","status":"passed"}`,
		`{"event":{"name":"Atividades - Curso concluído","slug":"activities.course.completed","send_at":"2026-05-01 10:00:00"},
		  "data":{"institution":{"id":1},"course":{"id":7,"name":"Go"},"enrollment":{"id":3,"date_expire":null,"course_id":7,"actived":1,"status":1},
		  "user":{"id":9,"name":"Ada","email":"ada@example.com","cpf":"000.000.000-00","nickname":null,"uuid":null}}}`,
		`{"courseId":"c-42","learnerId":"ada@example.com","score":90,"finishedOn":"2026-05-01T10:00:00Z","status":"passed"}`, // a retry
	} {
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(body)))
		fmt.Println(w.Code)
	}
	// Output:
	// easygenerator course.completed ada@example.com course c-42
	// 200
	// toolzz course.completed 9 course 7
	// 200
	// 200
}

func ExampleWithInflightLimit() {
	// One limit for the shared endpoint and every vendor route, so that the
	// bodies all of them hold together stay under 64 MiB.
	limit := canonical.NewInflightLimit(64 << 20)
	save := func(ctx context.Context, d *canonical.Delivery) error { return nil }
	mux := http.NewServeMux()
	mux.Handle("/webhooks", canonical.DeliveryHandler(save, canonical.WithInflightLimit(limit)))
	mux.Handle("/webhooks/mcg", canonical.VendorHandler(canonical.VendorMCG, save, canonical.WithInflightLimit(limit)))
	// A vendor package's own handler: limit.Wrap(mcg.Handler(...)).

	w := httptest.NewRecorder()
	body := `{"Type":"course_finish","uniqueId":"u1","courseCode":"c1","courseName":"Go","date":"2026-05-01T10:00:00Z"}`
	mux.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/webhooks/mcg", strings.NewReader(body)))
	fmt.Println(w.Code, w.Body)

	tooMuch := canonical.NewInflightLimit(10) // less than the body: answered 503 at once
	w = httptest.NewRecorder()
	canonical.DeliveryHandler(save, canonical.WithInflightLimit(tooMuch)).ServeHTTP(w,
		httptest.NewRequest(http.MethodPost, "/webhooks", strings.NewReader(body)))
	fmt.Println(w.Code, w.Header().Get("Retry-After"), w.Body)
	// Output:
	// 200 {"status":"ok"}
	// 503 1 {"error":"busy: too many request bytes in flight, retry later"}
}
