package sqlite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
)

// A delivery saved twice is stored once: the second Save finds every event
// stored already and stores nothing.
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
	delivery := &canonical.Delivery{
		Vendor:      canonical.VendorMCG,
		ReceivedAt:  time.Now(),
		ContentType: "application/json",
		Body:        []byte(`{"Type":"course_finish"}`),
		Events: []canonical.Event{{
			ID: "mcg:course_finish:1", Vendor: canonical.VendorMCG, Type: canonical.TypeCourseCompleted,
			VendorEvent: "course_finish", Object: &canonical.Object{Kind: canonical.KindCourse, ID: "c1"},
			Data: json.RawMessage(`{"Type":"course_finish"}`),
		}},
	}
	for range 2 {
		result, err := store.Save(context.Background(), delivery)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("new:", len(result.New), "duplicates:", len(result.Duplicates))
	}
	// Output:
	// new: 1 duplicates: 0
	// new: 0 duplicates: 1
}
