package toolzz_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/toolzz"
)

const exampleBody = `{"event": {"name": "Atividades - Curso concluído", "slug": "activities.course.completed",
	"send_at": "2023-07-03 12:53:41"},
 "data": {"institution": {"id": 12345}, "course": {"id": 123456, "name": "Course Name"},
	"enrollment": {"id": 11, "date_expire": null, "course_id": 123456789, "actived": 1, "status": 1},
	"user": {"id": 987654321, "name": "Student", "email": "student@toolzz.com", "cpf": "123.456.789-99",
	         "nickname": null, "uuid": null}}}`

func ExampleParse() {
	event, err := toolzz.Parse([]byte(exampleBody))
	if err != nil {
		fmt.Println(err)
		return
	}
	switch e := event.(type) {
	case *toolzz.CourseCompleted:
		u := e.Data.User
		fmt.Println(e.EventName(), e.Data.Course.Name, u.ID, u.Email, u.CPF)
	case *toolzz.Unknown:
		fmt.Println("not modelled:", e.EventName())
	}
	// Output: activities.course.completed Course Name 987654321 student@toolzz.com [redacted]
}

func ExampleWithLocation() {
	saoPaulo := time.FixedZone("BRT", -3*60*60) // or time.LoadLocation("America/Sao_Paulo")
	event, err := toolzz.Parse([]byte(exampleBody), toolzz.WithLocation(saoPaulo))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(event.SentAt().Time.UTC())
	// Output: 2023-07-03 15:53:41 +0000 UTC
}

func ExampleHandler() {
	h := toolzz.Handler(func(ctx context.Context, event toolzz.Event) error {
		fmt.Println("got", event.EventName())
		return nil
	})
	req := httptest.NewRequest(http.MethodPost, "/webhooks/toolzz", strings.NewReader(exampleBody))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code)
	// Output:
	// got activities.course.completed
	// 200
}

func ExampleEventType() {
	for _, body := range []string{
		`{"event":{"name":"Membros - Atualização","slug":"members.updated","send_at":"2024-05-02 10:00:00","acao":"atualização"},"data":{"user":{"id":7,"email":"learner@example.com"}}}`,
		`{"event":{"name":"Membros - Desativado","slug":"members.disabled","send_at":"2024-05-02 10:00:00"},"data":{}}`,
	} {
		event, err := toolzz.Parse([]byte(body))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(event.EventType(), event.EventType() == toolzz.EventMemberUpdated, event.EventType().Known())
	}
	// Output:
	// members.updated true true
	// members.disabled false false
}
