package xapi

// Statement is an xAPI statement as lmshooks emits it: only the parts of
// xAPI 1.0.3 that 2.0 accepts too (no version, no context agents or
// groups). Its JSON encoding is what is sent to an LRS.
type Statement struct {
	// ID is a UUID version 5 derived from the canonical event's id.
	ID string `json:"id"`
	// Actor is the learner, with exactly one identifier.
	Actor Agent `json:"actor"`
	// Verb is what the learner did.
	Verb Verb `json:"verb"`
	// Object is the activity the learner did it to.
	Object Activity `json:"object"`
	// Result is the learner's outcome; nil when the event says none.
	Result *Result `json:"result,omitempty"`
	// Context names the platform, the parent activity and the event.
	Context *Context `json:"context,omitempty"`
	// Timestamp is when it happened, as 2006-01-02T15:04:05.000Z (UTC);
	// empty when the event does not say.
	Timestamp string `json:"timestamp,omitempty"`
}

// Agent is a person, identified by exactly one of Mbox, MboxSHA1Sum and
// Account.
type Agent struct {
	// ObjectType is "Agent".
	ObjectType string `json:"objectType,omitempty"`
	// Name is the person's full name, when known.
	Name string `json:"name,omitempty"`
	// Mbox is "mailto:" followed by the e-mail address.
	Mbox string `json:"mbox,omitempty"`
	// MboxSHA1Sum is the hex SHA-1 of the mbox, for privacy.
	MboxSHA1Sum string `json:"mbox_sha1sum,omitempty"`
	// Account is the person's account on a system.
	Account *Account `json:"account,omitempty"`
}

// Account is a person's account: a name on the system at HomePage.
type Account struct {
	// HomePage is the IRL of the system that gave the account.
	HomePage string `json:"homePage"`
	// Name is the person's id on that system.
	Name string `json:"name"`
}

// LanguageMap maps a BCP 47 language tag to a text in that language.
type LanguageMap map[string]string

// Verb is an action, identified by an IRI.
type Verb struct {
	// ID is the verb's IRI.
	ID string `json:"id"`
	// Display is its human-readable name.
	Display LanguageMap `json:"display,omitempty"`
}

// Activity is what a statement's verb applies to, or a context activity.
type Activity struct {
	// ObjectType is "Activity".
	ObjectType string `json:"objectType,omitempty"`
	// ID is the activity's IRI; it never changes once used.
	ID string `json:"id"`
	// Definition says what kind of activity it is and its name.
	Definition *ActivityDefinition `json:"definition,omitempty"`
}

// ActivityDefinition describes an activity.
type ActivityDefinition struct {
	// Name is the activity's name, when known.
	Name LanguageMap `json:"name,omitempty"`
	// Type is the IRI of the activity's type.
	Type string `json:"type,omitempty"`
	// InteractionType is set for cmi.interaction activities ("other").
	InteractionType string `json:"interactionType,omitempty"`
}

// Result is the learner's outcome. Nil fields are not said.
type Result struct {
	// Score is the learner's score.
	Score *Score `json:"score,omitempty"`
	// Success reports whether the learner passed.
	Success *bool `json:"success,omitempty"`
	// Completion reports whether the learner completed the activity.
	Completion *bool `json:"completion,omitempty"`
	// Response is the learner's answer.
	Response string `json:"response,omitempty"`
	// Extensions holds the cmi5 progress, keyed by IRI.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Score is a score: Raw between Min and Max, Scaled in [-1, 1].
type Score struct {
	// Scaled is the score as a fraction of the maximum.
	Scaled *float64 `json:"scaled,omitempty"`
	// Raw is the score as sent.
	Raw *float64 `json:"raw,omitempty"`
	// Min is the lowest possible score.
	Min *float64 `json:"min,omitempty"`
	// Max is the highest possible score.
	Max *float64 `json:"max,omitempty"`
}

// Context is what surrounds a statement.
type Context struct {
	// ContextActivities holds the parent activity, when there is one.
	ContextActivities *ContextActivities `json:"contextActivities,omitempty"`
	// Platform is the vendor's display name.
	Platform string `json:"platform,omitempty"`
	// Extensions holds the vendor, the vendor's event name, the canonical
	// event id and, where known, the cmi5 mastery score, keyed by IRI.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// ContextActivities lists the activities a statement's object belongs to.
type ContextActivities struct {
	// Parent holds the object's container (an MCG card's course).
	Parent []Activity `json:"parent,omitempty"`
}
