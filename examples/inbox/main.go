// Command inbox inspects and repairs the store of the example receiver.
// Every subcommand takes -store like the receiver: a SQLite file path
// (default lmshooks.db in the working directory) or a postgres:// URL.
//
//	go run ./examples/inbox export   -store lmshooks.db
//	go run ./examples/inbox list     -store lmshooks.db -vendor mcg -type course.completed -since 2026-11-01T00:00:00Z
//	go run ./examples/inbox show     -store lmshooks.db 'mcg:course_finish:…'
//	go run ./examples/inbox rederive -store lmshooks.db
//
// export prints every stored canonical event as one JSON line (canonical
// JSON, oldest first); list prints one summary line per event (filtered by
// vendor, type and the time its delivery was received); show prints one
// event and the raw delivery it came from; rederive parses the stored raw
// deliveries again with this version of the library and stores the events
// that result (their signatures were checked when they were received, and
// are not checked again against the clock), printing each new one.
//
// The outbox (the rows the receiver's relay delivers to sinks):
//
//	go run ./examples/inbox outbox  -store lmshooks.db              # rows by sink and state; due is the backlog
//	go run ./examples/inbox dead    -store lmshooks.db [-sink lrs]  # dead rows with their last errors
//	go run ./examples/inbox redrive -store lmshooks.db [-sink lrs]  # dead rows due again
//	go run ./examples/inbox replay  -store lmshooks.db -sink lrs -vendor mcg -since 2026-11-01T00:00:00Z
//
// replay queues stored events for a sink again (backfill); the receiver
// relaying to that sink sends them.
//
// Room in a store full to the receiver's -store-max-bytes:
//
//	go run ./examples/inbox usage -store lmshooks.db                  # the bytes held
//	go run ./examples/inbox prune -store lmshooks.db -retention 240h  # delete what is older than 10 days
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/canonical/inbox/sqlite"
	"github.com/lmshooks/lmshooks/internal/inboxopen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "inbox:", err)
		}
		os.Exit(2)
	}
}

// command is one subcommand: its flags are added to fs, and it runs with
// the opened store and the arguments left after the flags.
type command struct {
	usage string
	flags func(fs *flag.FlagSet) func(ctx context.Context, s *inbox.Store, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"export":   {"export -store VALUE: every stored event as one canonical JSON line, oldest first", exportFlags},
	"list":     {"list -store VALUE [-vendor V] [-type T] [-since TIME] [-until TIME]: one line per stored event", listFlags},
	"show":     {"show -store VALUE ID: the event and its raw delivery", showFlags},
	"rederive": {"rederive -store VALUE [-vendor V] [-since TIME] [-until TIME]: parse stored deliveries again and store the new events", rederiveFlags},
	"outbox":   {"outbox -store VALUE: the relay's rows by sink and state (due is the backlog)", outboxFlags},
	"dead":     {"dead -store VALUE [-sink S]: dead rows with their last errors", deadFlags},
	"redrive":  {"redrive -store VALUE [-sink S]: make dead rows due again", redriveFlags},
	"replay":   {"replay -store VALUE -sink S [-vendor V] [-type T] [-since TIME] [-until TIME]: queue stored events for a sink again (backfill)", replayFlags},
	"prune":    {"prune -store VALUE -retention DURATION: delete what was received longer ago (room in a full store)", pruneFlags},
	"usage":    {"usage -store VALUE: the bytes the store holds, as -store-max-bytes counts them", usageFlags},
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: inbox COMMAND -store VALUE [flags] [args]")
	for _, name := range []string{"export", "list", "show", "rederive", "outbox", "dead", "redrive", "replay", "prune", "usage"} {
		fmt.Fprintln(w, "  "+commands[name].usage)
	}
	fmt.Fprintln(w, "VALUE is a SQLite file path (default lmshooks.db) or a postgres:// URL.")
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return errors.New("no command")
	}
	cmd, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return fmt.Errorf("unknown command %q", args[0])
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	storeValue := fs.String("store", "lmshooks.db", "the store: a SQLite file path or a postgres:// URL")
	runCmd := cmd.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *storeValue == inboxopen.Memory {
		return errors.New("-store memory keeps nothing to inspect")
	}
	if !inboxopen.IsPostgres(*storeValue) {
		if _, err := os.Stat(*storeValue); err != nil {
			return fmt.Errorf("-store %s: %w", *storeValue, err) // do not create an empty store by mistake
		}
	}
	// Pruning on a timer is left to the receiver; only prune deletes.
	store, err := inboxopen.Open(ctx, *storeValue, sqlite.SyncFull, inbox.WithPruneInterval(0), inbox.WithRetention(0))
	if err != nil {
		return err
	}
	defer store.Close()
	return runCmd(ctx, store, fs.Args(), stdout, stderr)
}

// filterFlags adds -vendor, -type (when withType) and -since/-until to fs.
func filterFlags(fs *flag.FlagSet, withType bool) func() (inbox.Filter, error) {
	vendor := fs.String("vendor", "", "only this vendor's (mcg, easygenerator, braincert, toolzz, learnink)")
	var typ *string
	if withType {
		typ = fs.String("type", "", "only events of this canonical type, such as course.completed")
	}
	since := fs.String("since", "", "only what was received at or after this time (RFC 3339)")
	until := fs.String("until", "", "only what was received before this time (RFC 3339)")
	return func() (inbox.Filter, error) {
		f := inbox.Filter{Vendor: canonical.Vendor(*vendor)}
		if f.Vendor != "" && !f.Vendor.Valid() {
			return f, fmt.Errorf("-vendor %q is not a known vendor", *vendor)
		}
		if typ != nil && *typ != "" {
			f.Type = canonical.Type(*typ)
			if !f.Type.Valid() {
				return f, fmt.Errorf("-type %q is not a canonical type", *typ)
			}
		}
		var err error
		if f.Since, err = parseTime("-since", *since); err != nil {
			return f, err
		}
		f.Until, err = parseTime("-until", *until)
		return f, err
	}
}

func parseTime(name, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, value)
	if err != nil {
		return t, fmt.Errorf("%s must be an RFC 3339 time such as 2026-11-01T00:00:00Z: %w", name, err)
	}
	return t, nil
}

// noArgs fails for arguments a command does not take.
func noArgs(args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected arguments %q", args)
	}
	return nil
}
