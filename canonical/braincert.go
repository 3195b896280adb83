package canonical

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lmshooks/lmshooks/braincert"
)

// FromBrainCert converts a parsed BrainCert event. It returns exactly one
// Event; the slice keeps the signature the same for every vendor.
//
// Choices where the contract is silent:
//   - Every event, unknown ones included, takes its id from BrainCert's
//     envelope id (VendorID with resource + "." + action) and occurred_at
//     from created_at. Data is the whole typed body (envelope and payload);
//     for an unknown event the body as received, or, for an XML delivery,
//     its element tree as JSON (see braincert.ParseXML).
//   - Object names: a user's full name (User Created's name), a group's
//     group_name, a course's, bundle's, test's, live class's or product's
//     name, a completed course's title. An order has no name.
//   - A product has no id: its slug (the product page's URL) is the object
//     id.
//   - Learner ids are BrainCert's user ids (user_id in User Created, id
//     elsewhere). New Sale's buyer has no id: the learner is the buyer's
//     e-mail and first name.
//   - course_completion.completed carries Result.Completed = true; its
//     Certificate has Issued true for certificate_issued "yes", false for
//     "no" (omitted otherwise) and ExpiresAt from
//     certificate_expiration_date unless certificate_expiry is "no"; the
//     certificate is omitted when neither is known. occurred_at is
//     created_at, not the course's completion_date.
//   - assessment.completed's Result is score = final_score, passing_score,
//     passed = final_score >= passing_score and completed = true; no
//     max_score or scaled, since BrainCert sends no maximum (final_score
//     may be a percentage, but the docs do not say).
//   - Content topics (course, bundle, test, live class, product, group)
//     have no learner, even where the payload names instructors.
func FromBrainCert(event braincert.Event) ([]Event, error) {
	if event == nil {
		return nil, errors.New("canonical: nil BrainCert event")
	}
	e, err := brainCertEvent(event)
	if err != nil {
		return nil, err
	}
	if err := brainCertDescribe(&e, event); err != nil {
		return nil, err
	}
	return []Event{e}, nil
}

// brainCertTypes maps every modelled BrainCert topic to its canonical type.
var brainCertTypes = map[braincert.Topic]Type{
	braincert.TopicUserCreated:         TypeUserCreated,
	braincert.TopicUserUpdated:         TypeUserUpdated,
	braincert.TopicUserDeleted:         TypeUserDeleted,
	braincert.TopicGroupCreated:        TypeGroupCreated,
	braincert.TopicCourseCreated:       TypeCourseCreated,
	braincert.TopicCourseUpdated:       TypeCourseUpdated,
	braincert.TopicCourseDeleted:       TypeCourseDeleted,
	braincert.TopicBundleCreated:       TypeBundleCreated,
	braincert.TopicBundleUpdated:       TypeBundleUpdated,
	braincert.TopicBundleDeleted:       TypeBundleDeleted,
	braincert.TopicTestCreated:         TypeTestCreated,
	braincert.TopicTestUpdated:         TypeTestUpdated,
	braincert.TopicTestDeleted:         TypeTestDeleted,
	braincert.TopicLiveClassCreated:    TypeLiveClassCreated,
	braincert.TopicLiveClassUpdated:    TypeLiveClassUpdated,
	braincert.TopicLiveClassDeleted:    TypeLiveClassDeleted,
	braincert.TopicProductCreated:      TypeProductCreated,
	braincert.TopicProductUpdated:      TypeProductUpdated,
	braincert.TopicProductDeleted:      TypeProductDeleted,
	braincert.TopicCourseEnrollment:    TypeEnrollmentCreated,
	braincert.TopicTestEnrollment:      TypeEnrollmentCreated,
	braincert.TopicLiveClassEnrollment: TypeEnrollmentCreated,
	braincert.TopicCourseCompleted:     TypeCourseCompleted,
	braincert.TopicTestCompleted:       TypeTestCompleted,
	braincert.TopicNewSale:             TypeOrderCompleted,
}

// brainCertEvent fills what every BrainCert event shares: id, type, time
// and data.
func brainCertEvent(event braincert.Event) (Event, error) {
	head := event.Header()
	name := event.EventName()
	data, err := dataOf(event)
	if err != nil {
		return Event{}, fmt.Errorf("canonical: encoding BrainCert %s body: %w", name, err)
	}
	typ := TypeUnknown
	if _, unknown := event.(*braincert.Unknown); unknown {
		if !isJSONObject(data) {
			return Event{}, fmt.Errorf("canonical: BrainCert %s body is not a JSON object", name)
		}
	} else if typ = brainCertTypes[braincert.Topic(name)]; typ == "" {
		return Event{}, fmt.Errorf("canonical: no canonical type for BrainCert topic %s", name)
	}
	return Event{
		ID:          VendorID(VendorBrainCert, name, head.ID.String()),
		Vendor:      VendorBrainCert,
		Type:        typ,
		VendorEvent: name,
		OccurredAt:  utc(head.CreatedAt.Time),
		Data:        data,
	}, nil
}

// brainCertDescribe sets the learner, object, result and certificate.
func brainCertDescribe(e *Event, event braincert.Event) error {
	switch ev := event.(type) {
	case *braincert.UserCreated:
		p := ev.Payload
		e.Learner = newLearner(p.UserID.String(), strings.TrimSpace(p.Name), p.Email)
		e.Object = &Object{Kind: KindUser, ID: p.UserID.String(), Name: p.Name}
	case *braincert.UserUpdated:
		brainCertUser(e, ev.Payload)
	case *braincert.UserDeleted:
		brainCertUser(e, ev.Payload)
	case *braincert.GroupCreated:
		e.Object = &Object{Kind: KindGroup, ID: ev.Payload.GroupID.String(), Name: ev.Payload.GroupName}
	case *braincert.CourseCreated:
		e.Object = brainCertCourse(ev.Payload)
	case *braincert.CourseUpdated:
		e.Object = brainCertCourse(ev.Payload)
	case *braincert.CourseDeleted:
		e.Object = brainCertCourse(ev.Payload)
	case *braincert.BundleCreated:
		e.Object = brainCertBundle(ev.Payload)
	case *braincert.BundleUpdated:
		e.Object = brainCertBundle(ev.Payload)
	case *braincert.BundleDeleted:
		e.Object = brainCertBundle(ev.Payload)
	case *braincert.TestCreated:
		e.Object = brainCertTest(ev.Payload)
	case *braincert.TestUpdated:
		e.Object = brainCertTest(ev.Payload)
	case *braincert.TestDeleted:
		e.Object = brainCertTest(ev.Payload)
	case *braincert.LiveClassCreated:
		e.Object = brainCertLiveClass(ev.Payload)
	case *braincert.LiveClassUpdated:
		e.Object = brainCertLiveClass(ev.Payload)
	case *braincert.LiveClassDeleted:
		e.Object = brainCertLiveClass(ev.Payload)
	case *braincert.ProductCreated:
		e.Object = brainCertProduct(ev.Payload)
	case *braincert.ProductUpdated:
		e.Object = brainCertProduct(ev.Payload)
	case *braincert.ProductDeleted:
		e.Object = brainCertProduct(ev.Payload)
	case *braincert.CourseEnrollment:
		p := ev.Payload
		brainCertEnrollment(e, p.User, &Object{Kind: KindCourse, ID: p.Course.ID.String(), Name: p.Course.Name})
	case *braincert.TestEnrollment:
		p := ev.Payload
		brainCertEnrollment(e, p.User, &Object{Kind: KindTest, ID: p.Test.ID.String(), Name: p.Test.Name})
	case *braincert.LiveClassEnrollment:
		p := ev.Payload
		brainCertEnrollment(e, p.User, &Object{Kind: KindLiveClass, ID: p.ClassID.String(), Name: p.LiveClass.Name})
	case *braincert.CourseCompleted:
		brainCertCourseCompleted(e, ev.Payload)
	case *braincert.TestCompleted:
		brainCertTestCompleted(e, ev.Payload)
	case *braincert.NewSale:
		p := ev.Payload
		e.Learner = newLearner("", strings.TrimSpace(p.User.FirstName), p.User.Email)
		e.Object = &Object{Kind: KindOrder, ID: p.OrderID.String()}
	case *braincert.Unknown:
		// Only the envelope is known.
	default:
		return fmt.Errorf("canonical: cannot convert BrainCert event %T", event)
	}
	return nil
}

func brainCertUser(e *Event, u braincert.User) {
	name := fullName(u.FirstName, u.LastName)
	e.Learner = newLearner(u.ID.String(), strings.TrimSpace(name), u.Email)
	e.Object = &Object{Kind: KindUser, ID: u.ID.String(), Name: name}
}

func brainCertCourse(c braincert.Course) *Object {
	return &Object{Kind: KindCourse, ID: c.ID.String(), Name: c.Name}
}

func brainCertBundle(b braincert.Bundle) *Object {
	return &Object{Kind: KindBundle, ID: b.ID.String(), Name: b.Name}
}

func brainCertTest(t braincert.Test) *Object {
	return &Object{Kind: KindTest, ID: t.ID.String(), Name: t.Name}
}

func brainCertLiveClass(c braincert.LiveClass) *Object {
	return &Object{Kind: KindLiveClass, ID: c.ClassID.String(), Name: c.Name}
}

func brainCertProduct(p braincert.Product) *Object {
	return &Object{Kind: KindProduct, ID: p.Slug, Name: p.Name}
}

func brainCertEnrollment(e *Event, user braincert.Person, object *Object) {
	e.Learner = brainCertPerson(user)
	e.Object = object
}

func brainCertCourseCompleted(e *Event, p braincert.CourseCompletionPayload) {
	e.Learner = brainCertPerson(p.User)
	e.Object = &Object{Kind: KindCourse, ID: p.Course.ID.String(), Name: p.Course.Title}
	e.Result = newResult().withCompleted(true).result()
	e.Certificate = brainCertCertificate(p.CompletionDetails)
}

func brainCertTestCompleted(e *Event, p braincert.TestCompletionPayload) {
	e.Learner = brainCertPerson(p.User)
	e.Object = &Object{Kind: KindTest, ID: p.ID.String(), Name: p.Name}
	r := newResult().withCompleted(true)
	if p.FinalScore != nil {
		r.withScore(*p.FinalScore)
	}
	if p.PassingScore != nil {
		r.withPassingScore(*p.PassingScore)
	}
	if r.Score != nil && r.PassingScore != nil {
		r.withPassed(*r.Score >= *r.PassingScore)
	}
	e.Result = r.result()
}

// brainCertCertificate reads the "yes"/"no" completion details; nil when
// they tell nothing.
func brainCertCertificate(d braincert.CompletionDetails) *Certificate {
	c := &Certificate{Issued: yesNo(d.CertificateIssued)}
	if expires := yesNo(d.CertificateExpiry); expires == nil || *expires {
		c.ExpiresAt = utc(d.CertificateExpirationDate.Time)
	}
	if c.Issued == nil && c.ExpiresAt.IsZero() {
		return nil
	}
	return c
}

// yesNo reads BrainCert's "yes" and "no"; nil for anything else.
func yesNo(s string) *bool {
	switch {
	case strings.EqualFold(s, "yes"):
		return ptr(true)
	case strings.EqualFold(s, "no"):
		return ptr(false)
	}
	return nil
}

func brainCertPerson(p braincert.Person) *Learner {
	return newLearner(p.ID.String(), fullName(p.FirstName, p.LastName), p.Email)
}
