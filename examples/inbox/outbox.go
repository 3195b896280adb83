package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox"
)

func outboxFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, _ io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		counts, err := s.OutboxCounts(ctx)
		if err != nil {
			return err
		}
		for _, c := range counts {
			if _, err := fmt.Fprintf(stdout, "%s\t%s\t%d\n", c.Sink, c.State, c.Rows); err != nil {
				return err
			}
		}
		return nil
	}
}

func deadFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	sinkName := fs.String("sink", "", "only this sink's dead rows")
	limit := fs.Int("limit", 1000, "at most this many rows")
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, _ io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		rows, err := s.DeadRows(ctx, *sinkName, *limit)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if _, err := fmt.Fprintf(stdout, "%s\t%s\t%s\tattempts=%d\t%s\n", r.DoneAt.Format(time.RFC3339Nano),
				r.Sink, r.EventID, r.Attempts, r.LastError); err != nil {
				return err
			}
		}
		return nil
	}
}

func redriveFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	sinkName := fs.String("sink", "", "only this sink's dead rows (default: every sink's)")
	return func(ctx context.Context, s *inbox.Store, args []string, _, stderr io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		n, err := s.Redrive(ctx, *sinkName)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "redrive: %d dead rows are due again\n", n)
		return nil
	}
}

func replayFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	sinkName := fs.String("sink", "", "the sink to send the events to again (required), as the receiver names it")
	filter := filterFlags(fs, true)
	return func(ctx context.Context, s *inbox.Store, args []string, _, stderr io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *sinkName == "" {
			return errors.New("replay needs -sink")
		}
		f, err := filter()
		if err != nil {
			return err
		}
		n, err := s.Replay(ctx, *sinkName, f)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "replay: %d events queued for %s; a receiver relaying to it sends them\n", n, *sinkName)
		return nil
	}
}
