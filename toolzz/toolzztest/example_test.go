package toolzztest_test

import (
	"fmt"

	"github.com/lmshooks/lmshooks/toolzz"
	"github.com/lmshooks/lmshooks/toolzz/toolzztest"
)

func ExampleLookup() {
	ex, _ := toolzztest.Lookup("activities.course.completed")
	event, err := ex.Event()
	if err != nil {
		fmt.Println(err)
		return
	}
	done := event.(*toolzz.CourseCompleted)
	fmt.Println(done.Data.User.Email, "completed course", done.Data.Course.ID)

	partial, _ := toolzztest.Lookup("activities.course.enrollment")
	fmt.Println(partial.File, partial.Partial)
	// Output:
	// student@toolzz.com completed course 123456
	// activities.course.enrollment.partial.json true
}
