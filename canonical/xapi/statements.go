package xapi

import (
	"fmt"

	"github.com/lmshooks/lmshooks/canonical"
)

// TimestampFormat is the layout of Statement.Timestamp: UTC, milliseconds.
const TimestampFormat = "2006-01-02T15:04:05.000Z"

// Statements returns the xAPI statements of e, per the lmshooks xAPI
// contract: none for the types the contract maps to none (admin actions
// such as course.created, group.created, user.updated, unknown; the opt-in
// types unless WithOptIn; an event about no identifiable learner), which
// is not an error; else the statement of the event, then its #outcome
// statement (a course.completed whose passed is known) and its
// #certificate statement (an event with a certificate not marked as not
// issued).
//
// Every field is a pure function of e and the options, never of the
// current time, so a re-delivery gives the same statements with the same
// ids. The error wraps canonical.ErrInvalidEvent for an event that breaks
// the canonical contract, or ErrInvalidOption.
func Statements(e canonical.Event, opts ...Option) ([]Statement, error) {
	c, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return c.statements(&e)
}

// statements is Statements with the options applied.
func (c *config) statements(e *canonical.Event) ([]Statement, error) {
	if err := e.Validate(); err != nil {
		return nil, fmt.Errorf("xapi: %w", err)
	}
	verb, ok := c.verb(e)
	if !ok {
		return nil, nil
	}
	actor, ok := c.actor(e)
	if !ok {
		return nil, nil
	}
	object := c.activity(e.Vendor, e.Object, e.Parent)
	if e.Type == canonical.TypeUserCreated {
		object = c.platformActivity(e.Vendor)
	}
	completes := completing[e.Type]
	main := c.statement(e, "", actor, verb, object, result(e.Result, completes), c.parent(e))
	out := []Statement{main}
	if e.Type == canonical.TypeCourseCompleted && e.Result != nil && e.Result.Passed != nil {
		out = append(out, c.statement(e, "#outcome", actor, passedOrFailed(*e.Result.Passed), object, outcomeResult(e.Result), c.parent(e)))
	}
	if cert := e.Certificate; cert != nil && (cert.Issued == nil || *cert.Issued) {
		certificate := c.certificateActivity(cert, object)
		out = append(out, c.statement(e, "#certificate", actor, verbEarned, certificate, nil, []Activity{object}))
	}
	return out, nil
}

// completing are the types whose statement reports a completion.
var completing = map[canonical.Type]bool{
	canonical.TypeCourseCompleted:     true,
	canonical.TypeCollectionCompleted: true,
	canonical.TypeTestCompleted:       true,
}

// verb is the verb of e's statement by the contract's table; false for a
// type that gives no statement.
func (c *config) verb(e *canonical.Event) (Verb, bool) {
	switch e.Type {
	case canonical.TypeCardAnswered:
		return verbAnswered, true
	case canonical.TypeCourseStarted, canonical.TypeCollectionStarted:
		return verbAttempted, true
	case canonical.TypeCourseCompleted, canonical.TypeCollectionCompleted:
		return verbCompleted, true
	case canonical.TypeTestCompleted:
		if e.Result != nil && e.Result.Passed != nil {
			return passedOrFailed(*e.Result.Passed), true
		}
		return verbCompleted, true
	case canonical.TypeEnrollmentCreated, canonical.TypeUserCreated:
		return verbRegistered, true
	case canonical.TypeOrderCompleted:
		return verbPurchased, c.optIn[e.Type]
	case canonical.TypeNotificationSent:
		return verbReceived, c.optIn[e.Type]
	}
	return Verb{}, false
}

func passedOrFailed(passed bool) Verb {
	if passed {
		return verbPassed
	}
	return verbFailed
}

// parent is the context parent of e's statement: the activity of e's
// parent, when it has one.
func (c *config) parent(e *canonical.Event) []Activity {
	if e.Parent == nil {
		return nil
	}
	return []Activity{c.activity(e.Vendor, e.Parent, nil)}
}

// statement assembles one statement of e; suffix names a second statement.
func (c *config) statement(e *canonical.Event, suffix string, actor Agent, verb Verb, object Activity, res *Result, parent []Activity) Statement {
	s := Statement{
		ID:      StatementID(e.ID + suffix),
		Actor:   actor,
		Verb:    verb,
		Object:  object,
		Result:  res,
		Context: c.context(e, parent, suffix != "#certificate"),
	}
	if !e.OccurredAt.IsZero() {
		s.Timestamp = e.OccurredAt.UTC().Format(TimestampFormat)
	}
	return s
}

// context names the platform, the parent activities and the event; with
// mastery, also the cmi5 mastery score when e's result gives one.
func (c *config) context(e *canonical.Event, parent []Activity, mastery bool) *Context {
	ctx := &Context{
		Platform: platforms[e.Vendor],
		Extensions: map[string]any{
			ExtensionVendor:      string(e.Vendor),
			ExtensionVendorEvent: e.VendorEvent,
			ExtensionEventID:     e.ID,
		},
	}
	if parent != nil {
		ctx.ContextActivities = &ContextActivities{Parent: parent}
	}
	if m, ok := masteryScore(e.Result); ok && mastery {
		ctx.Extensions[ExtensionMasteryScore] = m
	}
	return ctx
}
