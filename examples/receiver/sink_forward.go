package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/canonical/sink/forward"
	"github.com/lmshooks/lmshooks/internal/inboxopen"
	"github.com/lmshooks/lmshooks/learnink"
)

// forwardFlags are the -forward* flags (group "sinks"): the signed HTTP
// sink.
type forwardFlags struct {
	url, secret, mode string
}

func addForwardFlags(fs *flag.FlagSet) *forwardFlags {
	f := &forwardFlags{}
	// group: sinks
	fs.StringVar(&f.url, "forward", "", "POST every stored event as a CloudEvent, signed per Standard Webhooks, to this http(s) URL; needs -forward-secret and a durable -store")
	fs.StringVar(&f.secret, "forward-secret", "", "with -forward: the whsec_... secret the requests are signed with (webhook-signature)")
	fs.StringVar(&f.mode, "forward-mode", string(forward.Structured), "with -forward: the CloudEvents content mode, structured or binary")
	return f
}

// sink returns the HTTP sink; nil without -forward. Its error names the
// flag and never holds the secret or the URL's password.
func (f *forwardFlags) sink(store string) (sink.Sink, error) {
	switch {
	case f.url == "" && f.secret != "":
		return nil, errors.New("-forward-secret needs -forward")
	case f.url == "":
		return nil, nil
	case store == inboxopen.Memory:
		return nil, fmt.Errorf("-forward %w", errSinkNeedsStore)
	case f.secret == "":
		return nil, errors.New("-forward-secret whsec_... is required with -forward")
	case f.mode != string(forward.Structured) && f.mode != string(forward.Binary):
		return nil, fmt.Errorf("-forward-mode must be %s or %s, not %q", forward.Structured, forward.Binary, f.mode)
	}
	s, err := forward.New(f.url, f.secret, forward.WithMode(forward.Mode(f.mode)))
	// forward.New's error names neither the secret nor the URL's password.
	switch {
	case errors.Is(err, learnink.ErrInvalidSecret):
		return nil, fmt.Errorf("-forward-secret: %w", err)
	case err != nil:
		return nil, fmt.Errorf("-forward: %w", err)
	}
	return s, nil
}
