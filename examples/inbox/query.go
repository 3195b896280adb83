package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/lmshooks/lmshooks/canonical/inbox"
)

func exportFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, _ io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		for e, err := range s.Events(ctx, inbox.Filter{}) {
			if err != nil {
				return err
			}
			if _, err := fmt.Fprintln(stdout, e.JSON); err != nil {
				return err
			}
		}
		return nil
	}
}

func listFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	filter := filterFlags(fs, true)
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, _ io.Writer) error {
		if err := noArgs(args); err != nil {
			return err
		}
		f, err := filter()
		if err != nil {
			return err
		}
		for e, err := range s.Events(ctx, f) {
			if err != nil {
				return err
			}
			if _, err := fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", e.ReceivedAt.Format(time.RFC3339Nano),
				e.Event.Vendor, e.Event.Type, e.Event.ID); err != nil {
				return err
			}
		}
		return nil
	}
}

// shown is what show prints: the event, and its raw delivery with the body
// as text when it is UTF-8 (JSON, XML) and base64 otherwise.
type shown struct {
	Event    json.RawMessage `json:"event"`
	Delivery shownDelivery   `json:"delivery"`
}

type shownDelivery struct {
	ID          int64               `json:"id"`
	Vendor      string              `json:"vendor"`
	ReceivedAt  time.Time           `json:"received_at"`
	ContentType string              `json:"content_type"`
	Header      map[string][]string `json:"header"`
	Body        string              `json:"body,omitempty"`
	BodyBase64  string              `json:"body_base64,omitempty"`
}

func showFlags(fs *flag.FlagSet) func(context.Context, *inbox.Store, []string, io.Writer, io.Writer) error {
	return func(ctx context.Context, s *inbox.Store, args []string, stdout, _ io.Writer) error {
		if len(args) != 1 {
			return errors.New("show takes one event id")
		}
		e, d, err := s.Get(ctx, args[0])
		if err != nil {
			return err
		}
		out := shown{Event: json.RawMessage(e.JSON), Delivery: shownDelivery{
			ID: d.ID, Vendor: string(d.Vendor), ReceivedAt: d.ReceivedAt,
			ContentType: d.ContentType, Header: d.Header,
		}}
		if utf8.Valid(d.Body) {
			out.Delivery.Body = string(d.Body)
		} else {
			out.Delivery.BodyBase64 = base64.StdEncoding.EncodeToString(d.Body)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
		_, err = stdout.Write(buf.Bytes())
		return err
	}
}
