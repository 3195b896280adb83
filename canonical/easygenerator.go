package canonical

import (
	"fmt"

	"github.com/lmshooks/lmshooks/easygenerator"
)

// easygeneratorMaxScore: Easygenerator scores are percentages.
const easygeneratorMaxScore = 100.0

// FromEasygenerator converts a parsed Easygenerator course result into one
// course.completed Event; the slice keeps the signature the same for every
// vendor.
//
// Where the contract is silent:
//   - VendorEvent is "course_finished" (the body names no event) and the id
//     derives from the payload's content, as for every vendor without an
//     event id.
//   - Object is the course (kind course, id courseId) without a name: none
//     is sent.
//   - Result.Scaled is score / 100; a score outside [0, 100] (possible only
//     in a value built in code) keeps its score but gets no scaled value.
//   - A status other than "passed" or "failed" leaves Result.Passed out; it
//     stays in Data as sent.
//   - OccurredAt is finishedOn.
func FromEasygenerator(event easygenerator.Event) ([]Event, error) {
	result, ok := event.(*easygenerator.CourseResult)
	if !ok || result == nil {
		return nil, fmt.Errorf("canonical: cannot convert Easygenerator event %T", event)
	}
	e, err := newEvent(VendorEasygenerator, TypeCourseCompleted, result.EventName(), result)
	if err != nil {
		return nil, err
	}
	e.OccurredAt = utc(result.FinishedOn.Time)
	e.Learner = newLearner(result.LearnerID, "", result.LearnerID) // learnerId is often the e-mail
	e.Object = &Object{Kind: KindCourse, ID: result.CourseID}
	r := newResult().withMaxScore(easygeneratorMaxScore).withCompleted(true)
	if passed, known := easygeneratorPassed(result.Status); known {
		r.withPassed(passed)
	}
	if s := result.Score; s != nil {
		r.withScore(*s)
		if *s >= 0 && *s <= easygeneratorMaxScore {
			r.withScaled(*s / easygeneratorMaxScore)
		}
	}
	e.Result = r.result()
	return []Event{e}, nil
}

// easygeneratorPassed reads the documented statuses; any other is unknown.
func easygeneratorPassed(status easygenerator.Status) (passed, known bool) {
	switch status {
	case easygenerator.StatusPassed:
		return true, true
	case easygenerator.StatusFailed:
		return false, true
	}
	return false, false
}
