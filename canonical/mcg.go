package canonical

import (
	"fmt"
	"time"

	"github.com/lmshooks/lmshooks/mcg"
)

// FromMCG converts a parsed MCG event. It returns exactly one Event; the
// slice keeps the signature the same for every vendor.
func FromMCG(event mcg.Event) ([]Event, error) {
	var (
		e   Event
		err error
	)
	switch ev := event.(type) {
	case *mcg.CardEnd:
		e, err = mcgCardEnd(ev)
	case *mcg.CourseFinish:
		e, err = mcgCourseFinish(ev)
	case *mcg.CollectionStarted:
		e, err = mcgCollectionStarted(ev)
	case *mcg.CollectionCompleted:
		e, err = mcgCollectionCompleted(ev)
	case *mcg.Unknown:
		e, err = unknownEvent(VendorMCG, ev.Name, ev, ev.Body)
	default:
		return nil, fmt.Errorf("canonical: cannot convert MCG event %T", event)
	}
	if err != nil {
		return nil, err
	}
	return []Event{e}, nil
}

func mcgCardEnd(ev *mcg.CardEnd) (Event, error) {
	e, err := newEvent(VendorMCG, TypeCardAnswered, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	a := ev.Answer
	e.OccurredAt = utc(a.AnsweredAt.Time)
	e.Learner = learnerFromID(ev.UniqueID)
	e.Object = &Object{Kind: KindCard, ID: a.CardID.String()}
	e.Parent = &Object{Kind: KindCourse, ID: ev.CourseCode, Name: ev.CourseName}
	e.Result = &Result{Score: ptr(a.Score), Passed: a.IsCorrect, Response: a.AnswerText}
	return e, nil
}

func mcgCourseFinish(ev *mcg.CourseFinish) (Event, error) {
	e, err := newEvent(VendorMCG, TypeCourseCompleted, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	// MCG sends no finish time: the latest card answer marks it.
	for _, card := range ev.Cards {
		if t := utc(card.AnsweredAt.Time); t.After(e.OccurredAt) {
			e.OccurredAt = t
		}
	}
	e.Learner = learnerFromID(ev.UniqueID)
	e.Object = &Object{Kind: KindCourse, ID: ev.CourseCode, Name: ev.CourseName}
	e.Result = &Result{Completed: ptr(true)}
	return e, nil
}

func mcgCollectionStarted(ev *mcg.CollectionStarted) (Event, error) {
	e, err := newEvent(VendorMCG, TypeCollectionStarted, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	e.OccurredAt = utc(ev.StartedAt.Time)
	e.Learner = mcgCollectionLearner(ev.Username, ev.Email, ev.Name)
	e.Object = &Object{Kind: KindCollection, ID: ev.CourseCollectionID}
	e.Result = &Result{Score: ptr(ev.Score), Progress: ptr(ev.Progress)}
	return e, nil
}

func mcgCollectionCompleted(ev *mcg.CollectionCompleted) (Event, error) {
	e, err := newEvent(VendorMCG, TypeCollectionCompleted, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	e.Learner = mcgCollectionLearner(ev.Username, ev.Email, ev.Name)
	e.Object = &Object{Kind: KindCollection, ID: ev.CourseCollectionID}
	e.Result = &Result{Score: ptr(ev.Score), Completed: ptr(true)}
	if ev.CertificateURL != "" {
		e.Certificate = &Certificate{URL: ev.CertificateURL, Issued: ptr(true)}
	}
	return e, nil
}

// mcgCollectionLearner: Username is the learner's id (an e-mail, or a random
// id for open collections); Email is used only when it is a real address.
func mcgCollectionLearner(username, email, name string) *Learner {
	l := learnerFromID(username)
	if isEmail(email) {
		l.Email = email
	}
	l.Name = name
	return l
}

// utc returns t in UTC, or the zero time for a zero t.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}
