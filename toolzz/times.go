package toolzz

// timed is an event that holds times, which Parse reads in the WithLocation
// location (wire.Relocate); Toolzz sends none with an offset (one that has
// an offset all the same is left alone). Every event holds send_at in its
// header; an event whose data holds times lists them here too, after the
// header's. TestRelocationReachesEveryTime fails for a Time or DayFirstTime
// field missing from its type's list.
type timed interface{ eachTime(yield func(*Time)) }

func (h *Header) eachTime(yield func(*Time))       { yield(&h.SendAt) }
func (h *ActionHeader) eachTime(yield func(*Time)) { yield(&h.SendAt) }

func (e *CourseEnrollment) eachTime(yield func(*Time))     { withData(&e.Header, &e.Data, yield) }
func (e *CourseCompleted) eachTime(yield func(*Time))      { withData(&e.Header, &e.Data, yield) }
func (e *TrailCompleted) eachTime(yield func(*Time))       { withData(&e.Header, &e.Data, yield) }
func (e *ContentCompleted) eachTime(yield func(*Time))     { withData(&e.Header, &e.Data, yield) }
func (e *ActivityAnswered) eachTime(yield func(*Time))     { withData(&e.Header, &e.Data, yield) }
func (e *CertificateIssued) eachTime(yield func(*Time))    { withData(&e.Header, &e.Data, yield) }
func (e *ProductRedemption) eachTime(yield func(*Time))    { withData(&e.Header, &e.Data, yield) }
func (e *MemberCreated) eachTime(yield func(*Time))        { withData(&e.ActionHeader, &e.Data, yield) }
func (e *MemberUpdated) eachTime(yield func(*Time))        { withData(&e.ActionHeader, &e.Data, yield) }
func (e *NewsletterSubscribed) eachTime(yield func(*Time)) { withData(&e.ActionHeader, &e.Data, yield) }

func withData(header, data timed, yield func(*Time)) {
	header.eachTime(yield)
	data.eachTime(yield)
}

// The data objects' times; a nil one is an absent optional time.

func (d *EnrollmentData) eachTime(yield func(*Time)) { yield(d.Enrollment.DateExpire) }
func (d *TrailData) eachTime(yield func(*Time))      { yield(&d.Trail.FinishedAt) }
func (d *ActivityData) eachTime(yield func(*Time))   { yield(d.Content.DateDelivery) }
func (d *RedemptionData) eachTime(yield func(*Time)) { yield(&d.Redemption.ExchangeDate) }

func (d *ContentData) eachTime(yield func(*Time)) {
	yield(d.Content.SendDate)
	yield(d.Content.CurrentTime)
}

func (d *CertificateData) eachTime(yield func(*Time)) {
	yield(&d.Course.EnrolledAt)
	yield(&d.Course.ConcludedAt)
	yield(&d.Certificate.CertifiedAt)
}

func (d *NewMemberData) eachTime(yield func(*Time))  { schoolTimes(d.User.Institution, yield) }
func (d *MemberData) eachTime(yield func(*Time))     { schoolTimes(d.User.Institution, yield) }
func (d *NewsletterData) eachTime(yield func(*Time)) { schoolTimes(d.User.Institution, yield) }

// schoolTimes lists the day-first times of a member's schools.
func schoolTimes(institutions []MemberInstitution, yield func(*Time)) {
	for i := range institutions {
		for j := range institutions[i].Schools {
			school := &institutions[i].Schools[j]
			school.CreatedAt.eachTime(yield)
			school.UpdatedAt.eachTime(yield)
		}
	}
}

// eachTime hands the day-first time to yield as the offset-less Time it is,
// and keeps the instant yield made of it (the text stays as sent).
func (t *DayFirstTime) eachTime(yield func(*Time)) {
	asTime := Time{Time: t.Time, Text: t.Text}
	yield(&asTime)
	t.Time = asTime.Time
}
