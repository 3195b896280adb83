package forward

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/canonical/sink/internal/headerid"
	"github.com/lmshooks/lmshooks/learnink"
)

// Bounds on reading an answer: what an error quotes, and what is read in
// all so that the connection can be reused.
const (
	maxQuotedBody = 512
	maxReadBody   = 4 << 10
)

// post sends e once.
func (s *Sink) post(ctx context.Context, e *canonical.Event) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	req, err := s.request(ctx, e)
	if err != nil {
		return sink.Reject(fmt.Errorf("forward: event %s: %w", e.ID, err))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("forward: posting event %s: %w", e.ID, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxReadBody))
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	return &StatusError{EventID: e.ID, StatusCode: resp.StatusCode, Body: string(body[:min(len(body), maxQuotedBody)])}
}

// request builds the signed POST of e in the sink's content mode.
func (s *Sink) request(ctx context.Context, e *canonical.Event) (*http.Request, error) {
	if e.ID == "" {
		return nil, ErrNoID
	}
	ce, err := e.ToCloudEvent()
	if err != nil {
		return nil, err
	}
	header := http.Header{}
	var body []byte
	if s.mode == Binary {
		header = ce.Header()
		body = ce.Data
	} else {
		header.Set("Content-Type", "application/cloudevents+json")
		if body, err = ce.MarshalStructured(); err != nil {
			return nil, err
		}
	}
	id := headerid.ID(e.ID)
	timestamp := time.Now()
	signature, err := learnink.Sign(s.secret, id, timestamp, body)
	if err != nil {
		return nil, err
	}
	header.Set("webhook-id", id)
	header.Set("webhook-timestamp", strconv.FormatInt(timestamp.Unix(), 10))
	header.Set("webhook-signature", signature)
	header.Set("User-Agent", "lmshooks-forward")
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = header
	return req, nil
}
