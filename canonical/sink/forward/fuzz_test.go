package forward

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/learnink"
)

// FuzzRequest: whatever an event's id, its request carries headers HTTP can
// send (no control characters, no edge spaces that parsers trim) and a
// signature that learnink's verifier accepts, in both modes.
func FuzzRequest(f *testing.F) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	verifier, err := learnink.NewVerifier(learnink.WithSecrets(secret))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("mcg:course_finish:1", "card-1", false)
	f.Add(" line\r\nwebhook-id: forged%", "é \x7f", true)
	sinks := map[bool]*Sink{}
	for binary, mode := range map[bool]Mode{false: Structured, true: Binary} {
		if sinks[binary], err = New("http://127.0.0.1/", secret, WithMode(mode)); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, id, object string, binary bool) {
		s := sinks[binary]
		e := canonical.Event{ID: id, Vendor: canonical.VendorMCG, Type: canonical.TypeCardAnswered, Data: json.RawMessage(`{}`)}
		if object != "" {
			e.Object = &canonical.Object{Kind: canonical.KindCard, ID: object}
		}
		req, err := s.request(context.Background(), &e)
		if id == "" {
			if !errors.Is(err, ErrNoID) {
				t.Fatalf("an event without an id: %v, not ErrNoID", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("request: %v", err)
		}
		for name, values := range req.Header {
			for _, v := range values {
				if strings.ContainsFunc(v, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }) {
					t.Fatalf("header %s: %q has a control character", name, v)
				}
			}
		}
		if v := req.Header.Get("webhook-id"); strings.TrimSpace(v) != v || v == "" {
			t.Fatalf("webhook-id %q for id %q", v, id)
		}
		body, err := req.GetBody()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		if err := verifier.Verify(req.Header, data); err != nil {
			t.Fatalf("the signature does not verify: %v", err)
		}
	})
}
