package braincert_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/lmshooks/lmshooks/braincert"
)

func ExampleParse() {
	body := `{
	  "id": "20191029145629636106318",
	  "resource": "assessment",
	  "action": "completed",
	  "domain_id": "John Doe",
	  "created_at": "2024-02-14T21:02:50.000Z",
	  "payload": {"id": 909850, "name": "Advanced Webhooks Test", "final_score": 85, "passing_score": 75,
	              "user": {"id": 124567, "first_name": "Sam", "last_name": "Davis", "email": "sam.davis@example.com"}}
	}`
	event, err := braincert.Parse([]byte(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	switch ev := event.(type) {
	case *braincert.TestCompleted:
		p := ev.Payload
		fmt.Printf("%s: %s %s scored %v (pass %v) in %q\n", ev.EventName(), p.User.FirstName, p.User.LastName, *p.FinalScore, *p.PassingScore, p.Name)
	case *braincert.Unknown:
		fmt.Println("not modelled:", ev.EventName())
	}
	// Output: assessment.completed: Sam Davis scored 85 (pass 75) in "Advanced Webhooks Test"
}

func ExampleParseXML() {
	body := `<?xml version="1.0" encoding="UTF-8"?>
<webhook>
  <id>20240126171756020665195</id>
  <resource>course_enrollment</resource>
  <action>enrollment</action>
  <tenant_id>Jason Miller</tenant_id>
  <created_at>2024-01-26T22:17:01.924Z</created_at>
  <payload>
    <course><id>101</id><name>Advanced Web Development</name></course>
    <enrollment_id>97472</enrollment_id>
    <user><id>123457</id><email>jane.doe@example.com</email></user>
  </payload>
</webhook>`
	event, err := braincert.ParseXML([]byte(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	enrollment := event.(*braincert.CourseEnrollment)
	fmt.Println(enrollment.Payload.User.Email, "enrolled in course", enrollment.Payload.Course.ID)
	// Output: jane.doe@example.com enrolled in course 101
}

func ExampleHandler() {
	handler := braincert.Handler(func(ctx context.Context, event braincert.Event) error {
		fmt.Println("received", event.EventName())
		return nil
	}, braincert.WithBasicAuth("hook-user", "hook-password"))

	body := `{"id":"1","resource":"group","action":"created","domain_id":"d","created_at":"2024-02-14T15:45:00.000Z","payload":{"group_id":304050}}`
	for _, password := range []string{"guess", "hook-password"} {
		req := httptest.NewRequest(http.MethodPost, "/webhooks/braincert", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.SetBasicAuth("hook-user", password)
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		fmt.Println(rec.Code)
	}
	// Output:
	// 401
	// received group.created
	// 200
}
