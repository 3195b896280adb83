package sqlite_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
)

// FuzzSaveRoundTrip saves deliveries with arbitrary bodies, headers, ids
// and data: Save either refuses them with ErrInvalidDelivery or stores
// them, and what Get returns is what was saved, byte for byte.
func FuzzSaveRoundTrip(f *testing.F) {
	f.Add([]byte(`{"Type":"course_finish"}`), "msg_1", "mcg:course_finish:1", `{"a":1}`)
	f.Add([]byte{0, 0xff, '<', '>'}, "", "x", `{"é":"\u2028"}`)
	f.Add([]byte(nil), "v1,sig with spaces", "id with 'quote", `[]`)
	store, err := sqlite.Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })
	f.Fuzz(func(t *testing.T, body []byte, svixID, id, data string) {
		d := &canonical.Delivery{
			Vendor: canonical.VendorMCG, ReceivedAt: time.Now(), ContentType: "application/json",
			Header: http.Header{"Svix-Id": {svixID}, "Authorization": {"secret"}}, Body: body,
			Events: []canonical.Event{{ID: id, Vendor: canonical.VendorMCG, Type: canonical.TypeCourseCompleted,
				VendorEvent: "course_finish", Object: &canonical.Object{Kind: canonical.KindCourse, ID: "c"},
				Data: json.RawMessage(data)}},
		}
		result, err := store.Save(context.Background(), d)
		if err != nil {
			if !errors.Is(err, inbox.ErrInvalidDelivery) {
				t.Fatalf("Save failed with a store error: %v", err)
			}
			return
		}
		if len(result.New) == 0 {
			return // the fuzzer repeated an id
		}
		e, stored, err := store.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(stored.Body, body) || stored.Header.Get("Svix-Id") != svixID || stored.Header.Get("Authorization") != "" {
			t.Errorf("stored delivery %+v differs from the saved one", stored)
		}
		want, _ := inbox.EncodeEvent(&d.Events[0])
		got, _ := inbox.EncodeEvent(&e.Event)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("stored event (-want +got):\n%s", diff)
		}
	})
}
