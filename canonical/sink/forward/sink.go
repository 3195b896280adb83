package forward

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/learnink"
)

// Sink POSTs canonical events to one URL. Build it with New; it is safe for
// concurrent use.
type Sink struct {
	url           string
	secret        string
	mode          Mode
	timeout       time.Duration
	maxConcurrent int
	client        *http.Client
}

var _ sink.Sink = (*Sink)(nil)

// New returns a sink that posts to target (an http or https URL) and signs
// with secret ("whsec_" followed by base64, as Standard Webhooks prints
// secrets). Its error matches ErrInvalidConfig (and, for the secret,
// learnink.ErrInvalidSecret) and never contains the secret.
func New(target, secret string, opts ...Option) (*Sink, error) {
	cfg := newConfig(opts)
	u, err := url.Parse(target)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: the URL does not parse: %w", ErrInvalidConfig, err)
	case u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		return nil, fmt.Errorf("%w: the URL %q is not http(s)://host/...", ErrInvalidConfig, u.Redacted())
	case cfg.mode != Structured && cfg.mode != Binary:
		return nil, fmt.Errorf("%w: mode %q is neither %q nor %q", ErrInvalidConfig, cfg.mode, Structured, Binary)
	case cfg.timeout <= 0:
		return nil, fmt.Errorf("%w: timeout %s", ErrInvalidConfig, cfg.timeout)
	case cfg.maxConcurrent < 1:
		return nil, fmt.Errorf("%w: max concurrent %d", ErrInvalidConfig, cfg.maxConcurrent)
	}
	// Sign decodes the secret as it will for every request: fail now.
	if _, err := learnink.Sign(secret, "", time.Time{}, nil); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidConfig, err)
	}
	return &Sink{
		url:           target,
		secret:        secret,
		mode:          cfg.mode,
		timeout:       cfg.timeout,
		maxConcurrent: cfg.maxConcurrent,
		client:        newClient(cfg),
	}, nil
}

// newClient is an HTTP client for one endpoint: bounded waits, as many idle
// connections as requests in flight, and no redirects.
func newClient(cfg config) *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = cfg.maxConcurrent
	transport.MaxConnsPerHost = cfg.maxConcurrent
	transport.ResponseHeaderTimeout = cfg.timeout
	transport.MaxResponseHeaderBytes = 64 << 10
	return &http.Client{
		Transport: transport,
		// A redirected POST is not what was signed for this URL: the answer
		// is a non-2xx like any other.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// String describes the sink without its secret (and without a password
// in the URL), so that logging it leaks neither.
func (s *Sink) String() string {
	u, _ := url.Parse(s.url)
	return fmt.Sprintf("forward sink to %s (%s mode)", u.Redacted(), s.mode)
}

// GoString is String, for %#v.
func (s *Sink) GoString() string { return s.String() }

// Name returns "forward", the sink's name in the outbox.
func (s *Sink) Name() string { return "forward" }

// Close closes the idle connections.
func (s *Sink) Close() error {
	s.client.CloseIdleConnections()
	return nil
}

// Deliver posts every event, up to WithMaxConcurrent at once, and returns
// nil when the endpoint answered 2xx to each, else one error per event (nil
// for each delivered one). Only an event that cannot be rendered or sent at
// all is rejected (sink.ErrRejected); a failed request, a timeout and every
// non-2xx answer (*StatusError) are retried.
func (s *Sink) Deliver(ctx context.Context, events []canonical.Event) []error {
	errs := make([]error, len(events))
	slots := make(chan struct{}, s.maxConcurrent)
	var wg sync.WaitGroup
	for i := range events {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			errs[i] = s.post(ctx, &events[i])
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return errs
		}
	}
	return nil
}
