package braincert

// timed is an event that holds times, which Parse reads in the WithLocation
// location (wire.Relocate). Every event holds the envelope's created_at; a
// topic whose payload holds times lists them here too, after the
// envelope's. TestRelocationReachesEveryTime fails for a Time field missing
// from its type's list.
type timed interface{ eachTime(yield func(*Time)) }

func (e *Envelope) eachTime(yield func(*Time)) { yield(&e.CreatedAt) }

// The topics whose payloads hold times list the envelope's, then the
// payload's.

func (e *UserCreated) eachTime(yield func(*Time))      { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *CourseCreated) eachTime(yield func(*Time))    { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *CourseUpdated) eachTime(yield func(*Time))    { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *CourseDeleted) eachTime(yield func(*Time))    { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *BundleCreated) eachTime(yield func(*Time))    { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *BundleUpdated) eachTime(yield func(*Time))    { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *BundleDeleted) eachTime(yield func(*Time))    { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *TestCreated) eachTime(yield func(*Time))      { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *TestUpdated) eachTime(yield func(*Time))      { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *TestDeleted) eachTime(yield func(*Time))      { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *CourseEnrollment) eachTime(yield func(*Time)) { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *TestEnrollment) eachTime(yield func(*Time))   { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *LiveClassEnrollment) eachTime(yield func(*Time)) {
	withPayload(&e.Envelope, &e.Payload, yield)
}
func (e *CourseCompleted) eachTime(yield func(*Time)) { withPayload(&e.Envelope, &e.Payload, yield) }
func (e *NewSale) eachTime(yield func(*Time))         { withPayload(&e.Envelope, &e.Payload, yield) }

func withPayload(envelope *Envelope, payload timed, yield func(*Time)) {
	envelope.eachTime(yield)
	payload.eachTime(yield)
}

// The payloads' times.

func (p *NewUser) eachTime(yield func(*Time)) { yield(&p.DateAdded) }
func (p *Course) eachTime(yield func(*Time))  { yield(&p.CreatedAt) }
func (p *Bundle) eachTime(yield func(*Time))  { yield(&p.CreatedAt) }
func (p *Test) eachTime(yield func(*Time))    { yield(&p.CreatedAt) }

func (p *CourseEnrollmentPayload) eachTime(yield func(*Time)) {
	yield(&p.ActivatedAt)
	yield(&p.StartedAt)
}

func (p *TestEnrollmentPayload) eachTime(yield func(*Time)) {
	yield(&p.ActivatedAt)
	yield(&p.StartedAt)
}

func (p *LiveClassEnrollmentPayload) eachTime(yield func(*Time)) { yield(&p.EnrolledAt) }

func (p *CourseCompletionPayload) eachTime(yield func(*Time)) {
	yield(&p.Course.CompletionDate)
	yield(&p.CompletionDetails.CertificateExpirationDate)
}

func (p *SalePayload) eachTime(yield func(*Time)) {
	yield(&p.OrderDate)
	yield(&p.User.CustomerSince)
}
