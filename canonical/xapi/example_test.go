package xapi_test

import (
	"fmt"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
)

func ExampleStatements() {
	passed, score, maxScore, scaled := true, 42.0, 50.0, 0.84
	event := canonical.Event{
		ID:          "easygenerator:course_finished:0123456789abcdef0123456789abcdef",
		Vendor:      canonical.VendorEasygenerator,
		Type:        canonical.TypeCourseCompleted,
		VendorEvent: "course_finished",
		OccurredAt:  time.Date(2026, 3, 17, 10, 53, 51, 442_000_000, time.UTC),
		Learner:     &canonical.Learner{ID: "ada@example.com", Email: "ada@example.com", Name: "Ada"},
		Object:      &canonical.Object{Kind: canonical.KindCourse, ID: "c1", Name: "Webhooks 101"},
		Result:      &canonical.Result{Score: &score, MaxScore: &maxScore, Scaled: &scaled, Passed: &passed},
		Data:        []byte(`{}`),
	}
	statements, err := xapi.Statements(event, xapi.WithLanguage("en"), xapi.WithMboxSHA1Sum())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("actor:", statements[0].Actor.MboxSHA1Sum)
	for _, s := range statements {
		fmt.Println(s.ID, s.Verb.Display["en-US"], s.Object.ID, s.Object.Definition.Name["en"], *s.Result.Score.Scaled, s.Timestamp, s.Validate())
	}
	// Output:
	// actor: 72ac10875be5a7770a4f31058ea797edb8e55020
	// e7415a81-a7b4-5932-847c-ce16615bc3a8 completed https://lmshooks.dev/xapi/activities/easygenerator/course/c1 Webhooks 101 0.84 2026-03-17T10:53:51.442Z <nil>
	// 6f003c96-adac-5b74-958d-0b9d2d47c045 passed https://lmshooks.dev/xapi/activities/easygenerator/course/c1 Webhooks 101 0.84 2026-03-17T10:53:51.442Z <nil>
}
