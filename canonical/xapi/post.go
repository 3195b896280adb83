package xapi

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/lmshooks/lmshooks/canonical/sink"
)

// maxAnswer bounds how much of an LRS's answer is read and kept.
const maxAnswer = 64 << 10

// LRSError is an LRS's answer other than 2xx: its status and its body (at
// most 64 KiB), which says why.
type LRSError struct {
	Status int
	Answer string
}

// Error gives the status and the LRS's answer.
func (e *LRSError) Error() string {
	return fmt.Sprintf("xapi: the LRS answered %d %s: %s", e.Status, http.StatusText(e.Status), e.Answer)
}

// post sends one batch and records each statement's outcome. A 400, 409
// or 413 for several statements splits the batch in halves, until the
// statement the LRS refuses is alone and is rejected with the LRS's
// answer, so that the others are stored.
func (l *LRS) post(ctx context.Context, batch []*item) {
	status, answer, err := l.send(ctx, batch)
	switch {
	case err != nil:
		setErr(batch, fmt.Errorf("xapi: posting statements to the LRS: %w", err))
	case 200 <= status && status < 300:
		return
	case refusesStatement(status) && len(batch) > 1:
		half := len(batch) / 2
		l.post(ctx, batch[:half])
		l.post(ctx, batch[half:])
	case refusesStatement(status):
		batch[0].err = sink.Reject(&LRSError{Status: status, Answer: answer})
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		l.logger.Error("xapi: the LRS refuses our credentials: check the LRS auth; statements are kept and retried",
			"sink", l.name, "endpoint", l.statements, "status", status, "answer", answer, "statements", len(batch))
		setErr(batch, &LRSError{Status: status, Answer: answer})
	default:
		setErr(batch, &LRSError{Status: status, Answer: answer})
	}
}

// refusesStatement reports whether an LRS status refuses something in the
// batch itself: a statement it rejects (400), an id it holds with other
// content (409), or a request too large (413).
func refusesStatement(status int) bool {
	return status == http.StatusBadRequest || status == http.StatusConflict || status == http.StatusRequestEntityTooLarge
}

func setErr(batch []*item, err error) {
	for _, it := range batch {
		it.err = err
	}
}

// send posts batch as one JSON array and returns the LRS's status and
// answer.
func (l *LRS) send(ctx context.Context, batch []*item) (int, string, error) {
	var body bytes.Buffer
	body.WriteByte('[')
	for i, it := range batch {
		if i > 0 {
			body.WriteByte(',')
		}
		body.Write(it.body)
	}
	body.WriteByte(']')
	ctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.statements, &body)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Experience-API-Version", l.version)
	if l.hasAuth {
		req.SetBasicAuth(l.user, l.pass)
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil && resp.StatusCode/100 != 2 {
		return 0, "", fmt.Errorf("reading the LRS's %d answer: %w", resp.StatusCode, err)
	}
	return resp.StatusCode, strings.TrimSpace(string(answer)), nil
}
