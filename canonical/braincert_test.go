package canonical_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
)

const brainCertFixtures = "../testdata/braincert"

// TestGoldenBrainCert converts every documented BrainCert body and compares
// the canonical events' JSON with its golden file.
func TestGoldenBrainCert(t *testing.T) {
	goldenCanonical(t, golden.Fixtures(t, brainCertFixtures, ".json"),
		func(b []byte) (braincert.Event, error) { return braincert.Parse(b) }, canonical.FromBrainCert)
}

// TestBrainCertXMLMatchesJSON checks that the XML form of a body gives the
// same canonical event, byte for byte, as its JSON twin.
func TestBrainCertXMLMatchesJSON(t *testing.T) {
	for _, path := range golden.Fixtures(t, brainCertFixtures, ".xml") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			twin := strings.TrimSuffix(path, ".xml") + ".json"
			fromJSON := brainCertCanonical(t, braincert.Parse, golden.Read(t, twin))
			fromXML := brainCertCanonical(t, braincert.ParseXML, golden.Read(t, path))
			assert.Equal(t, encodeEvents(t, fromJSON), encodeEvents(t, fromXML))
			checkCanonical(t, twin, fromXML)
		})
	}
}

// TestBrainCertUndocumentedTopics converts the two topics without a
// documented body, built from their documented siblings.
func TestBrainCertUndocumentedTopics(t *testing.T) {
	tests := []struct {
		sibling, action string
		want            canonical.Type
		kind            canonical.Kind
	}{
		{"virtual_classroom.created.json", "updated", canonical.TypeLiveClassUpdated, canonical.KindLiveClass},
		{"product.created.json", "updated", canonical.TypeProductUpdated, canonical.KindProduct},
	}
	for _, tt := range tests {
		t.Run(string(tt.want), func(t *testing.T) {
			body := golden.Read(t, filepath.Join(brainCertFixtures, tt.sibling))
			body = bytes.Replace(body, []byte(`"action": "created"`), []byte(`"action": "`+tt.action+`"`), 1)
			e := brainCertCanonical(t, braincert.Parse, body)[0]
			assert.Equal(t, tt.want, e.Type)
			assert.Equal(t, tt.kind, e.Object.Kind)
			assert.True(t, strings.HasSuffix(e.VendorEvent, ".updated"), e.VendorEvent)
		})
	}
}

// TestBrainCertEveryTopicHasType checks that no modelled topic converts to
// unknown: every documented body (and the two siblings above) gets a type
// of its own.
func TestBrainCertEveryTopicHasType(t *testing.T) {
	seen := map[string]bool{}
	for _, path := range golden.Fixtures(t, brainCertFixtures, ".json") {
		e := brainCertCanonical(t, braincert.Parse, golden.Read(t, path))[0]
		assert.NotEqual(t, canonical.TypeUnknown, e.Type, path)
		seen[e.VendorEvent] = true
	}
	assert.Len(t, seen, len(braincert.Topics())-2, "every documented topic has a fixture")
}

func TestBrainCertUnknown(t *testing.T) {
	body := `{"id":"42","resource":"certificate","action":"revoked","tenant_id":"3","created_at":"2024-05-01T10:00:00+02:00","payload":{"code":"X-1"}}`
	xmlBody := `<webhook><id>42</id><resource>certificate</resource><action>revoked</action><tenant_id>3</tenant_id>` +
		`<created_at>2024-05-01T10:00:00+02:00</created_at><payload><code>X-1</code></payload></webhook>`
	for name, e := range map[string]canonical.Event{
		"json": brainCertCanonical(t, braincert.Parse, []byte(body))[0],
		"xml":  brainCertCanonical(t, braincert.ParseXML, []byte(xmlBody))[0],
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, canonical.TypeUnknown, e.Type)
			assert.Equal(t, "braincert:certificate.revoked:42", e.ID)
			assert.Equal(t, "certificate.revoked", e.VendorEvent)
			assert.Equal(t, time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC), e.OccurredAt)
			assert.Nil(t, e.Object)
			assert.Nil(t, e.Learner)
			assert.JSONEq(t, body, string(e.Data), "XML text is all strings, as here")
		})
	}
}

// TestBrainCertIDIncludesTopic: the docs reuse one id across topics; the
// canonical ids still differ.
func TestBrainCertIDIncludesTopic(t *testing.T) {
	created := brainCertCanonical(t, braincert.Parse, golden.Read(t, filepath.Join(brainCertFixtures, "course.created.json")))[0]
	updated := brainCertCanonical(t, braincert.Parse, golden.Read(t, filepath.Join(brainCertFixtures, "course.updated.json")))[0]
	assert.Equal(t, "braincert:course.created:01EJ79N9456763TEVEAKD2YWWC", created.ID)
	assert.Equal(t, "braincert:course.updated:01EJ79N9456763TEVEAKD2YWWC", updated.ID)
}

func TestBrainCertTestPassed(t *testing.T) {
	for _, tt := range []struct {
		final, passing string
		passed         bool
	}{{"74.5", "75", false}, {"75", "75", true}, {"0", "0", true}, {"100", "75", true}} {
		body := `{"id":"1","resource":"assessment","action":"completed","created_at":"2024-02-14T21:02:50.000Z",
			"payload":{"id":9,"final_score":` + tt.final + `,"passing_score":` + tt.passing + `,"user":{"id":5}}}`
		r := brainCertCanonical(t, braincert.Parse, []byte(body))[0].Result
		require.NotNil(t, r)
		require.NotNil(t, r.Passed)
		assert.Equal(t, tt.passed, *r.Passed, "%s >= %s", tt.final, tt.passing)
		assert.Equal(t, tt.final, jsonNumber(*r.Score))
		assert.Nil(t, r.MaxScore)
		assert.Nil(t, r.Scaled)
	}
}

func TestBrainCertCertificate(t *testing.T) {
	expires := time.Date(2025, 2, 14, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		issued, expiry, date string
		want                 *canonical.Certificate
	}{
		{"yes", "yes", "2025-02-14T12:00:00Z", &canonical.Certificate{Issued: ptrTo(true), ExpiresAt: expires}},
		{"no", "no", "", &canonical.Certificate{Issued: ptrTo(false)}},
		{"yes", "no", "2025-02-14T12:00:00Z", &canonical.Certificate{Issued: ptrTo(true)}},
		{"pending", "", "2025-02-14T14:00:00+02:00", &canonical.Certificate{ExpiresAt: expires}},
		{"", "", "", nil},
	}
	for _, tt := range tests {
		date := "null"
		if tt.date != "" {
			date = `"` + tt.date + `"`
		}
		body := `{"id":"1","resource":"course_completion","action":"completed","created_at":"2024-02-14T12:00:00.000Z",
			"payload":{"course":{"id":1},"user":{"id":2},"completion_details":{"certificate_issued":"` + tt.issued +
			`","certificate_expiry":"` + tt.expiry + `","certificate_expiration_date":` + date + `}}}`
		e := brainCertCanonical(t, braincert.Parse, []byte(body))[0]
		assert.Equal(t, tt.want, e.Certificate, "issued %q, expiry %q, date %q", tt.issued, tt.expiry, tt.date)
	}
}

func TestBrainCertSaleLearnerHasNoID(t *testing.T) {
	e := brainCertCanonical(t, braincert.Parse, golden.Read(t, filepath.Join(brainCertFixtures, "purchase.completed.json")))[0]
	assert.Equal(t, &canonical.Learner{Email: "yasin@example.com", Name: "Yasin"}, e.Learner)
	assert.Equal(t, &canonical.Object{Kind: canonical.KindOrder, ID: "ORD_ep3FVWZ9lC"}, e.Object)
}

func TestBrainCertRejectsNil(t *testing.T) {
	_, err := canonical.FromBrainCert(nil)
	assert.Error(t, err)
}

// brainCertCanonical parses body with parse and converts it; every event
// must validate.
func brainCertCanonical(t *testing.T, parse func([]byte, ...braincert.Option) (braincert.Event, error), body []byte) []canonical.Event {
	t.Helper()
	event, err := parse(body)
	return []canonical.Event{oneEvent(t, event, err, canonical.FromBrainCert)}
}

func encodeEvents(t *testing.T, events []canonical.Event) string {
	t.Helper()
	b, err := json.Marshal(events)
	require.NoError(t, err)
	return string(b)
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

func ptrTo[T any](v T) *T { return &v }
