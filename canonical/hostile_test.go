package canonical_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
)

const (
	endpointUser   = "braincert-hook"
	endpointPass   = "correct-horse-battery-staple"
	endpointSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
)

var endpointNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// endpointTarget is the one endpoint, configured with BrainCert credentials
// and a LearnInk secret, with a good body of one vendor.
func endpointTarget(t *testing.T, fixture string, request func([]byte) *http.Request, required, textNumbers []string) hostile.Target {
	var deliveries hostile.Deliveries
	var log hostile.Log
	h := canonical.Handler(hostile.Record[canonical.Event](&deliveries),
		canonical.WithBrainCert(braincert.WithBasicAuth(endpointUser, endpointPass)),
		canonical.WithLearnInk(learnink.WithSecrets(endpointSecret), learnink.WithClock(func() time.Time { return endpointNow })),
		canonical.WithLogger(log.Logger()))
	return hostile.Target{
		Handler:     h,
		Body:        golden.Read(t, fixture),
		Request:     request,
		Deliveries:  &deliveries,
		Log:         &log,
		Required:    required,
		TextNumbers: textNumbers,
		Allow:       "POST, OPTIONS",
		Secrets:     []string{endpointPass, endpointSecret, strings.TrimPrefix(endpointSecret, "whsec_")},
	}
}

func mcgTarget(t *testing.T) hostile.Target {
	return endpointTarget(t, "../testdata/mcg/course_answer.json", hostile.PostJSON("/webhooks"),
		[]string{"Type", "uniqueId", "courseCode", "answer", "answer.cardId"}, []string{"answer.cardId"})
}

func brainCertTarget(t *testing.T) hostile.Target {
	return endpointTarget(t, "../testdata/braincert/course_completion.completed.json", func(body []byte) *http.Request {
		r := hostile.PostJSON("/webhooks")(body)
		r.SetBasicAuth(endpointUser, endpointPass)
		return r
	}, []string{"id", "resource", "action", "created_at", "payload.course.id", "payload.user.id"},
		[]string{"payload.course.id", "payload.user.id"})
}

func learnInkTarget(t *testing.T) hostile.Target {
	return endpointTarget(t, "../testdata/learnink/user.course.started.json", func(body []byte) *http.Request {
		r := hostile.PostJSON("/webhooks")(body)
		sig, err := learninktest.Sign(endpointSecret, "msg_endpoint", endpointNow, body)
		if err != nil {
			t.Fatal(err)
		}
		r.Header.Set("svix-id", "msg_endpoint")
		r.Header.Set("svix-timestamp", strconv.FormatInt(endpointNow.Unix(), 10))
		r.Header.Set("svix-signature", sig)
		return r
	}, []string{"object", "type", "data", "data.user_id", "data.course_id"}, nil)
}

// TestEndpointHostileRequests runs the hostile-input table against the one
// endpoint with three vendors' bodies, including BrainCert's credential rows
// and LearnInk's signature rows.
func TestEndpointHostileRequests(t *testing.T) {
	t.Run("mcg", func(t *testing.T) { hostile.Run(t, mcgTarget(t)) })
	t.Run("braincert", func(t *testing.T) {
		hostile.Run(t, brainCertTarget(t), hostile.BasicAuthRows(endpointUser, endpointPass)...)
	})
	t.Run("learnink", func(t *testing.T) { hostile.Run(t, learnInkTarget(t), hostile.SvixRows()...) })
}

func TestEndpointHostileRequestsConcurrently(t *testing.T) {
	hostile.Concurrent(t, mcgTarget(t))
}

func TestEndpointOverLimitBodyMemoryIsBounded(t *testing.T) {
	hostile.BoundedMemory(t, mcgTarget(t))
}

// TestEndpointBusyUnderInflightLimit checks the limit at the one endpoint,
// which reads the body and hands it on to the vendor's handler: the bytes
// are counted once.
func TestEndpointBusyUnderInflightLimit(t *testing.T) {
	t.Run("mcg", func(t *testing.T) { hostile.Busy(t, mcgTarget(t)) })
	t.Run("braincert", func(t *testing.T) { hostile.Busy(t, brainCertTarget(t)) })
	t.Run("learnink", func(t *testing.T) { hostile.Busy(t, learnInkTarget(t)) })
}
