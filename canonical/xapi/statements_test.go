package xapi_test

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
)

func ptr[T any](v T) *T { return &v }

// event is a valid course.completed event of BrainCert's, for tests to
// change.
func event() canonical.Event {
	return canonical.Event{
		ID:          "braincert:course_completion.completed:1",
		Vendor:      canonical.VendorBrainCert,
		Type:        canonical.TypeCourseCompleted,
		VendorEvent: "course_completion.completed",
		OccurredAt:  time.Date(2024, 2, 14, 12, 0, 0, 123_456_789, time.UTC),
		Learner:     &canonical.Learner{ID: "67890", Email: "John.Doe@Example.COM", Name: "John Doe"},
		Object:      &canonical.Object{Kind: canonical.KindCourse, ID: "12345", Name: "Course"},
		Result:      &canonical.Result{Completed: ptr(true)},
		Data:        json.RawMessage(`{}`),
	}
}

// statements maps e with opts, failing t on an error or an invalid
// statement.
func statements(t *testing.T, e canonical.Event, opts ...xapi.Option) []xapi.Statement {
	t.Helper()
	out, err := xapi.Statements(e, opts...)
	require.NoError(t, err)
	for i := range out {
		require.NoError(t, out[i].Validate(), "statement %d", i)
	}
	return out
}

func TestStatementIDsAreUUIDv5(t *testing.T) {
	// Known answers from Python's uuid.uuid5, an independent implementation.
	assert.Equal(t, "335c5e44-8e41-5e38-a2ef-a75b9d803c53", xapi.StatementID("mcg:course_answer:0a6be767cdf369437bbf1ef32ed88c08"))
	assert.Equal(t, "894e2015-b57c-5f1a-93f6-e6dc57ac3e29", xapi.StatementID("mcg:course_finish:63cef983929db40ef1bc502273c7d3c7#outcome"))
	e := event()
	e.Result.Passed = ptr(false)
	e.Certificate = &canonical.Certificate{Issued: ptr(true)}
	got := statements(t, e)
	require.Len(t, got, 3)
	assert.Equal(t, xapi.StatementID(e.ID), got[0].ID)
	assert.Equal(t, xapi.StatementID(e.ID+"#outcome"), got[1].ID)
	assert.Equal(t, "http://adlnet.gov/expapi/verbs/failed", got[1].Verb.ID)
	assert.Equal(t, xapi.StatementID(e.ID+"#certificate"), got[2].ID)
}

func TestActorRules(t *testing.T) {
	tests := []struct {
		name    string
		learner *canonical.Learner
		opts    []xapi.Option
		want    *xapi.Agent // nil: no statement
	}{
		{"e-mail first", &canonical.Learner{ID: "7", Email: "a@Example.com", Name: "A"}, nil,
			&xapi.Agent{ObjectType: "Agent", Name: "A", Mbox: "mailto:a@Example.com"}},
		{"mbox_sha1sum lower-cases the domain", &canonical.Learner{Email: "a@Example.com"}, []xapi.Option{xapi.WithMboxSHA1Sum()},
			&xapi.Agent{ObjectType: "Agent", MboxSHA1Sum: sha1Hex("mailto:a@example.com")}},
		{"vendor id without e-mail", &canonical.Learner{ID: "7", ExternalID: "x"}, nil,
			&xapi.Agent{ObjectType: "Agent", Account: &xapi.Account{HomePage: "https://lmshooks.dev/vendors/braincert", Name: "7"}}},
		{"always account", &canonical.Learner{ID: "7", Email: "a@example.com"}, []xapi.Option{xapi.WithAlwaysAccount(), xapi.WithVendorHomePage(canonical.VendorBrainCert, "https://acme.braincert.com")},
			&xapi.Agent{ObjectType: "Agent", Account: &xapi.Account{HomePage: "https://acme.braincert.com", Name: "7"}}},
		{"external id with the customer's home page", &canonical.Learner{ExternalID: "x"}, []xapi.Option{xapi.WithCustomerHomePage("https://hr.example.com")},
			&xapi.Agent{ObjectType: "Agent", Account: &xapi.Account{HomePage: "https://hr.example.com", Name: "x"}}},
		{"external id alone", &canonical.Learner{ExternalID: "x", Name: "A"}, nil, nil},
		{"no learner", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := event()
			e.Learner = tt.learner
			got := statements(t, e, tt.opts...)
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, *tt.want, got[0].Actor)
		})
	}
}

func TestVerbsAndTypes(t *testing.T) {
	tests := []struct {
		typ          canonical.Type
		kind         canonical.Kind
		passed       *bool
		verb, object string
	}{
		{canonical.TypeCourseStarted, canonical.KindCourse, nil, "http://adlnet.gov/expapi/verbs/attempted", "http://adlnet.gov/expapi/activities/course"},
		{canonical.TypeCollectionStarted, canonical.KindCollection, nil, "http://adlnet.gov/expapi/verbs/attempted", "http://id.tincanapi.com/activitytype/collection-simple"},
		{canonical.TypeTestCompleted, canonical.KindTest, nil, "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/activities/assessment"},
		{canonical.TypeTestCompleted, canonical.KindTest, ptr(false), "http://adlnet.gov/expapi/verbs/failed", "http://adlnet.gov/expapi/activities/assessment"},
		{canonical.TypeEnrollmentCreated, canonical.KindLiveClass, nil, "http://adlnet.gov/expapi/verbs/registered", "http://id.tincanapi.com/activitytype/webinar"},
		{canonical.TypeEnrollmentCreated, canonical.KindTest, nil, "http://adlnet.gov/expapi/verbs/registered", "http://adlnet.gov/expapi/activities/assessment"},
		{canonical.TypeUserCreated, canonical.KindUser, nil, "http://adlnet.gov/expapi/verbs/registered", "http://id.tincanapi.com/activitytype/lms"},
	}
	for _, tt := range tests {
		t.Run(string(tt.typ)+"/"+string(tt.kind), func(t *testing.T) {
			e := event()
			e.Type, e.Object.Kind, e.Result = tt.typ, tt.kind, &canonical.Result{Passed: tt.passed, Score: ptr(1.0)}
			got := statements(t, e)
			require.Len(t, got, 1)
			assert.Equal(t, tt.verb, got[0].Verb.ID)
			assert.Equal(t, tt.object, got[0].Object.Definition.Type)
			if tt.typ == canonical.TypeTestCompleted {
				assert.Equal(t, ptr(true), got[0].Result.Completion, "a test.completed is a completion")
			}
		})
	}
}

func TestNoStatementTypes(t *testing.T) {
	for _, typ := range []canonical.Type{canonical.TypeCourseCreated, canonical.TypeUserUpdated, canonical.TypeUserDeleted,
		canonical.TypeGroupCreated, canonical.TypeProductDeleted, canonical.TypeOrderCompleted, canonical.TypeNotificationSent} {
		e := event()
		e.Type = typ
		assert.Empty(t, statements(t, e), typ)
	}
	e := event()
	e.Type, e.Object = canonical.TypeUnknown, nil
	assert.Empty(t, statements(t, e), "unknown")
	e = event()
	e.Type, e.Object.Kind = canonical.TypeOrderCompleted, canonical.KindOrder
	got := statements(t, e, xapi.WithOptIn(canonical.TypeOrderCompleted))
	require.Len(t, got, 1)
	assert.Equal(t, "http://activitystrea.ms/schema/1.0/purchase", got[0].Verb.ID)
}

func TestResultRules(t *testing.T) {
	tests := []struct {
		name   string
		typ    canonical.Type
		result *canonical.Result
		want   string // the result's JSON; "" for none
	}{
		{"score within max", canonical.TypeCardAnswered, &canonical.Result{Score: ptr(4.0), MaxScore: ptr(5.0), Scaled: ptr(0.8), Passed: ptr(true), Response: "B"},
			`{"score":{"scaled":0.8,"raw":4,"min":0,"max":5},"success":true,"response":"B"}`},
		{"score above max is raw alone", canonical.TypeCardAnswered, &canonical.Result{Score: ptr(6.0), MaxScore: ptr(5.0)},
			`{"score":{"raw":6}}`},
		{"negative score is raw alone", canonical.TypeCardAnswered, &canonical.Result{Score: ptr(-1.0), MaxScore: ptr(5.0)},
			`{"score":{"raw":-1}}`},
		{"progress rounded", canonical.TypeCourseStarted, &canonical.Result{Progress: ptr(49.5)},
			`{"extensions":{"https://w3id.org/xapi/cmi5/result/extensions/progress":50}}`},
		{"no progress on completed", canonical.TypeCourseCompleted, &canonical.Result{Progress: ptr(100.0)},
			`{"completion":true}`},
		{"nothing to say", canonical.TypeCourseStarted, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := event()
			e.Type, e.Result, e.Object.Kind = tt.typ, tt.result, canonical.KindCourse
			got := statements(t, e)
			require.NotEmpty(t, got)
			if tt.want == "" {
				assert.Nil(t, got[0].Result)
				return
			}
			encoded, err := json.Marshal(got[0].Result)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(encoded))
		})
	}
}

func TestMasteryScore(t *testing.T) {
	e := event()
	e.Type, e.Object.Kind = canonical.TypeTestCompleted, canonical.KindTest
	e.Result = &canonical.Result{Score: ptr(2.0), MaxScore: ptr(3.0), PassingScore: ptr(2.0), Passed: ptr(true)}
	got := statements(t, e)
	require.Len(t, got, 1)
	assert.Equal(t, 0.6667, got[0].Context.Extensions[xapi.ExtensionMasteryScore])
	e.Result.MaxScore = nil
	got = statements(t, e)
	assert.NotContains(t, got[0].Context.Extensions, xapi.ExtensionMasteryScore, "no max_score, no masteryscore")
}

func TestActivityIDs(t *testing.T) {
	e := event()
	e.Vendor, e.Type, e.VendorEvent = canonical.VendorMCG, canonical.TypeCardAnswered, "course_answer"
	e.Object = &canonical.Object{Kind: canonical.KindCard, ID: "7"}
	e.Parent = &canonical.Object{Kind: canonical.KindCourse, ID: "a b/c?", Name: "Cours"}
	got := statements(t, e, xapi.WithActivityBase("https://lrs.example.com/acts/"), xapi.WithLanguage("fr-CA"))
	require.Len(t, got, 1)
	assert.Equal(t, "https://lrs.example.com/acts/mcg/course/a%20b%2Fc%3F/card/7", got[0].Object.ID)
	assert.Equal(t, "other", got[0].Object.Definition.InteractionType)
	assert.Nil(t, got[0].Object.Definition.Name, "a card's name is not known")
	require.Len(t, got[0].Context.ContextActivities.Parent, 1)
	parent := got[0].Context.ContextActivities.Parent[0]
	assert.Equal(t, "https://lrs.example.com/acts/mcg/course/a%20b%2Fc%3F", parent.ID)
	assert.Equal(t, xapi.LanguageMap{"fr-CA": "Cours"}, parent.Definition.Name)
	assert.Equal(t, "Mini Course Generator", got[0].Context.Platform)
}

func TestCertificates(t *testing.T) {
	tests := []struct {
		cert *canonical.Certificate
		want string // the certificate statement's object id; "" for none
	}{
		{&canonical.Certificate{URL: "https://cdn.example.com/c/1", Issued: ptr(true)}, "https://cdn.example.com/c/1"},
		{&canonical.Certificate{URL: "/c/1"}, "https://lmshooks.dev/xapi/activities/braincert/course/12345/certificate"},
		{&canonical.Certificate{URL: "ftp://example.com/c"}, "https://lmshooks.dev/xapi/activities/braincert/course/12345/certificate"},
		{&canonical.Certificate{URL: "https://cdn.example.com/c/1", Issued: ptr(false)}, ""},
	}
	for _, tt := range tests {
		e := event()
		e.Certificate = tt.cert
		got := statements(t, e)
		if tt.want == "" {
			assert.Len(t, got, 1, "a certificate not issued earns nothing")
			continue
		}
		require.Len(t, got, 2)
		assert.Equal(t, tt.want, got[1].Object.ID)
		assert.Equal(t, "http://id.tincanapi.com/verb/earned", got[1].Verb.ID)
		assert.Equal(t, []xapi.Activity{got[0].Object}, got[1].Context.ContextActivities.Parent)
		assert.Nil(t, got[1].Result)
	}
}

func TestStatementsAreDeterministic(t *testing.T) {
	e := event()
	first, err := json.Marshal(statements(t, e))
	require.NoError(t, err)
	time.Sleep(2 * time.Millisecond)
	again, err := json.Marshal(statements(t, e))
	require.NoError(t, err)
	assert.Equal(t, string(first), string(again))
	assert.Contains(t, string(first), `"timestamp":"2024-02-14T12:00:00.123Z"`)
}

func TestInvalidInput(t *testing.T) {
	bad := event()
	bad.Object = nil
	_, err := xapi.Statements(bad)
	assert.ErrorIs(t, err, canonical.ErrInvalidEvent)
	for name, opt := range map[string]xapi.Option{
		"relative activity base": xapi.WithActivityBase("lmshooks/activities"),
		"home page with a space": xapi.WithVendorHomePage(canonical.VendorMCG, "https://acme example.com"),
		"unknown vendor":         xapi.WithVendorHomePage("moodle", "https://moodle.example.com"),
		"customer home page":     xapi.WithCustomerHomePage("hr.example.com"),
		"language":               xapi.WithLanguage("en_US"),
		"opt-in":                 xapi.WithOptIn(canonical.TypeCourseCreated),
	} {
		_, err := xapi.Statements(event(), opt)
		assert.ErrorIs(t, err, xapi.ErrInvalidOption, name)
	}
}

func TestValidateNamesTheField(t *testing.T) {
	tests := []struct {
		field  string
		change func(s *xapi.Statement)
	}{
		{"id", func(s *xapi.Statement) { s.ID = "not-a-uuid" }},
		{"actor", func(s *xapi.Statement) { s.Actor.Account = &xapi.Account{HomePage: "https://x.example", Name: "1"} }},
		{"actor", func(s *xapi.Statement) { s.Actor.Mbox = "" }},
		{"actor.mbox", func(s *xapi.Statement) { s.Actor.Mbox = "john@example.com" }},
		{"actor.mbox", func(s *xapi.Statement) { s.Actor.Mbox = "mailto:John <john@example.com>" }},
		{"actor.mbox_sha1sum", func(s *xapi.Statement) { s.Actor.Mbox, s.Actor.MboxSHA1Sum = "", "abc" }},
		{"actor.account.homePage", func(s *xapi.Statement) { s.Actor.Mbox, s.Actor.Account = "", &xapi.Account{HomePage: "x", Name: "1"} }},
		{"actor.account.name", func(s *xapi.Statement) { s.Actor.Mbox, s.Actor.Account = "", &xapi.Account{HomePage: "https://x"} }},
		{"verb.id", func(s *xapi.Statement) { s.Verb.ID = "answered" }},
		{"verb.display", func(s *xapi.Statement) { s.Verb.Display = xapi.LanguageMap{"en_US": "x"} }},
		{"object.id", func(s *xapi.Statement) { s.Object.ID = "https://example.com/a b" }},
		{"object.id", func(s *xapi.Statement) { s.Object.ID = "https://example.com/100%" }},
		{"object.definition", func(s *xapi.Statement) { s.Object.Definition = &xapi.ActivityDefinition{} }},
		{"object.definition.name", func(s *xapi.Statement) { s.Object.Definition.Name = xapi.LanguageMap{} }},
		{"object.definition.type", func(s *xapi.Statement) { s.Object.Definition.Type = "course" }},
		{"object.definition.interactionType", func(s *xapi.Statement) { s.Object.Definition.InteractionType = "essay" }},
		{"result", func(s *xapi.Statement) { s.Result = &xapi.Result{} }},
		{"result.score", func(s *xapi.Statement) { s.Result.Score = &xapi.Score{} }},
		{"result.score.scaled", func(s *xapi.Statement) { s.Result.Score = &xapi.Score{Scaled: ptr(1.5)} }},
		{"result.score.raw", func(s *xapi.Statement) { s.Result.Score = &xapi.Score{Raw: ptr(6.0), Min: ptr(0.0), Max: ptr(5.0)} }},
		{"result.score.max", func(s *xapi.Statement) { s.Result.Score = &xapi.Score{Min: ptr(5.0), Max: ptr(5.0)} }},
		{"context", func(s *xapi.Statement) { s.Context = &xapi.Context{} }},
		{"context.extensions", func(s *xapi.Statement) { s.Context.Extensions = map[string]any{} }},
		{"context.extensions[vendor]", func(s *xapi.Statement) { s.Context.Extensions["vendor"] = "x" }},
		{"context.contextActivities", func(s *xapi.Statement) { s.Context.ContextActivities = &xapi.ContextActivities{} }},
		{"timestamp", func(s *xapi.Statement) { s.Timestamp = "2024-02-14 12:00" }},
		{"timestamp", func(s *xapi.Statement) { s.Timestamp = time.Now().Add(time.Hour).UTC().Format(xapi.TimestampFormat) }},
	}
	for _, tt := range tests {
		s := statements(t, event())[0]
		tt.change(&s)
		err := s.Validate()
		var fe *xapi.FieldError
		if assert.ErrorAs(t, err, &fe, tt.field) {
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, xapi.ErrInvalidStatement)
		}
	}
}

func sha1Hex(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}
