package canonical_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/toolzz"
)

// TestGoldenToolzz converts every documented Toolzz body (partial ones
// included) and compares the canonical events' JSON with its golden file.
func TestGoldenToolzz(t *testing.T) {
	goldenCanonical(t, golden.Fixtures(t, "../testdata/toolzz", ".json"),
		func(b []byte) (toolzz.Event, error) { return toolzz.Parse(b) }, canonical.FromToolzz)
}

func fromToolzz(t *testing.T, body string, opts ...toolzz.Option) canonical.Event {
	t.Helper()
	event, err := toolzz.Parse([]byte(body), opts...)
	return oneEvent(t, event, err, canonical.FromToolzz)
}

func TestToolzzTypes(t *testing.T) {
	tests := []struct {
		slug string
		typ  canonical.Type
		kind canonical.Kind
	}{
		{"activities.course.completed", canonical.TypeCourseCompleted, canonical.KindCourse},
		{"activities.course.enrollment", canonical.TypeEnrollmentCreated, canonical.KindCourse},
		{"members.created", canonical.TypeUserCreated, canonical.KindUser},
		{"members.updated", canonical.TypeUserUpdated, canonical.KindUser},
		{"activities.trail.completed", canonical.TypeUnknown, ""},
		{"activities.content.completed", canonical.TypeUnknown, ""},
		{"activities.answered.activity", canonical.TypeUnknown, ""},
		{"activities.certificate.issued", canonical.TypeUnknown, ""},
		{"shop.product.redemption", canonical.TypeUnknown, ""},
		{"newslatter.created", canonical.TypeUnknown, ""},
		{"members.disabled", canonical.TypeUnknown, ""},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			body := `{"event":{"slug":"` + tt.slug + `","send_at":"2023-07-03 12:53:41"},"data":{"user":{"id":7,"name":"Ana Lima","email":"not-an-address"},"course":{"id":9,"name":"Go"}}}`
			e := fromToolzz(t, body)
			assert.Equal(t, tt.typ, e.Type)
			assert.Equal(t, tt.slug, e.VendorEvent)
			assert.Equal(t, time.Date(2023, 7, 3, 12, 53, 41, 0, time.UTC), e.OccurredAt)
			if tt.kind == "" {
				assert.Nil(t, e.Object)
				assert.Nil(t, e.Learner)
				return
			}
			assert.Equal(t, tt.kind, e.Object.Kind)
			assert.Equal(t, &canonical.Learner{ID: "7", Name: "Ana Lima"}, e.Learner, "no e-mail unless it is an address")
		})
	}
}

func TestToolzzDataOfUnknownEvents(t *testing.T) {
	// A documented slug keeps its body as sent, byte for byte but white
	// space: what no struct models (extra) too, and nothing the body did
	// not send.
	e := fromToolzz(t, `{"event":{"slug":"activities.trail.completed", "send_at":"2022-03-10 18:56:47"},
		"data":{"user":{"id":1},"extra":true}}`)
	assert.Equal(t, `{"event":{"slug":"activities.trail.completed","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1},"extra":true}}`, string(e.Data))

	// So does an undocumented slug.
	body := `{"event":{"slug":"members.disabled","send_at":"2022-03-10 18:56:47","acao":"x"},"data":{"user":{"id":1},"extra":true}}`
	e = fromToolzz(t, body)
	assert.JSONEq(t, body, string(e.Data))
	assert.Equal(t, time.Date(2022, 3, 10, 18, 56, 47, 0, time.UTC), e.OccurredAt)
}

func TestToolzzOccurredAtInLocation(t *testing.T) {
	brt := time.FixedZone("BRT", -3*60*60)
	for _, slug := range []string{"activities.course.completed", "members.disabled"} {
		body := `{"event":{"slug":"` + slug + `","send_at":"2023-07-03 12:53:41"},"data":{"user":{"id":7},"course":{"id":9}}}`
		e := fromToolzz(t, body, toolzz.WithLocation(brt))
		assert.Equal(t, time.Date(2023, 7, 3, 15, 53, 41, 0, time.UTC), e.OccurredAt, slug)
		assert.Equal(t, time.UTC, e.OccurredAt.Location())
	}
}

func TestToolzzContentID(t *testing.T) {
	a := fromToolzz(t, `{"event":{"slug":"members.updated","send_at":"2023-07-03 12:53:41"},"data":{"user":{"id":7,"cpf":"1"}}}`)
	b := fromToolzz(t, "{\"data\": {\"user\": {\"cpf\": \"1\", \"id\": 7}},\n \"event\": {\"send_at\": \"2023-07-03 12:53:41\", \"slug\": \"members.updated\"}}")
	c := fromToolzz(t, `{"event":{"slug":"members.updated","send_at":"2023-07-03 12:53:42"},"data":{"user":{"id":7,"cpf":"1"}}}`)
	assert.Equal(t, a.ID, b.ID, "same payload, other layout")
	assert.NotEqual(t, a.ID, c.ID, "other payload")
}

func TestToolzzRejectsNil(t *testing.T) {
	_, err := canonical.FromToolzz(nil)
	assert.Error(t, err)
}

func ExampleFromToolzz() {
	event, err := toolzz.Parse([]byte(`{"event": {"name": "Atividades - Curso concluído",
		"slug": "activities.course.completed", "send_at": "2023-07-03 12:53:41"},
		"data": {"course": {"id": 123456, "name": "Course Name"},
		"user": {"id": 987654321, "name": "Student", "email": "student@toolzz.com"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	events, err := canonical.FromToolzz(event)
	if err != nil {
		fmt.Println(err)
		return
	}
	e := events[0]
	fmt.Println(e.Type, e.OccurredAt.Format(time.RFC3339), e.Learner.ID, e.Learner.Email, e.Object.Name)
	// Output: course.completed 2023-07-03T12:53:41Z 987654321 student@toolzz.com Course Name
}

// FuzzFromToolzz checks that every body the parser accepts converts to
// events that keep the contract.
func FuzzFromToolzz(f *testing.F) {
	f.Add([]byte(`{"event":{"slug":"activities.course.completed","send_at":"2023-07-03 12:53:41"},"data":{"user":{"id":7},"course":{"id":9}}}`))
	f.Add([]byte(`{"event":{"slug":"members.created","send_at":"2023-07-03 12:53:41"},"data":{"user":{"id":"x","email":"a@b.c"}}}`))
	f.Add([]byte(`{"event":{"slug":"members.disabled"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		event, err := toolzz.Parse(body)
		if err != nil {
			return
		}
		events, err := canonical.FromToolzz(event)
		if err != nil {
			t.Fatalf("FromToolzz: %v", err)
		}
		for _, e := range events {
			if err := e.Validate(); err != nil {
				t.Fatalf("%v\n%s", err, body)
			}
		}
	})
}
