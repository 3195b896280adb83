package braincert_test

import (
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/internal/golden"
)

// envelope builds a JSON body of the given topic around payload.
func envelope(resource, action, payload string) string {
	return `{"id":"7","resource":"` + resource + `","action":"` + action +
		`","domain_id":"d","created_at":"2024-02-14T21:52:13.000Z","payload":` + payload + `}`
}

// rejection is a body a parser must refuse, and what its error says.
type rejection struct {
	name  string
	body  string
	kind  error  // the error kind
	event string // ParseError.Event
	field string // ParseError.Field
}

// checkRejections runs parse on every body.
func checkRejections(t *testing.T, parse func([]byte, ...braincert.Option) (braincert.Event, error), tests []rejection) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			event, err := parse([]byte(tt.body))
			require.Error(t, err, "parsed as %#v", event)
			assert.Nil(t, event)
			assertParseError(t, err, tt.kind, tt.event, tt.field)
		})
	}
}

func TestParseRejects(t *testing.T) {
	checkRejections(t, braincert.Parse, []rejection{
		{"empty body", ``, braincert.ErrMalformed, "", ""},
		{"not JSON", `resource=user`, braincert.ErrMalformed, "", ""},
		{"array", `[{"resource":"user","action":"signup"}]`, braincert.ErrMalformed, "", ""},
		{"trailing data", envelope("course", "created", `{"id":1}`) + ` {}`, braincert.ErrMalformed, "", ""},
		{"no resource", `{"id":"7","action":"created","created_at":"2024-02-14T21:52:13Z"}`, braincert.ErrNoEventType, "", ""},
		{"empty action", `{"id":"7","resource":"course","action":"","created_at":"2024-02-14T21:52:13Z"}`, braincert.ErrNoEventType, "", ""},
		{"null body", `null`, braincert.ErrMalformed, "", ""},
		{"resource not a string", `{"id":"7","resource":5,"action":"created"}`, braincert.ErrMalformed, "", "resource"},
		{"id an object", `{"id":{},"resource":"course","action":"created"}`, braincert.ErrMalformed, "", ""},
		{"bad created_at", `{"id":"7","resource":"course","action":"created","created_at":"yesterday"}`, braincert.ErrMalformed, "", ""},
		{"no id", `{"resource":"course","action":"created","created_at":"2024-02-14T21:52:13Z","payload":{"id":1}}`, braincert.ErrInvalid, "course.created", "id"},
		{"no created_at", `{"id":"7","resource":"course","action":"created","payload":{"id":1}}`, braincert.ErrInvalid, "course.created", "created_at"},
		{"unknown topic without id", `{"resource":"badge","action":"earned","created_at":"2024-02-14T21:52:13Z"}`, braincert.ErrInvalid, "badge.earned", "id"},
		{"no payload", `{"id":"7","resource":"course","action":"created","created_at":"2024-02-14T21:52:13Z"}`, braincert.ErrInvalid, "course.created", "payload.id"},
		{"course without id", envelope("course", "updated", `{"name":"x"}`), braincert.ErrInvalid, "course.updated", "payload.id"},
		{"new user without user_id", envelope("user", "signup", `{"name":"x"}`), braincert.ErrInvalid, "user.signup", "payload.user_id"},
		{"group without group_id", envelope("group", "created", `{"group_name":"x"}`), braincert.ErrInvalid, "group.created", "payload.group_id"},
		{"live class without class_id", envelope("virtual classroom", "deleted", `{"name":"x"}`), braincert.ErrInvalid, "virtual classroom.deleted", "payload.class_id"},
		{"product without slug", envelope("product", "created", `{"name":"x"}`), braincert.ErrInvalid, "product.created", "payload.slug"},
		{"enrollment without user id", envelope("course_enrollment", "enrollment", `{"course":{"id":1},"user":{"email":"a@example.com"}}`), braincert.ErrInvalid, "course_enrollment.enrollment", "payload.user.id"},
		{"test enrollment without test id", envelope("test_enrollment", "enrollment", `{"test":{"name":"t"},"user":{"id":1}}`), braincert.ErrInvalid, "test_enrollment.enrollment", "payload.test.id"},
		{"completion without course id", envelope("course_completion", "completed", `{"course":{"title":"t"},"user":{"id":1}}`), braincert.ErrInvalid, "course_completion.completed", "payload.course.id"},
		{"test result without final_score", envelope("assessment", "completed", `{"id":1,"passing_score":75,"user":{"id":1}}`), braincert.ErrInvalid, "assessment.completed", "payload.final_score"},
		{"test result with null passing_score", envelope("assessment", "completed", `{"id":1,"final_score":5,"passing_score":null,"user":{"id":1}}`), braincert.ErrInvalid, "assessment.completed", "payload.passing_score"},
		{"sale without order_id", envelope("purchase", "completed", `{"total":1}`), braincert.ErrInvalid, "purchase.completed", "payload.order_id"},
		{"sale price as string", envelope("purchase", "completed", `{"order_id":"o","items":[{"price":"100"}]}`), braincert.ErrMalformed, "purchase.completed", "payload.items.price"},
		{"product price as number", envelope("product", "created", `{"slug":"s","price":100}`), braincert.ErrMalformed, "product.created", "payload.price"},
	})
}

// assertParseError checks an error's kind, and the event and field its
// *ParseError names.
func assertParseError(t *testing.T, err error, kind error, event, field string) {
	t.Helper()
	assert.ErrorIs(t, err, kind)
	for _, other := range []error{braincert.ErrMalformed, braincert.ErrInvalid, braincert.ErrNoEventType} {
		if other != kind {
			assert.False(t, errors.Is(err, other), "%v also matches %v", err, other)
		}
	}
	var pe *braincert.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "braincert", pe.Vendor)
	assert.Equal(t, event, pe.Event)
	assert.Equal(t, field, pe.Field)
}

func TestParseErrorNamesRule(t *testing.T) {
	_, err := braincert.Parse([]byte(envelope("course", "created", `{}`)))
	var fe *braincert.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "required", fe.Rule)
	assert.EqualError(t, err, "braincert course.created: invalid event: field payload.id: is required")
}

// TestParseDocumentedQuirks: the forms the docs mix all parse, and keep
// their form.
func TestParseDocumentedQuirks(t *testing.T) {
	t.Run("course id as string", func(t *testing.T) {
		event, err := braincert.Parse([]byte(envelope("course", "created", `{"id":"909850"}`)))
		require.NoError(t, err)
		assert.Equal(t, braincert.ID{Value: "909850"}, event.(*braincert.CourseCreated).Payload.ID)
	})
	t.Run("group id as number", func(t *testing.T) {
		event, err := braincert.Parse([]byte(envelope("user", "updated", `{"id":1,"groups":[{"group_id":101}]}`)))
		require.NoError(t, err)
		assert.Equal(t, braincert.ID{Value: "101", Numeric: true}, event.(*braincert.UserUpdated).Payload.Groups[0].GroupID)
	})
	t.Run("avatar url present", func(t *testing.T) {
		event, err := braincert.Parse([]byte(envelope("user", "signup", `{"user_id":1,"avatar_url":"https://example.com/a.png"}`)))
		require.NoError(t, err)
		avatar := event.(*braincert.UserCreated).Payload.AvatarURL
		require.NotNil(t, avatar)
		assert.Equal(t, "https://example.com/a.png", *avatar)
	})
	t.Run("timestamp and both account ids", func(t *testing.T) {
		event, err := braincert.Parse(golden.Read(t, filepath.Join(fixtures, "user.updated.json")))
		require.NoError(t, err)
		head := event.Header()
		assert.Equal(t, int64(1652232054), head.Timestamp)
		assert.Equal(t, "John Doe", head.TenantID.String())
		assert.Equal(t, "John Doe", head.DomainID.String())
	})
	t.Run("tenant id only, no timestamp", func(t *testing.T) {
		event, err := braincert.Parse(golden.Read(t, filepath.Join(fixtures, "purchase.completed.json")))
		require.NoError(t, err)
		head := event.Header()
		assert.Zero(t, head.Timestamp)
		assert.True(t, head.DomainID.IsZero())
		assert.Equal(t, braincert.ID{Value: "3"}, head.TenantID)
	})
}

// TestParseUndocumentedTopics: Live Class Updated and Product Updated have
// no documented body; they parse with their siblings' bodies.
func TestParseUndocumentedTopics(t *testing.T) {
	for sibling, check := range map[string]func(braincert.Event) bool{
		"virtual_classroom.created.json": func(e braincert.Event) bool {
			ev, ok := e.(*braincert.LiveClassUpdated)
			return ok && ev.Payload.ClassID == braincert.ID{Value: "202223", Numeric: true}
		},
		"product.created.json": func(e braincert.Event) bool {
			ev, ok := e.(*braincert.ProductUpdated)
			return ok && ev.Payload.Name == "Course Growing Star"
		},
	} {
		body := strings.Replace(string(golden.Read(t, filepath.Join(fixtures, sibling))), `"action": "created"`, `"action": "updated"`, 1)
		event, err := braincert.Parse([]byte(body))
		require.NoError(t, err, sibling)
		assert.True(t, check(event), "%s as updated: got %T", sibling, event)
		assert.True(t, event.Topic().Known())
	}
}

func TestParseTopicIsExact(t *testing.T) {
	for _, pair := range [][2]string{
		{"virtual_classroom", "created"}, // the docs send a space
		{"Course", "created"},
		{"user", "created"}, // User Created is user.signup
		{"course", "completed"},
		{"user.signup", ""},
	} {
		body := `{"id":"1","resource":"` + pair[0] + `","action":"` + pair[1] + `","created_at":"2024-02-14T21:52:13Z","payload":{"id":1}}`
		event, err := braincert.Parse([]byte(body))
		if pair[1] == "" {
			assert.ErrorIs(t, err, braincert.ErrNoEventType)
			continue
		}
		require.NoError(t, err)
		assert.IsType(t, &braincert.Unknown{}, event, "%s.%s", pair[0], pair[1])
		assert.False(t, event.Topic().Known())
	}
}

func TestParseUnknownTopic(t *testing.T) {
	body := `{"id":"9","resource":"badge","action":"earned","tenant_id":"3","created_at":"2024-02-14T21:52:13Z","payload":{"badge":{"id":1}}}`
	event, err := braincert.Parse([]byte(body))
	require.NoError(t, err)
	unknown, ok := event.(*braincert.Unknown)
	require.True(t, ok, "got %T", event)
	assert.Equal(t, "badge.earned", unknown.EventName())
	assert.Equal(t, braincert.Topic("badge.earned"), unknown.Topic())
	assert.Equal(t, "9", unknown.ID.String())
	assert.Equal(t, body, string(unknown.Body))
}

func TestParseWithLocation(t *testing.T) {
	istanbul := time.FixedZone("TRT", 3*60*60)
	body := `{"id":"1","resource":"course","action":"created","created_at":"2024-02-14 21:52:13","payload":{"id":1,"created_at":"2024-02-14T21:52:13Z"}}`
	event, err := braincert.Parse([]byte(body), braincert.WithLocation(istanbul))
	require.NoError(t, err)
	course := event.(*braincert.CourseCreated)
	assert.Equal(t, time.Date(2024, 2, 14, 18, 52, 13, 0, time.UTC), course.CreatedAt.Time.UTC())
	// A time with an offset is not moved.
	assert.Equal(t, time.Date(2024, 2, 14, 21, 52, 13, 0, time.UTC), course.Payload.CreatedAt.Time.UTC())

	event, err = braincert.Parse([]byte(body))
	require.NoError(t, err)
	assert.Equal(t, time.Date(2024, 2, 14, 21, 52, 13, 0, time.UTC), event.Header().CreatedAt.Time)
}

// TestParseRequestByContentType: the Content-Type picks JSON or XML.
func TestParseRequestByContentType(t *testing.T) {
	jsonBody := golden.Read(t, filepath.Join(fixtures, "purchase.completed.json"))
	xmlBody := golden.Read(t, filepath.Join(fixtures, "purchase.completed.xml"))
	for _, tt := range []struct {
		contentType string
		body        []byte
	}{
		{"", jsonBody},
		{"application/json", jsonBody},
		{"application/json; charset=utf-8", jsonBody},
		{"application/xml", xmlBody},
		{"text/xml; charset=UTF-8", xmlBody},
	} {
		event, err := braincert.ParseRequest(http.Header{"Content-Type": {tt.contentType}}, tt.body)
		require.NoError(t, err, tt.contentType)
		assert.IsType(t, &braincert.NewSale{}, event, tt.contentType)
	}
	_, err := braincert.ParseRequest(http.Header{"Content-Type": {"application/xml"}}, jsonBody)
	assert.ErrorIs(t, err, braincert.ErrMalformed, "JSON sent as XML")
	_, err = braincert.ParseRequest(http.Header{"Content-Type": {"text/plain"}}, jsonBody)
	assert.ErrorIs(t, err, braincert.ErrUnsupportedMediaType)
}

func TestTopicsAreAllKnown(t *testing.T) {
	topics := braincert.Topics()
	topics[0] = "changed"
	assert.Equal(t, braincert.TopicUserCreated, braincert.Topics()[0], "Topics returns a copy")
	assert.False(t, braincert.Topic("user.created").Known())
}
