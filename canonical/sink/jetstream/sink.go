package jetstream

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
)

// Sink publishes canonical events to a JetStream stream. Build it with New;
// it is safe for concurrent use. Close it when done.
type Sink struct {
	nc         *nats.Conn
	js         natsjs.JetStream
	stream     string
	prefix     string
	ackTimeout time.Duration
}

var _ sink.Sink = (*Sink)(nil)

// New connects to the NATS server at url (a comma-separated list of servers
// is accepted; credentials as NATS URLs carry them, or WithCredsFile), checks
// that the stream exists, creating it with WithCreateStream(true), and
// returns the sink. It fails when the server cannot be reached now, so that a
// wrong URL shows at start; once connected, the sink reconnects for ever, and
// Deliver fails fast (ErrDisconnected) while it is disconnected. ctx bounds
// the stream check.
func New(ctx context.Context, url string, opts ...Option) (*Sink, error) {
	cfg := newConfig(opts)
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	connectOpts := []nats.Option{
		nats.Name("lmshooks"),
		nats.MaxReconnects(-1),
		// No buffering while reconnecting: a publish then fails at once and
		// the relay retries it, instead of waiting on an acknowledgement.
		nats.ReconnectBufSize(-1),
	}
	if cfg.credsFile != "" {
		connectOpts = append(connectOpts, nats.UserCredentials(cfg.credsFile))
	}
	nc, err := nats.Connect(url, connectOpts...)
	if err != nil {
		return nil, fmt.Errorf("jetstream: connecting to NATS: %w", err)
	}
	js, err := natsjs.New(nc,
		natsjs.WithPublishAsyncMaxPending(cfg.maxPending),
		natsjs.WithPublishAsyncTimeout(cfg.ackTimeout))
	if err == nil {
		err = ensureStream(ctx, js, cfg)
	}
	if err != nil {
		nc.Close()
		return nil, err
	}
	return &Sink{nc: nc, js: js, stream: cfg.stream, prefix: cfg.prefix, ackTimeout: cfg.ackTimeout}, nil
}

func (c config) validate() error {
	switch {
	case !validStreamName(c.stream):
		return fmt.Errorf("%w: stream name %q", ErrInvalidConfig, c.stream)
	case checkTokens("prefix", c.prefix) != nil:
		return fmt.Errorf("%w: subject prefix %q is not dot-separated subject tokens", ErrInvalidConfig, c.prefix)
	case c.ackTimeout <= 0:
		return fmt.Errorf("%w: ack timeout %s", ErrInvalidConfig, c.ackTimeout)
	case c.maxPending < 1:
		return fmt.Errorf("%w: max pending %d", ErrInvalidConfig, c.maxPending)
	}
	return nil
}

// Name returns "nats", the sink's name in the outbox.
func (s *Sink) Name() string { return "nats" }

// Close closes the connection. Publishes still awaiting acknowledgement
// fail (and are retried by the relay).
func (s *Sink) Close() error {
	s.nc.Close()
	return nil
}

// Deliver publishes every event at once and waits for each one's
// acknowledgement by the stream, or for ctx. It returns nil when the stream
// acknowledged them all, else one error per event (nil for each delivered
// one): rejected (sink.ErrRejected) for an event no retry can publish (see
// the package doc), retryable for the rest (NATS down, a timeout, no stream
// for the subject, ctx done). An event that timed out may still have been
// stored: its retry, within the stream's duplicate window, is then dropped as
// a duplicate and acknowledged.
func (s *Sink) Deliver(ctx context.Context, events []canonical.Event) []error {
	errs := make([]error, len(events))
	futures := make([]natsjs.PubAckFuture, len(events))
	for i := range events {
		if err := ctx.Err(); err != nil {
			errs[i] = s.failed(&events[i], err)
			continue
		}
		futures[i], errs[i] = s.publish(&events[i])
	}
	for i, future := range futures {
		if future == nil {
			continue
		}
		select {
		case <-future.Ok():
		case err := <-future.Err():
			errs[i] = s.failed(&events[i], err)
		case <-ctx.Done():
			errs[i] = s.failed(&events[i], ctx.Err())
		}
	}
	for _, err := range errs {
		if err != nil {
			return errs
		}
	}
	return nil
}

// publish starts the asynchronous publish of e.
func (s *Sink) publish(e *canonical.Event) (natsjs.PubAckFuture, error) {
	msg, err := message(s.prefix, e)
	if err != nil {
		return nil, sink.Reject(fmt.Errorf("jetstream: event %s: %w", e.ID, err))
	}
	// A batch over WithMaxPending waits for acknowledgements, up to the ack
	// timeout, before it publishes more.
	future, err := s.js.PublishMsgAsync(msg, natsjs.WithExpectStream(s.stream), natsjs.WithStallWait(s.ackTimeout))
	if err != nil {
		return nil, s.failed(e, err)
	}
	return future, nil
}

// isNetError reports a failure of the connection itself (a write on a
// socket the server closed: "broken pipe"), which nats.go returns as it is
// when it has not yet noticed that it is disconnected.
func isNetError(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr)
}

// failed describes the failed publish of e, rejecting what a retry cannot
// fix.
func (s *Sink) failed(e *canonical.Event, err error) error {
	switch {
	case errors.Is(err, nats.ErrMaxPayload):
		return sink.Reject(fmt.Errorf("jetstream: event %s is over the server's max_payload: %w", e.ID, err))
	case errors.Is(err, nats.ErrReconnectBufExceeded), errors.Is(err, nats.ErrDisconnected), errors.Is(err, nats.ErrConnectionReconnecting),
		isNetError(err):
		err = fmt.Errorf("%w: %w", ErrDisconnected, err)
	}
	return fmt.Errorf("jetstream: publishing event %s to stream %s: %w", e.ID, s.stream, err)
}
