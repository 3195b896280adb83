package mcg_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
	"github.com/lmshooks/lmshooks/mcg"
)

// hostileTarget is the MCG handler, with a Card End as the good body.
func hostileTarget(t *testing.T) hostile.Target {
	var deliveries hostile.Deliveries
	var log hostile.Log
	h := mcg.Handler(func(_ context.Context, e mcg.Event) error {
		deliveries.Add(e)
		return nil
	}, mcg.WithLogger(log.Logger()))
	return hostile.Target{
		Handler: h,
		Body:    golden.Read(t, fixtures+"/course_answer.json"),
		Request: func(body []byte) *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/webhooks/mcg", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			return r
		},
		Deliveries:  &deliveries,
		Log:         &log,
		Required:    []string{"Type", "uniqueId", "courseCode", "answer", "answer.cardId"},
		TextNumbers: []string{"answer.cardId"},
	}
}

func TestHostileRequests(t *testing.T) { hostile.Run(t, hostileTarget(t)) }

func TestHostileRequestsConcurrently(t *testing.T) { hostile.Concurrent(t, hostileTarget(t)) }

func TestOverLimitBodyMemoryIsBounded(t *testing.T) { hostile.BoundedMemory(t, hostileTarget(t)) }
