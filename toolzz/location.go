package toolzz

import "time"

// readTimesIn re-reads every time of the event as wall-clock time in loc:
// Toolzz sends none with an offset. Dates become midnight in loc.
func readTimesIn(event Event, loc *time.Location) {
	if loc == nil || loc == time.UTC {
		return
	}
	switch e := event.(type) {
	case *CourseEnrollment:
		e.Header.in(loc)
		inLoc(e.Data.Enrollment.DateExpire, loc)
	case *CourseCompleted:
		e.Header.in(loc)
		inLoc(e.Data.Enrollment.DateExpire, loc)
	case *TrailCompleted:
		e.Header.in(loc)
		inLoc(&e.Data.Trail.FinishedAt, loc)
	case *ContentCompleted:
		e.Header.in(loc)
		inLoc(e.Data.Content.SendDate, loc)
		inLoc(e.Data.Content.CurrentTime, loc)
	case *ActivityAnswered:
		e.Header.in(loc)
		inLoc(e.Data.Content.DateDelivery, loc)
	case *CertificateIssued:
		e.Header.in(loc)
		inLoc(&e.Data.Course.EnrolledAt, loc)
		inLoc(&e.Data.Course.ConcludedAt, loc)
		inLoc(&e.Data.Certificate.CertifiedAt, loc)
	case *MemberCreated:
		e.ActionHeader.in(loc)
		schoolsIn(e.Data.User.Institution, loc)
	case *MemberUpdated:
		e.ActionHeader.in(loc)
		schoolsIn(e.Data.User.Institution, loc)
	case *NewsletterSubscribed:
		e.ActionHeader.in(loc)
		schoolsIn(e.Data.User.Institution, loc)
	case *ProductRedemption:
		e.Header.in(loc)
		inLoc(&e.Data.Redemption.ExchangeDate, loc)
	case *Unknown:
		e.Header.in(loc)
	}
}

func (h *Header) in(loc *time.Location)       { inLoc(&h.SendAt, loc) }
func (h *ActionHeader) in(loc *time.Location) { inLoc(&h.SendAt, loc) }

// inLoc re-reads t in loc; a nil t (a null) is left alone.
func inLoc(t *Time, loc *time.Location) {
	if t != nil && !t.IsZero() {
		t.Time = t.In(loc)
	}
}

func schoolsIn(institutions []MemberInstitution, loc *time.Location) {
	for i := range institutions {
		for j := range institutions[i].Schools {
			s := &institutions[i].Schools[j]
			s.CreatedAt.in(loc)
			s.UpdatedAt.in(loc)
		}
	}
}
