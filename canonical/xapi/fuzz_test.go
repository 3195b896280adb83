package xapi_test

import (
	"encoding/json"
	"net/mail"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
)

// FuzzStatementsValidate maps events with arbitrary ids, names, e-mails,
// certificate URLs and scores: Statements never panics, and whatever it
// returns for an event that passes canonical Validate passes Validate and
// encodes as JSON.
func FuzzStatementsValidate(f *testing.F) {
	f.Add("card.answered", "2734339", "Vibe Coding", "eren@minicoursegenerator.com", "67890", "https://cdn.example.com/c", 4.0, 5.0, 3.0, 50.0)
	f.Add("course.completed", "a b/c?d#e%zz", "", "Ann@Example.COM", "", "/relative", -1.0, 0.0, 0.0, 100.0)
	f.Add("test.completed", "x", "Café ☕", "not an e-mail", "id with space", "https://exa mple.com", 9.0, 3.0, 7.0, 0.0)
	f.Fuzz(func(t *testing.T, typ, objectID, name, email, learnerID, certURL string, score, maxScore, passing, progress float64) {
		e := event()
		e.Type = canonical.Type(typ)
		e.Object = &canonical.Object{Kind: canonical.KindCourse, ID: objectID, Name: name}
		if e.Type == canonical.TypeCardAnswered {
			e.Object.Kind = canonical.KindCard
			e.Parent = &canonical.Object{Kind: canonical.KindCourse, ID: name + "/" + objectID, Name: name}
		}
		e.Learner = &canonical.Learner{ID: learnerID, Email: email, Name: name}
		if *e.Learner == (canonical.Learner{}) {
			e.Learner = nil
		}
		e.Result = &canonical.Result{Score: &score, MaxScore: &maxScore, PassingScore: &passing, Progress: &progress, Response: name}
		if maxScore > 0 && 0 <= score && score <= maxScore {
			scaled := score / maxScore
			e.Result.Scaled = &scaled
		}
		e.Certificate = &canonical.Certificate{URL: certURL}
		if e.Validate() != nil || !plausibleEmail(email) {
			_, _ = xapi.Statements(e) // must not panic
			return
		}
		statements, err := xapi.Statements(e, xapi.WithOptIn(canonical.TypeOrderCompleted, canonical.TypeNotificationSent))
		if err != nil {
			t.Fatalf("Statements: %v", err)
		}
		for i := range statements {
			if err := statements[i].Validate(); err != nil {
				t.Fatalf("statement %d: %v\n%+v", i, err, statements[i])
			}
			if _, err := json.Marshal(statements[i]); err != nil {
				t.Fatalf("statement %d: %v", i, err)
			}
		}
	})
}

// plausibleEmail is what the canonical parsers promise of Learner.Email:
// empty, or one bare address.
func plausibleEmail(email string) bool {
	if email == "" {
		return true
	}
	addr, err := mail.ParseAddress(email)
	return err == nil && addr.Address == email && addr.Name == ""
}
