package xapi_test

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/canonical/xapi"
	"github.com/lmshooks/lmshooks/internal/lrstest"
)

// TestLRSStoresGoldenStatements sends the events of every documented body
// through the sink to the running LRS: it then holds every statement of
// the .xapi.golden files as written there, and only those are new; sending
// everything again adds none.
func TestLRSStoresGoldenStatements(t *testing.T) {
	endpoint := lrstest.Shared(t)
	events, statements := documentedEvents(t), lrstest.GoldenStatements(t)
	before := lrstest.Statements(t, endpoint)
	absent := 0
	for _, s := range statements {
		if _, ok := before[s["id"].(string)]; !ok {
			absent++
		}
	}
	l := newLRS(t, xapi.LRSConfig{Endpoint: endpoint})
	require.Nil(t, deliver(t, l, events), "every event delivered")
	after := lrstest.Statements(t, endpoint)
	lrstest.CheckStored(t, after, statements)
	assert.Equal(t, absent, len(after)-len(before), "new statements in the LRS")

	require.Nil(t, deliver(t, l, events), "everything again")
	assert.Len(t, lrstest.Statements(t, endpoint), len(after), "sending again adds no statement")
}

// TestLRSStartedLate delivers the documented events while no LRS listens
// (every error is to be retried, none rejected), then starts the LRS on
// that port: the next delivery stores every golden statement once, and
// the LRS holds exactly the statements of the .xapi.golden files.
func TestLRSStartedLate(t *testing.T) {
	port := lrstest.FreePort(t)
	l := newLRS(t, xapi.LRSConfig{Endpoint: fmt.Sprintf("http://127.0.0.1:%d/xAPI/", port), Timeout: 5 * time.Second})
	events, statements := documentedEvents(t), lrstest.GoldenStatements(t)
	lrstest.Tools(t) // skips now, rather than after the first delivery

	errs := deliver(t, l, events)
	require.Len(t, errs, len(events))
	for i, err := range errs {
		statementsOf, _ := xapi.Statements(events[i], documentedOptions...)
		if len(statementsOf) == 0 {
			assert.NoError(t, err, "event %s maps to no statement: delivered", events[i].ID)
			continue
		}
		require.Error(t, err, events[i].ID)
		assert.NotErrorIs(t, err, sink.ErrRejected, "a refused connection is retried")
		assert.ErrorIs(t, err, syscall.ECONNREFUSED)
	}

	endpoint := lrstest.Start(t, port)
	require.Nil(t, deliver(t, l, events), "delivered once the LRS runs")
	held := lrstest.Statements(t, endpoint)
	lrstest.CheckStored(t, held, statements)
	assert.Len(t, held, len(statements), "the LRS holds exactly the golden statements")
	require.Nil(t, deliver(t, l, events))
	assert.Len(t, lrstest.Statements(t, endpoint), len(statements), "a retry adds nothing")
}

// TestLRSRejectsOneStatementOfABatch sends one batch holding good events,
// one whose statement Learning Locker refuses (a mailto address without a
// dotted domain, which the xAPI specification allows) and one whose id the
// LRS already holds with other content (sent before with another language
// tag): the good ones are stored, the other two rejected with the LRS's
// message.
func TestLRSRejectsOneStatementOfABatch(t *testing.T) {
	endpoint := lrstest.Shared(t)
	run := randomHex(t)
	event := func(n int, email string) canonical.Event {
		e := canonical.Event{
			ID: fmt.Sprintf("mcg:course_finish:%s-%d", run, n), Vendor: canonical.VendorMCG, Type: canonical.TypeCourseCompleted,
			VendorEvent: "course_finish", OccurredAt: time.Date(2026, 3, 17, 10, 0, n, 0, time.UTC),
			Learner: &canonical.Learner{ID: email, Email: email},
			Object:  &canonical.Object{Kind: canonical.KindCourse, ID: "course-" + run, Name: "Course"},
			Result:  &canonical.Result{Completed: ptr(true)}, Data: json.RawMessage(`{}`),
		}
		return e
	}
	conflicting := event(9, "ada@example.com")
	require.Nil(t, deliver(t, newLRS(t, xapi.LRSConfig{Endpoint: endpoint}), []canonical.Event{conflicting}))

	events := []canonical.Event{event(1, "a@example.com"), event(2, "b@example.com"), event(3, "ann@intranet"),
		event(4, "c@example.com"), conflicting, event(5, "d@example.com")}
	l := newLRS(t, xapi.LRSConfig{Endpoint: endpoint, Mapping: []xapi.Option{xapi.WithLanguage("en")}})
	errs := deliver(t, l, events)
	require.Len(t, errs, len(events))
	var lrsErr *xapi.LRSError
	for i, err := range errs {
		switch i {
		case 2:
			require.ErrorIs(t, err, sink.ErrRejected)
			require.ErrorAs(t, err, &lrsErr)
			assert.Equal(t, 400, lrsErr.Status)
			assert.Contains(t, lrsErr.Answer, "actor.mbox", "the LRS's message")
		case 4:
			require.ErrorIs(t, err, sink.ErrRejected)
			require.ErrorAs(t, err, &lrsErr)
			assert.Equal(t, 409, lrsErr.Status)
			assert.Contains(t, lrsErr.Answer, "conflicting", "the LRS's message")
		default:
			assert.NoError(t, err, events[i].ID)
		}
	}
	held := lrstest.Statements(t, endpoint)
	for i, e := range events {
		statements, err := xapi.Statements(e, xapi.WithLanguage("en"))
		require.NoError(t, err)
		if i == 2 {
			assert.NotContains(t, held, statements[0].ID, "the refused statement is not stored")
			continue
		}
		if i != 4 {
			lrstest.CheckStored(t, held, asJSON(t, statements))
		}
	}
}

func randomHex(t testing.TB) string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
