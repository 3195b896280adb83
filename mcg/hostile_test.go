package mcg_test

import (
	"testing"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
	"github.com/lmshooks/lmshooks/mcg"
)

// hostileTarget is the MCG handler, with a Card End as the good body.
func hostileTarget(t *testing.T) hostile.Target {
	var deliveries hostile.Deliveries
	var log hostile.Log
	h := mcg.Handler(hostile.Record[mcg.Event](&deliveries), mcg.WithLogger(log.Logger()))
	return hostile.Target{
		Handler:     h,
		Body:        golden.Read(t, fixtures+"/course_answer.json"),
		Request:     hostile.PostJSON("/webhooks/mcg"),
		Deliveries:  &deliveries,
		Log:         &log,
		Required:    []string{"Type", "uniqueId", "courseCode", "answer", "answer.cardId"},
		TextNumbers: []string{"answer.cardId"},
	}
}

func TestHostileRequests(t *testing.T) { hostile.Run(t, hostileTarget(t)) }

func TestHostileRequestsConcurrently(t *testing.T) { hostile.Concurrent(t, hostileTarget(t)) }

func TestOverLimitBodyMemoryIsBounded(t *testing.T) { hostile.BoundedMemory(t, hostileTarget(t)) }

func TestBusyUnderInflightLimit(t *testing.T) { hostile.Busy(t, hostileTarget(t)) }
