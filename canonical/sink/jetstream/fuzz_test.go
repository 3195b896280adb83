package jetstream

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
)

// FuzzMessage: whatever an event's id, vendor and type, its message either
// is refused as an invalid subject or has a valid subject and headers that
// carry every value whole (percent-decoding gives the value back).
func FuzzMessage(f *testing.F) {
	f.Add("mcg:course_finish:1", "mcg", "course.completed", "card-1")
	f.Add("braincert:virtual classroom.created:1", "braincert", "live_class.created", "a b")
	f.Add(" a%20\r\nNats-Msg-Id: x ", "x y", "a..b", "\"é\"")
	f.Add("id", "mcg", "*", "")
	f.Fuzz(func(t *testing.T, id, vendor, typ, object string) {
		e := canonical.Event{ID: id, Vendor: canonical.Vendor(vendor), Type: canonical.Type(typ), Data: json.RawMessage(`{}`)}
		if object != "" {
			e.Object = &canonical.Object{Kind: canonical.KindCourse, ID: object}
		}
		msg, err := message("lmshooks", &e)
		if err != nil {
			if !errors.Is(err, ErrInvalidSubject) && !(id == "" && errors.Is(err, ErrNoID)) {
				t.Fatalf("an error that is not ErrInvalidSubject or ErrNoID: %v", err)
			}
			return
		}
		if msg.Subject != "lmshooks."+vendor+"."+typ {
			t.Fatalf("subject %q", msg.Subject)
		}
		for token := range strings.SplitSeq(msg.Subject, ".") {
			if !validToken(token) {
				t.Fatalf("subject %q has the invalid token %q", msg.Subject, token)
			}
		}
		for name, values := range msg.Header {
			for _, v := range values {
				if strings.ContainsFunc(v, func(r rune) bool { return r < ' ' || r >= 0x7f }) || strings.TrimSpace(v) != v {
					t.Fatalf("header %s: %q is not printable ASCII without edge spaces", name, v)
				}
			}
		}
		if got, err := url.PathUnescape(msg.Header.Get("ce-id")); err != nil || got != id {
			t.Fatalf("ce-id %q decodes to %q (%v), not %q", msg.Header.Get("ce-id"), got, err, id)
		}
		if object != "" {
			if got, err := url.PathUnescape(msg.Header.Get("ce-subject")); err != nil || got != object {
				t.Fatalf("ce-subject %q decodes to %q (%v)", msg.Header.Get("ce-subject"), got, err)
			}
		}
	})
}

// FuzzMsgIDIsInjective: two different ids never share a Nats-Msg-Id, so
// the duplicate window never drops an event for another's sake.
func FuzzMsgIDIsInjective(f *testing.F) {
	f.Add("a b", "a%20b")
	f.Add(" a", "%20a")
	f.Fuzz(func(t *testing.T, a, b string) {
		if a != b && MsgID(a) == MsgID(b) {
			t.Fatalf("%q and %q share the Nats-Msg-Id %q", a, b, MsgID(a))
		}
	})
}
