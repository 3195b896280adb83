package inbox_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
)

// A webhook endpoint that answers 200 only once the delivery is on disk. The
// same body sent again is answered 200 too, and stores nothing.
func Example() {
	dir, err := os.MkdirTemp("", "inbox-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(filepath.Join(dir, "lmshooks.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()

	srv := httptest.NewServer(canonical.DeliveryHandler(func(ctx context.Context, d *canonical.Delivery) error {
		result, err := store.Save(ctx, d)
		if err != nil {
			return err // answered 500: the vendor sends it again
		}
		fmt.Printf("stored %d new events, %d duplicates\n", len(result.New), len(result.Duplicates))
		return nil
	}))
	defer srv.Close()
	body := `{"courseId":"c-42","learnerId":"ada@example.com","score":90,"finishedOn":"2026-11-30T10:00:00Z","status":"passed"}`
	for range 2 {
		resp, err := http.Post(srv.URL, "application/json", strings.NewReader(body))
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode)
	}
	for e, err := range store.Events(context.Background(), inbox.Filter{}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(e.Event.Vendor, e.Event.Type, e.Event.Object.ID)
	}
	// Output:
	// stored 1 new events, 0 duplicates
	// 200
	// stored 0 new events, 1 duplicates
	// 200
	// easygenerator course.completed c-42
}

// A store bounded to the bytes of two deliveries refuses a third with
// ErrFull, stores nothing of it, and still accepts a duplicate.
func ExampleWithMaxBytes() {
	dir, err := os.MkdirTemp("", "inbox-quota-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	delivery := func(id string) *canonical.Delivery {
		return &canonical.Delivery{Vendor: canonical.VendorMCG, ReceivedAt: time.Now(), Body: []byte(`{"id":"` + id + `"}`),
			Events: []canonical.Event{{ID: id, Vendor: canonical.VendorMCG, Type: canonical.TypeCourseCompleted, VendorEvent: "course_finish",
				Object: &canonical.Object{Kind: canonical.KindCourse, ID: "c-1"}, Data: json.RawMessage(`{"id":"` + id + `"}`)}}}
	}
	store, err := sqlite.Open(filepath.Join(dir, "lmshooks.db"), inbox.WithMaxBytes(400))
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	for _, id := range []string{"e-1", "e-2", "e-3", "e-1"} {
		result, err := store.Save(ctx, delivery(id))
		switch {
		case errors.Is(err, inbox.ErrFull):
			fmt.Println(id, "refused: the store is full") // a handler answers 503
		case err != nil:
			log.Fatal(err)
		default:
			fmt.Println(id, "new:", len(result.New), "duplicates:", len(result.Duplicates))
		}
	}
	held, err := store.Usage(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("held under the limit:", held <= store.MaxBytes())
	// Output:
	// e-1 new: 1 duplicates: 0
	// e-2 new: 1 duplicates: 0
	// e-3 refused: the store is full
	// e-1 new: 0 duplicates: 1
	// held under the limit: true
}
