package easygenerator_test

import (
	"net/http"
	"testing"

	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
)

// hostileTarget is the Easygenerator handler as a browser posts to it.
func hostileTarget(t *testing.T) hostile.Target {
	var deliveries hostile.Deliveries
	var log hostile.Log
	h := easygenerator.Handler(hostile.Record[easygenerator.Event](&deliveries), easygenerator.WithLogger(log.Logger()), easygenerator.WithAllowedOrigins("https://player.example.com"))
	return hostile.Target{
		Handler: h,
		Body:    golden.Read(t, fixtures+"/course_finished.json"),
		Request: func(body []byte) *http.Request {
			r := hostile.PostJSON("/webhooks/easygenerator")(body)
			r.Header.Set("Origin", "https://player.example.com")
			return r
		},
		Deliveries: &deliveries,
		Log:        &log,
		Required:   []string{"courseId", "learnerId", "score", "finishedOn", "status"},
		Allow:      "POST, OPTIONS",
	}
}

// preflightRows: a CORS preflight is answered, never delivered, whatever
// its origin.
func preflightRows() []hostile.Row {
	preflight := func(name, origin string) hostile.Row {
		return hostile.Row{Name: name, Status: http.StatusNoContent, Request: func(t *hostile.Target) (*http.Request, error) {
			r := t.Request(nil)
			r.Method = http.MethodOptions
			r.Header.Set("Origin", origin)
			r.Header.Set("Access-Control-Request-Method", "POST")
			return r, nil
		}}
	}
	return []hostile.Row{
		preflight("preflight from the allowed origin", "https://player.example.com"),
		preflight("preflight from another origin", "https://evil.example"),
		preflight("preflight from a null origin", "null"),
	}
}

func TestHostileRequests(t *testing.T) { hostile.Run(t, hostileTarget(t), preflightRows()...) }

func TestHostileRequestsConcurrently(t *testing.T) {
	hostile.Concurrent(t, hostileTarget(t), preflightRows()...)
}

func TestOverLimitBodyMemoryIsBounded(t *testing.T) { hostile.BoundedMemory(t, hostileTarget(t)) }

func TestBusyUnderInflightLimit(t *testing.T) { hostile.Busy(t, hostileTarget(t)) }
