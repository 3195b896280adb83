package canonical

import (
	"fmt"

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
	e.Learner = newLearner(ev.UniqueID, "", ev.UniqueID) // uniqueId may be the e-mail
	e.Object = &Object{Kind: KindCard, ID: a.CardID.String()}
	e.Parent = &Object{Kind: KindCourse, ID: ev.CourseCode, Name: ev.CourseName}
	r := newResult().withScore(a.Score)
	r.Passed, r.Response = a.IsCorrect, a.AnswerText
	e.Result = r.result()
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
	e.Learner = newLearner(ev.UniqueID, "", ev.UniqueID) // uniqueId may be the e-mail
	e.Object = &Object{Kind: KindCourse, ID: ev.CourseCode, Name: ev.CourseName}
	e.Result = newResult().withCompleted(true).result()
	return e, nil
}

func mcgCollectionStarted(ev *mcg.CollectionStarted) (Event, error) {
	e, err := newEvent(VendorMCG, TypeCollectionStarted, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	e.OccurredAt = utc(ev.StartedAt.Time)
	e.Learner = newLearner(ev.Username, ev.Name, ev.Email, ev.Username)
	e.Object = &Object{Kind: KindCollection, ID: ev.CourseCollectionID}
	e.Result = newResult().withScore(ev.Score).withProgress(ev.Progress).result()
	return e, nil
}

func mcgCollectionCompleted(ev *mcg.CollectionCompleted) (Event, error) {
	e, err := newEvent(VendorMCG, TypeCollectionCompleted, ev.EventName(), ev)
	if err != nil {
		return Event{}, err
	}
	e.Learner = newLearner(ev.Username, ev.Name, ev.Email, ev.Username)
	e.Object = &Object{Kind: KindCollection, ID: ev.CourseCollectionID}
	e.Result = newResult().withScore(ev.Score).withCompleted(true).result()
	if ev.CertificateURL != "" {
		e.Certificate = &Certificate{URL: ev.CertificateURL, Issued: ptr(true)}
	}
	return e, nil
}
