package toolzz_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/toolzz"
)

const cpf = "123.456.789-99"

// courseCompleted is a complete activities.course.completed body; tests
// change one part at a time with strings.Replace.
const courseCompleted = `{"event":{"name":"Atividades - Curso concluído","slug":"activities.course.completed","send_at":"2023-07-03 12:53:41"},
"data":{"institution":{"id":12345},"course":{"id":123456,"name":"Course Name"},
"enrollment":{"id":11,"date_expire":"2024-01-31","course_id":123456,"actived":1,"status":0},
"user":{"id":987654321,"name":"Student","email":"student@toolzz.com","cpf":"` + cpf + `","nickname":"stu","uuid":null}}}`

const memberUpdated = `{"event":{"name":"Membros","slug":"members.updated","send_at":"2023-07-03 14:29:26","acao":"atualização"},
"data":{"user":{"id":123456,"name":"Student","email":"student@toolzz.com",
"institution":[{"id":12345,"schools":[{"id":1,"role_id":4,"created_at":"29/06/2022 15:14:10","updated_at":"03/07/2023 14:29:04"}]}],
"cpf":"` + cpf + `","nickname":null,"uuid":null}}}`

func replace(body, old, new string) string {
	if !strings.Contains(body, old) {
		panic("test body lacks " + old)
	}
	return strings.Replace(body, old, new, 1)
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		kind  error
		event string
		field string
	}{
		{"empty body", ``, toolzz.ErrMalformed, "", ""},
		{"not JSON", `event=activities.course.completed`, toolzz.ErrMalformed, "", ""},
		{"array", `[` + courseCompleted + `]`, toolzz.ErrMalformed, "", ""},
		{"trailing data", courseCompleted + ` {}`, toolzz.ErrMalformed, "", ""},
		{"no event", `{"data":{}}`, toolzz.ErrNoEventType, "", ""},
		{"no slug", `{"event":{"name":"x","send_at":"2023-07-03 12:53:41"}}`, toolzz.ErrNoEventType, "", ""},
		{"event not an object", `{"event":"activities.course.completed"}`, toolzz.ErrMalformed, "", "event"},
		{"slug not a string", `{"event":{"slug":7}}`, toolzz.ErrMalformed, "", "event.slug"},
		{"no send_at", replace(courseCompleted, `"send_at":"2023-07-03 12:53:41"`, `"x":1`), toolzz.ErrInvalid, "activities.course.completed", "event.send_at"},
		{"bad send_at", replace(courseCompleted, `2023-07-03 12:53:41`, `03/07/2023`), toolzz.ErrMalformed, "activities.course.completed", ""},
		{"no course id", replace(courseCompleted, `"id":123456,"name"`, `"name"`), toolzz.ErrInvalid, "activities.course.completed", "data.course.id"},
		{"no user id", replace(courseCompleted, `"id":987654321,`, ``), toolzz.ErrInvalid, "activities.course.completed", "data.user.id"},
		{"actived not 0/1", replace(courseCompleted, `"actived":1`, `"actived":"yes"`), toolzz.ErrMalformed, "activities.course.completed", ""},
		{"bad date_expire", replace(courseCompleted, `"2024-01-31"`, `"31/01/2024"`), toolzz.ErrMalformed, "activities.course.completed", ""},
		{"member without user id", replace(memberUpdated, `"id":123456,`, ``), toolzz.ErrInvalid, "members.updated", "data.user.id"},
		{"member without send_at", replace(memberUpdated, `"send_at":"2023-07-03 14:29:26",`, ``), toolzz.ErrInvalid, "members.updated", "event.send_at"},
		{"school time month first", replace(memberUpdated, `29/06/2022`, `06/29/2022`), toolzz.ErrMalformed, "members.updated", ""},
		{"unknown slug with bad send_at", `{"event":{"slug":"members.disabled","send_at":"soon"}}`, toolzz.ErrMalformed, "members.disabled", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			event, err := toolzz.Parse([]byte(tt.body))
			require.Error(t, err, "parsed as %#v", event)
			assert.Nil(t, event)
			assert.ErrorIs(t, err, tt.kind)
			var pe *toolzz.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "toolzz", pe.Vendor)
			assert.Equal(t, tt.event, pe.Event)
			assert.Equal(t, tt.field, pe.Field)
			assert.NotContains(t, err.Error(), cpf)
		})
	}
}

// TestParseErrorsNeverQuoteCPF breaks the body at and around the cpf: no
// error message may contain it.
func TestParseErrorsNeverQuoteCPF(t *testing.T) {
	for _, body := range []string{
		replace(courseCompleted, `"cpf":"`+cpf+`"`, `"cpf":12345678999`),
		replace(courseCompleted, `"cpf":"`+cpf+`"`, `"cpf":{"n":"`+cpf+`"}`),
		replace(courseCompleted, `"cpf":"`+cpf+`"`, `"cpf":["`+cpf+`"]`),
		replace(courseCompleted, `"cpf":"`+cpf+`",`, `"cpf":"`+cpf+`" "x":1,`),
		replace(memberUpdated, `"cpf":"`+cpf+`"`, `"cpf":1234567899912345678999123`),
	} {
		_, err := toolzz.Parse([]byte(body))
		require.ErrorIs(t, err, toolzz.ErrMalformed)
		assert.NotContains(t, err.Error(), "456", "cpf digits in %q", err.Error())
	}
}

func TestCPFIsRedactedWhenPrinted(t *testing.T) {
	event, err := toolzz.Parse([]byte(courseCompleted))
	require.NoError(t, err)
	user := event.(*toolzz.CourseCompleted).Data.User
	assert.Equal(t, cpf, string(user.CPF), "the typed value keeps the number")

	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("user", "cpf", user.CPF)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("user", "cpf", user.CPF, "user", user)
	printed := fmt.Sprintf("%v %+v %#v %s %q %v", user, user, user, user.CPF, user.CPF, event)
	for _, out := range []string{logs.String(), printed} {
		assert.NotContains(t, out, cpf)
		assert.Contains(t, out, "[redacted]")
	}

	encoded, err := json.Marshal(user)
	require.NoError(t, err)
	assert.Contains(t, string(encoded), `"cpf":"`+cpf+`"`, "JSON keeps the number as sent")
}

func TestParseUnknownSlugs(t *testing.T) {
	for _, slug := range []string{
		"members.disabled",
		"course.enrollment.created",
		"newsletter.created", // the vendor spells it "newslatter"
		"Activities.Course.Completed",
	} {
		t.Run(slug, func(t *testing.T) {
			body := `{"event":{"name":"x","slug":"` + slug + `","send_at":"2023-07-03 12:53:41","acao":"y"},"data":{"user":{"id":1}}}`
			event, err := toolzz.Parse([]byte(body))
			require.NoError(t, err)
			unknown, ok := event.(*toolzz.Unknown)
			require.True(t, ok, "got %T", event)
			assert.Equal(t, slug, unknown.EventName())
			assert.Equal(t, "2023-07-03 12:53:41", unknown.SentAt().String())
			assert.JSONEq(t, body, string(unknown.Body))
		})
	}
}

func TestParseUnknownSlugIsNotValidated(t *testing.T) {
	event, err := toolzz.Parse([]byte(`{"event":{"slug":"members.disabled"},"data":"anything"}`))
	require.NoError(t, err)
	assert.True(t, event.(*toolzz.Unknown).SentAt().IsZero())
}

func TestParseNumericBooleansAcceptTrueFalse(t *testing.T) {
	event, err := toolzz.Parse([]byte(replace(courseCompleted, `"actived":1`, `"actived":true`)))
	require.NoError(t, err)
	enrollment := event.(*toolzz.CourseCompleted).Data.Enrollment
	assert.Equal(t, toolzz.Bool{Value: true}, enrollment.Actived)
	assert.Equal(t, toolzz.Bool{Value: false, Numeric: true}, enrollment.Status)
}

func TestParseWithLocation(t *testing.T) {
	brt := time.FixedZone("BRT", -3*60*60)

	event, err := toolzz.Parse([]byte(courseCompleted), toolzz.WithLocation(brt))
	require.NoError(t, err)
	done := event.(*toolzz.CourseCompleted)
	assert.Equal(t, time.Date(2023, 7, 3, 15, 53, 41, 0, time.UTC), done.SendAt.Time.UTC())
	assert.Equal(t, brt, done.SendAt.Time.Location())
	assert.Equal(t, "2023-07-03 12:53:41", done.SendAt.Text, "the text stays as sent")
	assert.Equal(t, time.Date(2024, 1, 31, 3, 0, 0, 0, time.UTC), done.Data.Enrollment.DateExpire.Time.UTC(), "a date is midnight in loc")

	event, err = toolzz.Parse([]byte(memberUpdated), toolzz.WithLocation(brt))
	require.NoError(t, err)
	member := event.(*toolzz.MemberUpdated)
	assert.Equal(t, time.Date(2023, 7, 3, 17, 29, 26, 0, time.UTC), member.SendAt.Time.UTC())
	school := member.Data.User.Institution[0].Schools[0]
	assert.Equal(t, time.Date(2022, 6, 29, 18, 14, 10, 0, time.UTC), school.CreatedAt.Time.UTC())

	// Without the option, the same text is read in UTC.
	event, err = toolzz.Parse([]byte(courseCompleted))
	require.NoError(t, err)
	assert.Equal(t, time.Date(2023, 7, 3, 12, 53, 41, 0, time.UTC), event.SentAt().Time)
}

func TestParseWithLocationReachesEveryTime(t *testing.T) {
	brt := time.FixedZone("BRT", -3*60*60)
	tests := map[string]struct {
		body string
		get  func(toolzz.Event) []time.Time
	}{
		"trail": {`{"event":{"slug":"activities.trail.completed","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1},"trail":{"finished_at":"2022-03-10 18:56:47"}}}`,
			func(e toolzz.Event) []time.Time {
				return []time.Time{e.(*toolzz.TrailCompleted).Data.Trail.FinishedAt.Time}
			}},
		"content": {`{"event":{"slug":"activities.content.completed","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1},"content":{"send_date":"2022-03-10 18:56:47","current_time":"2022-03-10 18:56:47"}}}`,
			func(e toolzz.Event) []time.Time {
				c := e.(*toolzz.ContentCompleted).Data.Content
				return []time.Time{c.SendDate.Time, c.CurrentTime.Time}
			}},
		"activity": {`{"event":{"slug":"activities.answered.activity","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1},"course":{"id":2},"content":{"date_delivery":"2022-03-10","current_time":"18:56:47"}}}`,
			func(e toolzz.Event) []time.Time {
				return []time.Time{e.(*toolzz.ActivityAnswered).Data.Content.DateDelivery.Time}
			}},
		"certificate": {`{"event":{"slug":"activities.certificate.issued","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1},"course":{"enrolled_at":"2022-03-10 18:56:47","concluded_at":"2022-03-10 18:56:47"},"certificate":{"certified_at":"2022-03-10 18:56:47"}}}`,
			func(e toolzz.Event) []time.Time {
				d := e.(*toolzz.CertificateIssued).Data
				return []time.Time{d.Course.EnrolledAt.Time, d.Course.ConcludedAt.Time, d.Certificate.CertifiedAt.Time}
			}},
		"redemption": {`{"event":{"slug":"shop.product.redemption","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":"1"},"redemption":{"exchange_date":"2022-03-10 18:56:47"}}}`,
			func(e toolzz.Event) []time.Time {
				return []time.Time{e.(*toolzz.ProductRedemption).Data.Redemption.ExchangeDate.Time}
			}},
		"new member": {`{"event":{"slug":"members.created","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1,"institution":[{"schools":[{"created_at":"10/03/2022 18:56:47","updated_at":"10/03/2022 18:56:47"}]}]}}}`,
			func(e toolzz.Event) []time.Time {
				s := e.(*toolzz.MemberCreated).Data.User.Institution[0].Schools[0]
				return []time.Time{s.CreatedAt.Time, s.UpdatedAt.Time}
			}},
		"newsletter": {`{"event":{"slug":"newslatter.created","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1,"institution":[{"schools":[{"created_at":"10/03/2022 18:56:47","updated_at":"10/03/2022 18:56:47"}]}]}}}`,
			func(e toolzz.Event) []time.Time {
				s := e.(*toolzz.NewsletterSubscribed).Data.User.Institution[0].Schools[0]
				return []time.Time{s.CreatedAt.Time, s.UpdatedAt.Time}
			}},
		"enrollment": {`{"event":{"slug":"activities.course.enrollment","send_at":"2022-03-10 18:56:47"},"data":{"user":{"id":1},"course":{"id":2},"enrollment":{"date_expire":"2022-03-10"}}}`,
			func(e toolzz.Event) []time.Time {
				return []time.Time{e.(*toolzz.CourseEnrollment).Data.Enrollment.DateExpire.Time}
			}},
		"unknown": {`{"event":{"slug":"members.disabled","send_at":"2022-03-10 18:56:47"}}`,
			func(toolzz.Event) []time.Time { return nil }},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			event, err := toolzz.Parse([]byte(tt.body), toolzz.WithLocation(brt))
			require.NoError(t, err)
			for i, got := range append(tt.get(event), event.SentAt().Time) {
				assert.Equal(t, brt, got.Location(), "time %d: %v", i, got)
			}
		})
	}
}
