package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
	"github.com/lmshooks/lmshooks/toolzz"
)

func rederiveFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	filter := filterFlags(fs, false)
	toolzzZone := fs.String("toolzz-location", "UTC", "time zone of Toolzz's send_at, as the receiver's -toolzz-location")
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, stderr io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		f, err := filter()
		if err != nil {
			return err
		}
		loc, err := time.LoadLocation(*toolzzZone)
		if err != nil {
			return fmt.Errorf("-toolzz-location: %w", err)
		}
		var writeErr error
		result, err := s.Rederive(ctx, f, reparse(canonical.WithToolzz(toolzz.WithLocation(loc))),
			func(deliveryID int64, stored []canonical.Event, parseErr error) {
				if parseErr != nil {
					fmt.Fprintf(stderr, "delivery %d: %v\n", deliveryID, parseErr)
				}
				for _, e := range stored {
					line, err := inbox.EncodeEvent(&e)
					if err == nil {
						_, err = fmt.Fprintln(stdout, line)
					}
					writeErr = cmp.Or(writeErr, err)
				}
			})
		fmt.Fprintf(stderr, "rederive: %d deliveries parsed again, %d new events stored, %d failed\n",
			result.Deliveries, result.New, result.Failed)
		if err = cmp.Or(err, writeErr); err != nil {
			return err
		}
		if result.Failed > 0 {
			return fmt.Errorf("%d deliveries could not be parsed again", result.Failed)
		}
		return nil
	}
}

// reparse parses a stored delivery as the receiver did: its Content-Type
// and identifying headers, its body. No LearnInk secret and no BrainCert
// credentials are configured, so signatures are not checked again (they
// were at receipt, and their timestamps are old by now); LearnInk's svix-id
// still names its events.
func reparse(opts ...canonical.Option) func(inbox.StoredDelivery) ([]canonical.Event, error) {
	return func(d inbox.StoredDelivery) ([]canonical.Event, error) {
		header := d.Header.Clone()
		if header == nil {
			header = http.Header{}
		}
		if d.ContentType != "" {
			header.Set("Content-Type", d.ContentType)
		}
		events, err := canonical.ParseRequest(header, d.Body, opts...)
		if err != nil {
			return nil, err
		}
		for _, e := range events {
			if e.Vendor != d.Vendor {
				return nil, fmt.Errorf("it now parses as %s, it was received as %s", e.Vendor, d.Vendor)
			}
		}
		return events, nil
	}
}
