package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/learnink"
)

// config is what the command line sets.
type config struct {
	list           bool
	vendor         string
	event          string
	bodyFile       string
	basicAuth      string // "user:pass", BrainCert only
	learninkSecret string // "whsec_...", LearnInk only
	origin         string // Easygenerator only
	timeout        time.Duration
	url            string
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("send", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: send -list [-vendor name]")
		fmt.Fprintln(fs.Output(), "       send -vendor name -event name [flags] URL")
		fs.PrintDefaults()
	}
	var cfg config
	fs.BoolVar(&cfg.list, "list", false, "list every vendor event this command knows, as \"vendor event file\" rows")
	fs.StringVar(&cfg.vendor, "vendor", "", "the vendor to send as: "+strings.Join(vendorNames(), ", "))
	fs.StringVar(&cfg.event, "event", "", "the example to send: an event name from -list, or its file name")
	fs.StringVar(&cfg.bodyFile, "body", "", "send this file's bytes instead of the documented body")
	fs.StringVar(&cfg.basicAuth, "basic-auth", "", "braincert: send HTTP Basic credentials user:pass")
	fs.StringVar(&cfg.learninkSecret, "learnink-secret", "", "learnink: sign with this endpoint secret (whsec_...)")
	fs.StringVar(&cfg.origin, "origin", "", "easygenerator: send this Origin header, as the learner's browser does")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "give up on the request after this long")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if cfg.list {
		if fs.NArg() > 0 {
			return cfg, errors.New("-list takes no URL")
		}
		return cfg, nil
	}
	switch fs.NArg() {
	case 0:
		return cfg, errors.New("missing URL: send -vendor name -event name URL (see -list)")
	case 1:
		cfg.url = fs.Arg(0)
	default:
		return cfg, fmt.Errorf("one URL, not %d arguments (flags go before the URL)", fs.NArg())
	}
	return cfg, cfg.check()
}

// check rejects what cannot be sent, before anything is.
func (cfg config) check() error {
	if cfg.vendor == "" {
		return fmt.Errorf("missing -vendor (one of %s)", strings.Join(vendorNames(), ", "))
	}
	if cfg.event == "" {
		return errors.New("missing -event (see -list)")
	}
	if u, err := url.Parse(cfg.url); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("the URL must be http:// or https:// with a host, not %q", cfg.url)
	}
	if cfg.timeout <= 0 {
		return errors.New("-timeout must be positive")
	}
	onlyFor := map[string]struct{ flag, value string }{
		"braincert":     {"-basic-auth", cfg.basicAuth},
		"learnink":      {"-learnink-secret", cfg.learninkSecret},
		"easygenerator": {"-origin", cfg.origin},
	}
	for vendor, f := range onlyFor {
		if f.value != "" && vendor != cfg.vendor {
			return fmt.Errorf("%s is for %s only", f.flag, vendor)
		}
	}
	if cfg.basicAuth != "" && !strings.Contains(cfg.basicAuth, ":") {
		return errors.New("-basic-auth must be user:pass")
	}
	if cfg.learninkSecret != "" {
		if _, err := learnink.NewVerifier(learnink.WithSecrets(cfg.learninkSecret)); err != nil {
			return fmt.Errorf("-learnink-secret: %w", err)
		}
	}
	return nil
}
