package inbox_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

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
