package benchbody_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/lmshooks/lmshooks/internal/benchbody"
	"github.com/lmshooks/lmshooks/mcg"
)

func TestCourseFinishIsALargeValidCourseFinish(t *testing.T) {
	documented, err := os.ReadFile("../../testdata/mcg/course_finish.json")
	if err != nil {
		t.Fatal(err)
	}
	body, err := benchbody.CourseFinish(documented)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(body); n < 80_000 || n > 96_000 {
		t.Errorf("%d bytes, want about 88 KB", n)
	}
	e, err := mcg.Parse(body)
	if err != nil {
		t.Fatal(err)
	}
	finish, ok := e.(*mcg.CourseFinish)
	if !ok {
		t.Fatalf("parsed as %T", e)
	}
	if len(finish.Cards) != benchbody.Cards {
		t.Errorf("%d cards, want %d", len(finish.Cards), benchbody.Cards)
	}
	if _, err := benchbody.CourseFinish([]byte(`{"Type":"course_finish","cards":{}}`)); err == nil {
		t.Error("a body without a card gave a large body")
	}
}

func ExampleCourseFinish() {
	documented, _ := os.ReadFile("../../testdata/mcg/course_finish.json")
	body, err := benchbody.CourseFinish(documented)
	fmt.Println(len(body) > 80_000, err)
	// Output: true <nil>
}
