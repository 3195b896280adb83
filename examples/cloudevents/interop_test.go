package cloudevents

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	sdk "github.com/cloudevents/sdk-go/v2"
	cehttp "github.com/cloudevents/sdk-go/v2/protocol/http"

	"github.com/lmshooks/lmshooks/canonical"
)

// fixtureEvents converts every vendor's documented bodies into canonical
// events, through the one-endpoint parser.
func fixtureEvents(t *testing.T) []canonical.Event {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/*/*.json")
	if err != nil || len(paths) < 40 {
		t.Fatalf("expected every vendor's fixtures, found %d: %v", len(paths), err)
	}
	var all []canonical.Event
	for _, path := range paths {
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		events, err := canonical.ParseRequest(http.Header{}, body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		all = append(all, events...)
	}
	return all
}

// checkSame fails t unless the SDK's event carries e's attributes and data.
func checkSame(t *testing.T, e canonical.Event, got sdk.Event) {
	t.Helper()
	if err := got.Validate(); err != nil {
		t.Fatalf("SDK says the event is invalid: %v", err)
	}
	want := map[string]string{
		"specversion": "1.0", "id": e.ID, "source": "https://lmshooks.dev/vendors/" + string(e.Vendor),
		"type": "dev.lmshooks." + string(e.Type), "datacontenttype": "application/json",
	}
	gotAttrs := map[string]string{
		"specversion": got.SpecVersion(), "id": got.ID(), "source": got.Source(),
		"type": got.Type(), "datacontenttype": got.DataContentType(),
	}
	for k, v := range want {
		if gotAttrs[k] != v {
			t.Errorf("%s = %q, want %q", k, gotAttrs[k], v)
		}
	}
	if e.Object != nil && got.Subject() != e.Object.ID {
		t.Errorf("subject = %q, want %q", got.Subject(), e.Object.ID)
	}
	if !got.Time().Equal(e.OccurredAt) {
		t.Errorf("time = %v, want %v", got.Time(), e.OccurredAt)
	}
	var data canonical.Event
	if err := json.Unmarshal(got.Data(), &data); err != nil {
		t.Fatalf("data is not a canonical event: %v", err)
	}
	wantJSON, _ := json.Marshal(e)
	gotJSON, _ := json.Marshal(data)
	if !bytes.Equal(wantJSON, gotJSON) {
		t.Errorf("data differs:\nwant %s\ngot  %s", wantJSON, gotJSON)
	}
}

func TestSDKReadsStructuredJSON(t *testing.T) {
	for _, e := range fixtureEvents(t) {
		ce, err := e.ToCloudEvent()
		if err != nil {
			t.Fatal(err)
		}
		body, err := ce.MarshalStructured()
		if err != nil {
			t.Fatal(err)
		}
		var got sdk.Event
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatalf("SDK cannot read %s: %v", body, err)
		}
		checkSame(t, e, got)
	}
}

func TestSDKReadsBinaryRequest(t *testing.T) {
	for _, e := range fixtureEvents(t) {
		ce, err := e.ToCloudEvent()
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(ce.Data))
		for k, v := range ce.Header() {
			req.Header[k] = v
		}
		got, err := sdk.NewEventFromHTTPRequest(req)
		if err != nil {
			t.Fatalf("SDK cannot read the binary request: %v", err)
		}
		checkSame(t, e, *got)
	}
}

// TestSDKReceivesOverHTTP sends binary-mode requests to an SDK HTTP receiver.
func TestSDKReceivesOverHTTP(t *testing.T) {
	events := fixtureEvents(t)
	received := make(chan sdk.Event, len(events))
	protocol, err := cehttp.New()
	if err != nil {
		t.Fatal(err)
	}
	handler, err := sdk.NewHTTPReceiveHandler(context.Background(), protocol, func(e sdk.Event) { received <- e })
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()
	for _, e := range events {
		ce, err := e.ToCloudEvent()
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(ce.Data))
		for k, v := range ce.Header() {
			req.Header[k] = v
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			t.Fatalf("SDK receiver answered %d", resp.StatusCode)
		}
		checkSame(t, e, <-received)
	}
}
