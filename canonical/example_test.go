package canonical_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/mcg"
)

func ExampleFromMCG() {
	event, err := mcg.Parse([]byte(`{"EventType":"collection_completed",
		"CourseCollectionId":"e02ba3b3","Score":10,"Name":"Eren",
		"Username":"eren@example.com","Email":"eren@example.com",
		"CertificateUrl":"https://cdn.example.com/certificate/abc"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	events, err := canonical.FromMCG(event)
	if err != nil {
		fmt.Println(err)
		return
	}
	e := events[0]
	fmt.Println(e.Type, e.Learner.Email, e.Object.Kind, e.Object.ID, *e.Result.Score, e.Certificate.URL)
	// Output:
	// collection.completed eren@example.com collection e02ba3b3 10 https://cdn.example.com/certificate/abc
}

func ExampleEvent_Validate() {
	e := canonical.Event{
		ID:          "mcg:course_finish:1",
		Vendor:      canonical.VendorMCG,
		Type:        "course.finished", // not in the vocabulary
		VendorEvent: "course_finish",
		Object:      &canonical.Object{Kind: canonical.KindCourse, ID: "c1"},
		Data:        json.RawMessage(`{}`),
	}
	fmt.Println(e.Validate())
	e.Type = canonical.TypeCourseCompleted
	fmt.Println(e.Validate())
	_ = json.NewEncoder(os.Stdout).Encode(e)
	// Output:
	// invalid canonical event: type "course.finished" is not in the vocabulary
	// <nil>
	// {"id":"mcg:course_finish:1","vendor":"mcg","type":"course.completed","vendor_event":"course_finish","object":{"kind":"course","id":"c1"},"data":{}}
}
