package xapi

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"time"
)

// ErrInvalidStatement is matched (errors.Is) by every error of Validate.
var ErrInvalidStatement = errors.New("xapi: invalid statement")

// FieldError is an error of Validate: the field at fault, as a JSON path
// such as "object.definition.type", and what is wrong with it.
type FieldError struct {
	Field   string
	Problem string
}

// Error says which field and why.
func (e *FieldError) Error() string {
	return fmt.Sprintf("%s: %s: %s", ErrInvalidStatement, e.Field, e.Problem)
}

// Unwrap makes a FieldError match ErrInvalidStatement.
func (e *FieldError) Unwrap() error { return ErrInvalidStatement }

// futureTolerance is how far ahead of this machine's clock a timestamp may
// be (the vendor's clock may run ahead a little) before Validate refuses it.
const futureTolerance = 5 * time.Minute

// Validate checks what an LRS checks of the statement parts lmshooks
// emits: a UUID id; an actor with exactly one identifier (a mailto: mbox
// with one bare address, a 40-digit hex mbox_sha1sum, or an account with
// an absolute home page IRI and a name); absolute IRIs for verb, activity,
// activity type and extension keys; BCP 47 language tags; scores within
// range (scaled in [-1, 1], min < max, min <= raw <= max, all finite); no
// empty objects; a timestamp in RFC 3339 form, not in the future. The
// error is a *FieldError naming the first field at fault.
func (s *Statement) Validate() error {
	var v validator
	v.uuid("id", s.ID)
	v.agent("actor", &s.Actor)
	v.iri("verb.id", s.Verb.ID)
	v.languageMap("verb.display", s.Verb.Display)
	v.activity("object", &s.Object)
	v.result(s.Result)
	v.context(s.Context)
	v.timestamp(s.Timestamp)
	return v.err
}

// validator keeps the first problem found.
type validator struct{ err error }

func (v *validator) fail(field, format string, args ...any) {
	if v.err == nil {
		v.err = &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)}
	}
}

func (v *validator) check(field string, err error) {
	if err != nil {
		v.fail(field, "%s", err)
	}
}

func (v *validator) uuid(field, id string) {
	if !uuidShape.MatchString(id) {
		v.fail(field, "%q is not a lower-case RFC 4122 UUID", id)
	}
}

func (v *validator) iri(field, s string) { v.check(field, checkIRI(s)) }

func (v *validator) agent(field string, a *Agent) {
	if a.ObjectType != "" && a.ObjectType != "Agent" {
		v.fail(field+".objectType", "%q is not Agent", a.ObjectType)
	}
	ids := 0
	if a.Mbox != "" {
		ids++
		v.check(field+".mbox", checkMailto(a.Mbox))
	}
	if a.MboxSHA1Sum != "" {
		ids++
		if !sha1Hex.MatchString(a.MboxSHA1Sum) {
			v.fail(field+".mbox_sha1sum", "%q is not 40 hex digits", a.MboxSHA1Sum)
		}
	}
	if a.Account != nil {
		ids++
		v.iri(field+".account.homePage", a.Account.HomePage)
		if a.Account.Name == "" {
			v.fail(field+".account.name", "is empty")
		}
	}
	if ids != 1 {
		v.fail(field, "has %d identifiers (mbox, mbox_sha1sum, account), not exactly one", ids)
	}
}

var sha1Hex = regexp.MustCompile(`^[0-9a-f]{40}$`)

func (v *validator) activity(field string, a *Activity) {
	if a.ObjectType != "" && a.ObjectType != "Activity" {
		v.fail(field+".objectType", "%q is not Activity", a.ObjectType)
	}
	v.iri(field+".id", a.ID)
	d := a.Definition
	if d == nil {
		return
	}
	if d.Name == nil && d.Type == "" && d.InteractionType == "" {
		v.fail(field+".definition", "is empty")
	}
	v.languageMap(field+".definition.name", d.Name)
	if d.Type != "" {
		v.iri(field+".definition.type", d.Type)
	}
	if d.InteractionType != "" && !interactionTypes[d.InteractionType] {
		v.fail(field+".definition.interactionType", "%q is not an xAPI interaction type", d.InteractionType)
	}
}

var interactionTypes = map[string]bool{
	"true-false": true, "choice": true, "fill-in": true, "long-fill-in": true, "matching": true,
	"performance": true, "sequencing": true, "likert": true, "numeric": true, "other": true,
}

// languageMap checks a map that is either absent or not empty, keyed by
// BCP 47 tags.
func (v *validator) languageMap(field string, m LanguageMap) {
	if m != nil && len(m) == 0 {
		v.fail(field, "is empty")
	}
	for _, tag := range sortedKeys(m) {
		if !validLanguage(tag) {
			v.fail(field, "%q is not a BCP 47 language tag", tag)
		}
	}
}

func (v *validator) extensions(field string, ext map[string]any) {
	if ext != nil && len(ext) == 0 {
		v.fail(field, "is empty")
	}
	for _, key := range sortedKeys(ext) {
		v.iri(field+"["+key+"]", key)
	}
}

func (v *validator) result(r *Result) {
	if r == nil {
		return
	}
	if r.Score == nil && r.Success == nil && r.Completion == nil && r.Response == "" && r.Extensions == nil {
		v.fail("result", "is empty")
	}
	v.score(r.Score)
	v.extensions("result.extensions", r.Extensions)
}

func (v *validator) score(s *Score) {
	if s == nil {
		return
	}
	if s.Scaled == nil && s.Raw == nil && s.Min == nil && s.Max == nil {
		v.fail("result.score", "is empty")
	}
	for i, n := range []*float64{s.Scaled, s.Raw, s.Min, s.Max} {
		if n != nil && (math.IsNaN(*n) || math.IsInf(*n, 0)) {
			v.fail("result.score."+[]string{"scaled", "raw", "min", "max"}[i], "is not a finite number")
		}
	}
	if v.err != nil {
		return
	}
	switch {
	case s.Scaled != nil && (*s.Scaled < -1 || *s.Scaled > 1):
		v.fail("result.score.scaled", "%v is outside [-1, 1]", *s.Scaled)
	case s.Min != nil && s.Max != nil && *s.Min >= *s.Max:
		v.fail("result.score.max", "%v is not greater than min %v", *s.Max, *s.Min)
	case s.Raw != nil && s.Min != nil && *s.Raw < *s.Min:
		v.fail("result.score.raw", "%v is below min %v", *s.Raw, *s.Min)
	case s.Raw != nil && s.Max != nil && *s.Raw > *s.Max:
		v.fail("result.score.raw", "%v is above max %v", *s.Raw, *s.Max)
	}
}

func (v *validator) context(c *Context) {
	if c == nil {
		return
	}
	if c.ContextActivities == nil && c.Platform == "" && c.Extensions == nil {
		v.fail("context", "is empty")
	}
	if ca := c.ContextActivities; ca != nil {
		if len(ca.Parent) == 0 {
			v.fail("context.contextActivities", "is empty")
		}
		for i := range ca.Parent {
			v.activity(fmt.Sprintf("context.contextActivities.parent[%d]", i), &ca.Parent[i])
		}
	}
	v.extensions("context.extensions", c.Extensions)
}

func (v *validator) timestamp(ts string) {
	if ts == "" {
		return
	}
	t, err := time.Parse(time.RFC3339Nano, ts)
	switch {
	case err != nil:
		v.fail("timestamp", "%q is not an RFC 3339 time", ts)
	case t.After(time.Now().Add(futureTolerance)):
		v.fail("timestamp", "%s is in the future", ts)
	}
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
