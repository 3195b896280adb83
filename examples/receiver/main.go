// Command receiver is the lmshooks example webhook receiver: it accepts each
// vendor's deliveries on its own route, converts every accepted event to the
// canonical event and prints it to stdout as one JSON line. Logs go to
// stderr.
//
//	go run ./examples/receiver -addr 127.0.0.1:8080
//
// Routes (each POST; Easygenerator's and the shared one also answer CORS
// preflights):
//
//	/webhooks                any vendor, told apart by canonical.DetectVendor
//	/webhooks/mcg
//	/webhooks/easygenerator  -allow-origin limits the origins (default *)
//	/webhooks/braincert      -basic-auth user:pass requires those credentials
//	/webhooks/toolzz         -toolzz-location reads send_at in that zone
//	/webhooks/learnink       -learnink-secret whsec_... requires signatures
//
// Every accepted delivery is stored before it is answered 200: its raw body,
// identifying headers and canonical events go to the -store, by default the
// SQLite file lmshooks.db in the working directory (-store postgres://...
// for PostgreSQL, -store memory to store nothing). Each newly stored event
// is then printed; an event delivered again (the same canonical id) is
// answered 200 and not printed again. With -store memory, de-duplication is
// in memory only (-dedup=false turns it off). With -format cloudevents each
// line is the event's CloudEvents 1.0 structured form instead of the
// canonical event. go run ./examples/inbox inspects the store.
//
// Under hostile senders: at most -max-conns connections are open, idle ones
// yielding first (connlimit.go); a request with both Content-Length and
// Transfer-Encoding is refused (framing.go); an event is answered 200 only
// once it is stored (or, with -store memory, its whole line is out) within
// -write-timeout, and stdout on /dev/null stops start-up (output*.go); the
// store holds at most -store-max-bytes, and a delivery that does not fit
// is answered 503 with Retry-After (storefull.go).
//
// For operators: GET /healthz, /readyz (the store answers, the relay is
// not stuck) and /metrics (Prometheus); one log line per delivery
// (deliverylog.go), -log-format text|json; every flag also as
// LMSHOOKS_<FLAG> (env.go), secrets from -learnink-secret-file and
// -basic-auth-file; -help groups the flags (help.go).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // -toolzz-location works on machines without a zone database

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/internal/inboxopen"
	"github.com/lmshooks/lmshooks/learnink"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "receiver:", err)
		os.Exit(1)
	}
}

// config is what the command line sets.
type config struct {
	// maxConns caps the open connections (see connLimiter).
	maxConns int
	// writeTimeout bounds a request from its headers to its answer.
	writeTimeout time.Duration

	addr      string
	format    string
	dedup     bool
	dedupSize int
	dedupAge  time.Duration
	// learninkSecrets are LearnInk's whsec_ secrets; none means unsigned
	// deliveries are accepted (development only).
	learninkSecrets listFlag
	// basicAuth is "user:pass" that BrainCert must send; empty means the
	// BrainCert route accepts any caller (development only).
	basicAuth string
	// allowOrigins are the origins whose pages may post Easygenerator
	// results; none means any origin ("*").
	allowOrigins listFlag
	// toolzzLocation reads Toolzz's zone-less times; UTC unless set.
	toolzzLocation *time.Location
	// maxInflightBytes bounds the body bytes all requests hold at once.
	maxInflightBytes int64
	// store is where deliveries go: a SQLite path, a postgres:// URL or
	// "memory"; sqliteSync is "full" or "normal".
	store, sqliteSync string
	retention         time.Duration
	// storeMaxBytes bounds the bytes the store holds (inbox.WithMaxBytes);
	// 0: no bound.
	storeMaxBytes int64
	// sinks are where the relay delivers every stored event (the LRS,
	// NATS and HTTP sinks add their flags here); none: no relay runs.
	sinks []sink.Sink
	// logFormat is how stderr's lines are written: text or json.
	logFormat string
}

// readSecretFiles sets the secrets that -learnink-secret-file and
// -basic-auth-file name; a secret given both ways is refused.
func readSecretFiles(cfg *config, learninkFile, basicAuthFile string) error {
	if learninkFile != "" {
		if len(cfg.learninkSecrets) > 0 {
			return errors.New("-learnink-secret and -learnink-secret-file are both set; give one")
		}
		secrets, err := readSecretFile("learnink-secret-file", learninkFile)
		if err != nil {
			return err
		}
		for line := range strings.Lines(secrets) {
			_ = cfg.learninkSecrets.Set(line) // never fails
		}
	}
	if basicAuthFile != "" {
		if cfg.basicAuth != "" {
			return errors.New("-basic-auth and -basic-auth-file are both set; give one")
		}
		auth, err := readSecretFile("basic-auth-file", basicAuthFile)
		if err != nil {
			return err
		}
		cfg.basicAuth = auth
	}
	return nil
}

// listFlag is a flag that may be repeated and may hold comma-separated values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(value string) error {
	for part := range strings.SplitSeq(value, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("receiver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.IntVar(&cfg.maxConns, "max-conns", 1024, "most connections open at once; at the cap, idle ones are closed first")
	fs.DurationVar(&cfg.writeTimeout, "write-timeout", defaultTimeouts.write, "how long a request may take from its headers to its answer; an event not printed in time is answered 500")
	fs.StringVar(&cfg.format, "format", formatCanonical, "what each printed line is: canonical or cloudevents")
	fs.StringVar(&cfg.store, "store", "lmshooks.db", storeUsage)
	fs.StringVar(&cfg.sqliteSync, "sqlite-sync", "full", "SQLite commit durability: full (survives power loss) or normal (survives a crash of the receiver; a power loss may lose the last commits)")
	fs.DurationVar(&cfg.retention, "retention", inbox.DefaultRetention, "how long stored deliveries and events are kept, and so de-duplicated (0: forever)")
	fs.Int64Var(&cfg.storeMaxBytes, "store-max-bytes", defaultStoreMaxBytes, "most bytes of raw deliveries and their events the store holds (10 GiB by default; 0: no limit); "+
		"a delivery that does not fit is answered 503 with Retry-After until pruning or a higher limit makes room")
	fs.BoolVar(&cfg.dedup, "dedup", true, "with -store memory: print an event delivered again (same canonical id) only once")
	fs.IntVar(&cfg.dedupSize, "dedup-size", 100_000, "with -store memory: how many event ids de-duplication remembers, per vendor")
	fs.DurationVar(&cfg.dedupAge, "dedup-age", 72*time.Hour, "with -store memory: how long de-duplication remembers an event id")
	fs.Var(&cfg.learninkSecrets, "learnink-secret", "LearnInk signing secret whsec_... (repeatable or comma-separated); without it unsigned LearnInk requests are accepted")
	fs.StringVar(&cfg.basicAuth, "basic-auth", "", "user:pass that BrainCert must send with HTTP Basic authentication; without it any caller is accepted")
	fs.Var(&cfg.allowOrigins, "allow-origin", "origins whose pages may post Easygenerator results (repeatable or comma-separated; default *)")
	fs.Int64Var(&cfg.maxInflightBytes, "max-inflight-bytes", canonical.DefaultMaxInflightBytes, "most request body bytes held at once by all requests together; a request finding no room within a second is answered 503")
	toolzzZone := fs.String("toolzz-location", "UTC", "time zone of Toolzz's send_at, which carries none (an IANA name such as America/Sao_Paulo)")
	learninkSecretFile := fs.String("learnink-secret-file", "", "file holding -learnink-secret (one or more secrets, one a line or comma-separated), kept out of process listings")
	basicAuthFile := fs.String("basic-auth-file", "", "file holding -basic-auth's user:pass, kept out of process listings")
	fs.StringVar(&cfg.logFormat, "log-format", logText, "what each log line on stderr is: text or json")
	lrs := addLRSFlags(fs)                                         // flag group "sinks"
	natsSink, forwardSink := addNATSFlags(fs), addForwardFlags(fs) // group "sinks"
	fs.Usage = func() { printUsage(fs, fs.Output()) }
	if err := parseWithEnv(fs, args, os.LookupEnv); err != nil {
		return cfg, err
	}
	if err := readSecretFiles(&cfg, *learninkSecretFile, *basicAuthFile); err != nil {
		return cfg, err
	}
	if err := lrs.addSink(&cfg); err != nil {
		return cfg, err
	}
	if cfg.logFormat != logText && cfg.logFormat != logJSON {
		return cfg, fmt.Errorf("-log-format must be %s or %s, not %q", logText, logJSON, cfg.logFormat)
	}
	loc, err := time.LoadLocation(*toolzzZone)
	if err != nil {
		return cfg, fmt.Errorf("-toolzz-location: %w", err)
	}
	cfg.toolzzLocation = loc
	if user, pass, ok := strings.Cut(cfg.basicAuth, ":"); cfg.basicAuth != "" && (!ok || user == "" || pass == "") {
		return cfg, errors.New("-basic-auth must be user:pass, neither of them empty")
	}
	if len(cfg.learninkSecrets) > 0 {
		if _, err := learnink.NewVerifier(learnink.WithSecrets(cfg.learninkSecrets...)); err != nil {
			return cfg, err
		}
	}
	if cfg.maxInflightBytes <= 0 {
		return cfg, fmt.Errorf("-max-inflight-bytes must be positive, not %d", cfg.maxInflightBytes)
	}
	if cfg.store == "" {
		return cfg, inboxopen.ErrEmpty
	}
	if cfg.storeMaxBytes < 0 {
		return cfg, fmt.Errorf("-store-max-bytes must be 0 (no limit) or more, not %d", cfg.storeMaxBytes)
	}
	if cfg.sqliteSync != "full" && cfg.sqliteSync != "normal" {
		return cfg, fmt.Errorf("-sqlite-sync must be full or normal, not %q", cfg.sqliteSync)
	}
	if cfg.format != formatCanonical && cfg.format != formatCloudEvents {
		return cfg, fmt.Errorf("-format must be %s or %s, not %q", formatCanonical, formatCloudEvents, cfg.format)
	}
	if cfg.maxConns < 1 {
		return cfg, fmt.Errorf("-max-conns must be at least 1, not %d", cfg.maxConns)
	}
	if cfg.writeTimeout <= 0 {
		return cfg, fmt.Errorf("-write-timeout must be positive, not %s", cfg.writeTimeout)
	}
	// Last: the NATS sink connects, and run closes what this opens.
	sinks, err := openSinks(cfg.store, forwardSink, natsSink)
	if err != nil {
		return cfg, err
	}
	cfg.sinks = append(cfg.sinks, sinks...)
	return cfg, nil
}

// newDeliver returns the callback of every route with -store memory: print
// each event's line, behind in-memory de-duplication when it is on. stdout
// is written as it comes (a test's buffer); run hands deliverTo the output
// newOutput chose.
func newDeliver(cfg config, stdout io.Writer) func(context.Context, *canonical.Delivery) error {
	return deliverTo(cfg, writerLines(stdout))
}

// deliverTo is newDeliver printing to out.
func deliverTo(cfg config, stdout lineOutput) func(context.Context, *canonical.Delivery) error {
	out := &lineWriter{out: stdout, format: cfg.format}
	// An event printed is the memory mode's stored one.
	printed := func(ctx context.Context, e canonical.Event) error {
		err := out.print(ctx, e)
		if err == nil {
			noteFrom(ctx).noteStored(1)
		}
		return err
	}
	if !cfg.dedup {
		return canonical.EachEvent(printed)
	}
	return canonical.EachEvent(canonical.Deduplicate(canonical.NewMemoryStore(cfg.dedupSize, cfg.dedupAge), printed))
}

// timeouts bound how long a slow or idle client may hold a connection.
type timeouts struct {
	readHeader, read, write, idle time.Duration
}

// defaultTimeouts are the receiver's: a webhook body is small, so 30 s to
// send it is generous, and headers get 5 s. A keep-alive connection may
// wait 30 s for its next request: long enough for a vendor's burst of
// deliveries to reuse it, short enough that a burst's leftovers free their
// slots and descriptors soon (at -max-conns, idle ones are closed anyway).
var defaultTimeouts = timeouts{readHeader: 5 * time.Second, read: 30 * time.Second, write: 30 * time.Second, idle: 30 * time.Second}

// newServer is the receiver's http.Server: every timeout set, headers capped
// at 64 KiB, requests with ambiguous framing refused, each handler given a
// deadline before the write timeout, and the server's own errors logged
// through logger. Every request reaches h, even OPTIONS *, so that
// ambiguousFraming sees them all.
func newServer(h http.Handler, logger *slog.Logger, t timeouts) *http.Server {
	srv := &http.Server{
		Handler:           ambiguousFraming(watchBodies(withDeadline(h, t.write-t.write/10))),
		ReadHeaderTimeout: t.readHeader,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	srv.ConnContext = rememberConn
	srv.DisableGeneralOptionsHandler = true
	return srv
}

// withDeadline gives every request's context a deadline d after its headers
// were read, before the server's write timeout, so that a callback that
// cannot finish in time still gets its 5xx out.
func withDeadline(h http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// run serves until ctx is done, then shuts down, letting requests in flight
// finish. ready, when not nil, receives the listening address.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- string) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	defer closeSinks(cfg.sinks) // after the relay has stopped
	logger := newLogger(cfg.logFormat, stderr)
	out, restoreStdout, err := newOutput(stdout)
	if err != nil {
		return err
	}
	defer restoreStdout()
	store, err := openInbox(ctx, cfg, logger)
	if err != nil {
		return err
	}
	deliver := deliverTo(cfg, out)
	svc := &service{metrics: newMetrics(), readiness: &readiness{store: store, logger: logger}}
	if store != nil {
		defer store.Close() // after Shutdown: requests in flight are committed first
		svc.metrics.watchStore(store, logger)
		deliver = newStoreDeliver(store, cfg, out, logger)
		relay, stopRelay, err := startRelay(ctx, store, cfg.sinks, logger)
		if err != nil {
			return err
		}
		defer stopRelay()
		if relay != nil {
			svc.readiness.relay = newRelayWatch(store, relay)
			svc.metrics.watchRelay(store, relay, logger)
		}
	}
	listen, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	t := defaultTimeouts
	t.write = cfg.writeTimeout
	srv := newServer(newRoutes(cfg, deliver, logger, svc), logger, t)
	listener := limitConns(framedListener{listen}, cfg.maxConns, srv, logger)
	svc.metrics.watchLimits(svc.inflight, cfg.maxInflightBytes, listener)
	logger.Info("storing deliveries", "store", inboxopen.Name(cfg.store))
	logger.Info("listening", "addr", listener.Addr().String())
	if ready != nil {
		ready <- listener.Addr().String()
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(listener) }()
	var stopped error
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	case <-readerGone(out):
		stopped = errStdoutReaderGone
		logger.Error("stdout's reader is gone (broken pipe); no event can be printed any more")
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return stopped
}
