package learnink_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
	"github.com/lmshooks/lmshooks/learnink"
)

// hostileTarget is the LearnInk handler with a secret; its Request signs
// every body as Svix does.
func hostileTarget(t *testing.T) hostile.Target {
	var deliveries hostile.Deliveries
	var log hostile.Log
	h := learnink.Handler(hostile.Record[learnink.Event](&deliveries), learnink.WithSecrets(testSecret), learnink.WithClock(func() time.Time { return testNow }),
		learnink.WithLogger(log.Logger()))
	return hostile.Target{
		Handler:    h,
		Body:       golden.Read(t, fixtures+"/user.course.started.json"),
		Request:    signedRequest,
		Deliveries: &deliveries,
		Log:        &log,
		Required:   []string{"object", "type", "data", "data.user_id", "data.course_id"},
		Secrets:    []string{testSecret, strings.TrimPrefix(testSecret, "whsec_")},
	}
}

// signedRequest is a POST of body signed with testSecret at testNow.
func signedRequest(body []byte) *http.Request {
	r := hostile.PostJSON("/webhooks/learnink")(body)
	ts := strconv.FormatInt(testNow.Unix(), 10)
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(testSecret, "whsec_"))
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(testMsgID + "." + ts + "."))
	mac.Write(body)
	r.Header.Set("svix-id", testMsgID)
	r.Header.Set("svix-timestamp", ts)
	r.Header.Set("svix-signature", "v1,"+base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	return r
}

// learnInkRows are the signature rows, and the forms of a good signature
// that must still be accepted.
func learnInkRows() []hostile.Row {
	rows := hostile.SvixRows()
	accepted := func(name string, change func(r *http.Request)) hostile.Row {
		return hostile.Row{Name: name, Status: http.StatusOK, SameAsGood: true, Request: func(t *hostile.Target) (*http.Request, error) {
			r := t.Request(t.Body)
			change(r)
			return r, nil
		}}
	}
	return append(rows,
		accepted("Svix: valid signature after a bogus one", func(r *http.Request) {
			r.Header.Set("svix-signature", "v1,AAAA v2,BBBB "+r.Header.Get("svix-signature"))
		}),
		accepted("Standard Webhooks header names", func(r *http.Request) {
			for _, name := range []string{"id", "timestamp", "signature"} {
				r.Header.Set("webhook-"+name, r.Header.Get("svix-"+name))
				r.Header.Del("svix-" + name)
			}
		}),
	)
}

func TestHostileRequests(t *testing.T) { hostile.Run(t, hostileTarget(t), learnInkRows()...) }

func TestHostileRequestsConcurrently(t *testing.T) {
	hostile.Concurrent(t, hostileTarget(t), learnInkRows()...)
}

func TestOverLimitBodyMemoryIsBounded(t *testing.T) { hostile.BoundedMemory(t, hostileTarget(t)) }

func TestBusyUnderInflightLimit(t *testing.T) { hostile.Busy(t, hostileTarget(t)) }
