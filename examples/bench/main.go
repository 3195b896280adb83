// Command bench is the end-to-end load driver: it posts documented webhook
// bodies to the example receiver (examples/receiver, built and started as
// its own process on 127.0.0.1) with N concurrent senders, and the same
// requests to a bare handler that only reads the body (this program started
// again with -serve-bare), and reports req/s, events/s, their ratios,
// p50/p99 latency, and whether every delivery answered 2xx was printed by
// the receiver exactly once (counted by canonical id on its stdout). The
// receiver runs with -store memory, then with a SQLite store (full sync
// unless -sqlite-sync normal), and with -postgres URL on PostgreSQL too.
//
// Run from the repository root:
//
//	go run ./examples/bench -senders 8 -requests 20000
//
// Each body is a documented fixture with one field varied per request, so
// that every delivery has new canonical ids and de-duplication cannot hide
// a lost event. A last run sends every body twice, concurrently, and checks
// that each event is still printed once.
//
// The benchmark budgets are checked by ./examples/bench/budget; see
// BENCHMARKS.md.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	var cfg config
	flag.IntVar(&cfg.senders, "senders", 8, "concurrent senders")
	flag.IntVar(&cfg.requests, "requests", 20000, "requests per run (at most)")
	flag.DurationVar(&cfg.maxTime, "max-time", 60*time.Second, "time limit of each run")
	flag.StringVar(&cfg.route, "route", "/webhooks", "receiver route (the shared endpoint by default)")
	flag.StringVar(&cfg.testdata, "testdata", "testdata", "folder of the documented bodies")
	flag.StringVar(&cfg.receiver, "receiver", "./examples/receiver", "package of the receiver to build and start")
	flag.StringVar(&cfg.sqliteSync, "sqlite-sync", "full", "the receiver's -sqlite-sync for the SQLite runs: full or normal")
	flag.StringVar(&cfg.postgres, "postgres", "", "a postgres:// URL: also run the receiver with a PostgreSQL store (in a schema of its own, dropped after)")
	serveBare := flag.Bool("serve-bare", false, "serve the bare handler (used by the driver itself)")
	serveOther := flag.String("serve", "", "serve the naive or the decode-only handler (used by the driver itself)")
	flag.IntVar(&cfg.rounds, "compare", 0, "instead of the store runs: this many rounds of receiver (memory) against the bare, naive and decode-only handlers on the 1 KB and 88 KB bodies")
	flag.Parse()
	if *serveBare {
		serveBareHandler()
		return
	}
	if *serveOther != "" {
		serveBaseline(*serveOther)
		return
	}
	run := run
	if cfg.rounds > 0 {
		run = compare
	}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type config struct {
	senders, requests int
	maxTime           time.Duration
	route, testdata   string
	receiver          string
	sqliteSync        string
	postgres          string
	rounds            int
}

func run(cfg config) error {
	if cfg.senders < 1 || cfg.senders > 256 || cfg.requests < 1 || cfg.requests > 1_000_000 {
		return errors.New("-senders must be 1-256 and -requests 1-1000000")
	}
	fixtures, err := loadFixtures(cfg.testdata)
	if err != nil {
		return err
	}
	deliveries, err := makeDeliveries(fixtures, cfg.requests)
	if err != nil {
		return err
	}
	dir, receiverBin, self, err := binaries(cfg.receiver)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	bare, err := start(self, []string{"-serve-bare"}, "")
	if err != nil {
		return err
	}
	bareResult := send(bare.url+"/", deliveries, cfg)
	bare.stop()

	// runReceiver starts the receiver with a store, sends ds, and stops it.
	runReceiver := func(store string, ds []delivery) (result, map[string]int, error) {
		receiver, err := start(receiverBin, []string{"-addr", "127.0.0.1:0", "-store", store, "-sqlite-sync", cfg.sqliteSync}, cfg.route)
		if err != nil {
			return result{}, nil, err
		}
		runCfg := cfg
		runCfg.requests = len(ds)
		r := send(receiver.url+cfg.route, ds, runCfg)
		return r, receiver.stop(), nil
	}
	type measured struct {
		name    string
		result  result
		printed map[string]int
	}
	var runs []measured
	stores := []struct{ name, store string }{
		{"example receiver, -store memory", "memory"},
		{"example receiver, -store SQLite (sync " + cfg.sqliteSync + ")", filepath.Join(dir, "bench.db")},
	}
	if cfg.postgres != "" {
		dsn, drop, err := freshSchema(cfg.postgres)
		if err != nil {
			return err
		}
		defer drop()
		stores = append(stores, struct{ name, store string }{"example receiver, -store PostgreSQL", dsn})
	}
	for _, s := range stores {
		r, printed, err := runReceiver(s.store, deliveries)
		if err != nil {
			return err
		}
		runs = append(runs, measured{s.name, r, printed})
	}
	dupDeliveries := deliveries[:min(len(deliveries), 2000)]
	twice := append(append([]delivery(nil), dupDeliveries...), dupDeliveries...)
	dupResult, dupPrinted, err := runReceiver(filepath.Join(dir, "dup.db"), twice)
	if err != nil {
		return err
	}
	runs = append(runs, measured{"example receiver, SQLite, every body twice", dupResult, dupPrinted})

	fmt.Printf("machine: %s\n", machine())
	fmt.Printf("%d senders on 127.0.0.1, %d documented bodies varied per request, route %s\n\n",
		cfg.senders, len(fixtures), cfg.route)
	fmt.Println("| server | requests | 2xx | req/s | events/s | p50 | p99 |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|")
	bareResult.row("bare handler (reads the body)")
	for _, r := range runs {
		r.result.row(r.name)
	}
	memory := runs[0].result
	fmt.Printf("\nreceiver (memory) / bare: %.2f (target >= 0.85)\n", memory.rate()/bareResult.rate())
	for _, r := range runs[1 : len(runs)-1] {
		fmt.Printf("%s / memory: %.2f events/s (target for SQLite with full sync >= 0.5)\n", r.name, r.result.eventRate()/memory.eventRate())
	}

	ok := true
	for _, r := range runs {
		lost, dup, extra := r.result.audit(r.printed)
		fmt.Printf("%s: %d events expected from %d 2xx answers; printed %d ids: %d lost, %d printed more than once, %d unexpected; %d non-2xx\n",
			r.name, r.result.expectedEvents(), r.result.ok(), len(r.printed), lost, dup, extra, len(r.result.sent)-r.result.ok())
		if lost+dup+extra > 0 || r.result.ok() != len(r.result.sent) {
			ok = false
		}
	}
	if !ok {
		return errors.New("events were lost, printed twice or refused")
	}
	return nil
}

// runGo runs the go command that runs this program (GOTOOLCHAIN is
// inherited, so the receiver is built with the same release).
func runGo(args ...string) ([]byte, error) {
	return exec.Command("go", args...).CombinedOutput()
}

// server is a started server process whose stdout is counted by canonical
// id.
type server struct {
	url     string
	cmd     *exec.Cmd
	printed chan map[string]int
}

// start runs bin with args and waits for its listening address, which it
// prints ("listening addr=..." in the receiver's log, or a bare line).
func start(bin string, args []string, _ string) (*server, error) {
	cmd := exec.Command(bin, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr := make(chan string, 1)
	go func() { // the receiver logs its address on stderr; the bare server too
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if _, a, ok := strings.Cut(sc.Text(), "addr="); ok {
				select {
				case addr <- strings.Fields(a)[0]:
				default:
				}
			}
		}
	}()
	s := &server{cmd: cmd, printed: make(chan map[string]int, 1)}
	go func() {
		counts := map[string]int{}
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			counts[lineID(sc.Bytes())]++
		}
		s.printed <- counts
	}()
	select {
	case a := <-addr:
		s.url = "http://" + a
		return s, nil
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("%s did not report its address", bin)
	}
}

// stop interrupts the server, lets it finish, and returns what it printed.
func (s *server) stop() map[string]int {
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
	return <-s.printed
}

// serveBareHandler is the baseline: an HTTP server with the receiver's
// settings whose handler only reads the body and answers 200.
func serveBareHandler() {
	serveHandler(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		answerOK(w)
	})
}

// answerOK writes the receiver's 200 answer.
func answerOK(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"status":"ok"}`))
}

// serveHandler serves h on 127.0.0.1 with the receiver's server settings,
// logging its address on stderr, until interrupted.
func serveHandler(h http.HandlerFunc) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "listening addr=%s\n", listener.Addr())
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	go func() { _ = srv.Serve(listener) }()
	ctx, stop := signalContext()
	defer stop()
	<-ctx.Done()
	_ = srv.Shutdown(context.Background())
}
