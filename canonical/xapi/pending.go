package xapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"iter"

	"github.com/lmshooks/lmshooks/canonical/sink"
)

// pending is the bookkeeping of one Deliver: the statements to send, once
// each, and which events wait for which statements.
type pending struct {
	items      []*item
	byID       map[string]*item
	eventErrs  []error   // an event's own failure (mapping, validation)
	eventItems [][]*item // the statements each event waits for
}

// item is one statement to send and, after sending, its outcome.
type item struct {
	id   string
	body json.RawMessage
	err  error
}

func newPending(events int) *pending {
	return &pending{byID: map[string]*item{}, eventErrs: make([]error, events), eventItems: make([][]*item, events)}
}

// fail records an event's own failure.
func (p *pending) fail(event int, err error) {
	if p.eventErrs[event] == nil {
		p.eventErrs[event] = err
	}
}

// add queues the statements of an event. A statement id already queued
// (the same event twice in one delivery) is sent once: an LRS answers 400
// to a batch holding an id twice.
func (p *pending) add(event int, statements []Statement) {
	for _, s := range statements {
		body, err := json.Marshal(s)
		if err != nil {
			p.fail(event, sink.Reject(fmt.Errorf("xapi: encoding statement %s: %w", s.ID, err)))
			return
		}
		it, queued := p.byID[s.ID]
		switch {
		case !queued:
			it = &item{id: s.ID, body: body}
			p.byID[s.ID] = it
			p.items = append(p.items, it)
		case !bytes.Equal(it.body, body):
			p.fail(event, sink.Reject(fmt.Errorf("xapi: statement %s: another event of this delivery has the same id and other content", s.ID)))
			return
		}
		p.eventItems[event] = append(p.eventItems[event], it)
	}
}

// batches yields the queued statements in batches of at most size.
func (p *pending) batches(size int) iter.Seq[[]*item] {
	return func(yield func([]*item) bool) {
		for start := 0; start < len(p.items); start += size {
			if !yield(p.items[start:min(start+size, len(p.items))]) {
				return
			}
		}
	}
}

// errors is the outcome of every event: nil when every event was
// delivered; else per event its own failure, else the failure of one of
// its statements (a rejection first, since retrying cannot help it).
func (p *pending) errors() []error {
	errs := make([]error, len(p.eventErrs))
	failed := false
	for event := range errs {
		errs[event] = p.eventErrs[event]
		for _, it := range p.eventItems[event] {
			errs[event] = decisive(errs[event], it.err)
		}
		failed = failed || errs[event] != nil
	}
	if !failed {
		return nil
	}
	return errs
}

// decisive returns the error that decides an event's outcome: a rejection
// over a failure to retry (retrying cannot store a rejected statement),
// else the first failure.
func decisive(current, next error) error {
	if current == nil || (errors.Is(next, sink.ErrRejected) && !errors.Is(current, sink.ErrRejected)) {
		return next
	}
	return current
}
