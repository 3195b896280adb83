package xapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink"
)

// The defaults of LRSConfig.
const (
	DefaultVersion   = "1.0.3"
	DefaultBatchSize = 100
	DefaultTimeout   = 30 * time.Second
	// MaxBatchSize bounds LRSConfig.BatchSize, and so the size of one request.
	MaxBatchSize = 1000
)

// LRSConfig configures an LRS sink. Endpoint, Auth, Version and Mapping are
// what the receiver's -lrs, -lrs-auth, -xapi-version and mapping flags
// carry.
type LRSConfig struct {
	// Endpoint is the LRS's xAPI endpoint, such as
	// http://127.0.0.1:8081/xAPI/; statements are posted to
	// <Endpoint>/statements.
	Endpoint string
	// Auth is the HTTP Basic credentials as "user:password"; empty for none.
	Auth string
	// Version is the X-Experience-API-Version header: "1.0.3" (default)
	// or "2.0.0". The statements are the same for both.
	Version string
	// Mapping holds the options of Statements.
	Mapping []Option
	// Name is the sink's name in the outbox (default "lrs").
	Name string
	// BatchSize is the most statements in one request (default 100, at
	// most MaxBatchSize).
	BatchSize int
	// Timeout bounds each request, its answer included (default 30 s).
	Timeout time.Duration
	// Client sends the requests (default: a new http.Client).
	Client *http.Client
	// Logger receives the loud warnings of refused credentials (default
	// slog.Default()).
	Logger *slog.Logger
}

// LRS is a sink.Sink that posts the statements of events to a Learning
// Record Store. It is safe for concurrent use.
type LRS struct {
	name       string
	statements string // <endpoint>/statements
	user, pass string
	hasAuth    bool
	version    string
	batchSize  int
	timeout    time.Duration
	mapping    *config
	client     *http.Client
	logger     *slog.Logger
}

var _ sink.Sink = (*LRS)(nil)

// NewLRS checks cfg and returns its sink. The error wraps ErrInvalidOption
// for a bad mapping option, or says which field of cfg is wrong.
func NewLRS(cfg LRSConfig) (*LRS, error) {
	mapping, err := newConfig(cfg.Mapping)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(cfg.Endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("xapi: LRS endpoint %q is not an http(s) URL without query", cfg.Endpoint)
	}
	l := &LRS{
		name:       orDefault(cfg.Name, "lrs"),
		statements: strings.TrimRight(cfg.Endpoint, "/") + "/statements",
		version:    orDefault(cfg.Version, DefaultVersion),
		batchSize:  cfg.BatchSize,
		timeout:    cfg.Timeout,
		mapping:    mapping,
		client:     cfg.Client,
		logger:     cfg.Logger,
	}
	if l.version != "1.0.3" && l.version != "2.0.0" {
		return nil, fmt.Errorf("xapi: xAPI version %q is neither 1.0.3 nor 2.0.0", l.version)
	}
	if cfg.Auth != "" {
		var ok bool
		if l.user, l.pass, ok = strings.Cut(cfg.Auth, ":"); !ok {
			return nil, errors.New("xapi: LRS credentials are not user:password")
		}
		l.hasAuth = true
	}
	switch {
	case l.batchSize == 0:
		l.batchSize = DefaultBatchSize
	case l.batchSize < 0 || l.batchSize > MaxBatchSize:
		return nil, fmt.Errorf("xapi: batch size %d is outside [1, %d]", l.batchSize, MaxBatchSize)
	}
	if l.timeout <= 0 {
		l.timeout = DefaultTimeout
	}
	if l.client == nil {
		l.client = &http.Client{}
	}
	if l.logger == nil {
		l.logger = slog.Default()
	}
	return l, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Name identifies the sink in the outbox.
func (l *LRS) Name() string { return l.name }

// Deliver posts the statements of events, in batches, and reports each
// event's outcome (see sink.Sink). An event that maps to no statement is
// delivered; an event with two statements is delivered when both are
// stored. An event whose statements cannot be made or fail Validate, or
// that the LRS refuses (400 or 413 for that statement alone, 409
// conflict), gets an error matching sink.ErrRejected, with the LRS's
// answer as an *LRSError; 401/403, 429, 5xx, timeouts and network
// failures give errors to retry later.
func (l *LRS) Deliver(ctx context.Context, events []canonical.Event) []error {
	queue := newPending(len(events))
	for i := range events {
		statements, err := l.mapping.statements(&events[i])
		if err == nil {
			err = validateAll(statements)
		}
		if err != nil {
			queue.fail(i, sink.Reject(err))
			continue
		}
		queue.add(i, statements)
	}
	for batch := range queue.batches(l.batchSize) {
		l.post(ctx, batch)
	}
	return queue.errors()
}

// validateAll validates every statement, naming the one at fault.
func validateAll(statements []Statement) error {
	for i := range statements {
		if err := statements[i].Validate(); err != nil {
			return fmt.Errorf("statement %s: %w", statements[i].ID, err)
		}
	}
	return nil
}
