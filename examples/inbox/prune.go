package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// pruneFlags is prune: it deletes what was received longer ago than
// -retention, as the receiver does hourly, so that an operator can make
// room in a full store at once.
func pruneFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	retention := fs.Duration("retention", 0, "delete deliveries and events received longer ago than this (required, such as 240h)")
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, _ io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *retention <= 0 {
			return fmt.Errorf("-retention must be positive, such as 240h (10 days), not %s", *retention)
		}
		p, err := s.PruneBefore(ctx, time.Now().Add(-*retention))
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "pruned %d deliveries and %d events (%d bytes), %d claims\n", p.Deliveries, p.Events, p.Bytes, p.Claims)
		return err
	}
}

// usageFlags is usage: the bytes the store holds, as the receiver's
// -store-max-bytes counts them.
func usageFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, _ io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		n, err := s.Usage(ctx)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%d bytes held\n", n)
		return err
	}
}
