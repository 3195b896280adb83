package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
)

// lrsFlags are the flags of the LRS sink (flag group "sinks"): the xAPI
// endpoint, its credentials and version, and the mapping's options.
type lrsFlags struct {
	endpoint, auth, version          string
	activityBase, customerHome, lang string
	homePages, optIn                 listFlag
	mboxSHA1Sum, alwaysAccount       bool
	// fs tells which flags were set.
	fs *flag.FlagSet
}

// addLRSFlags defines the LRS sink's flags on fs (flag group "sinks").
func addLRSFlags(fs *flag.FlagSet) *lrsFlags {
	f := &lrsFlags{fs: fs}
	fs.StringVar(&f.endpoint, "lrs", "", "xAPI endpoint of a Learning Record Store, such as http://127.0.0.1:8081/xAPI/: every stored event that maps to statements is sent there (needs a durable -store)")
	fs.StringVar(&f.auth, "lrs-auth", "", "user:pass for the LRS's HTTP Basic authentication")
	fs.StringVar(&f.version, "xapi-version", xapi.DefaultVersion, "X-Experience-API-Version sent to the LRS: 1.0.3 or 2.0.0")
	fs.StringVar(&f.activityBase, "xapi-activity-base", xapi.DefaultActivityBase, "start of every activity id (an absolute IRI; never change it once used)")
	fs.Var(&f.homePages, "xapi-home-page", "vendor=url: account home page of that vendor's learner ids, such as braincert=https://acme.braincert.com (repeatable)")
	fs.StringVar(&f.customerHome, "xapi-customer-home-page", "", "home page of your own system: learners known only by an external id get statements under it")
	fs.StringVar(&f.lang, "xapi-language", "und", "language tag of activity names")
	fs.BoolVar(&f.mboxSHA1Sum, "xapi-mbox-sha1sum", false, "identify learners by the SHA-1 of their mbox, so that the LRS holds no e-mail addresses")
	fs.BoolVar(&f.alwaysAccount, "xapi-always-account", false, "identify learners by their vendor account whenever its id is known, even when the e-mail is")
	fs.Var(&f.optIn, "xapi-opt-in", "types that give statements only on request: order.completed, notification.sent (comma-separated)")
	return f
}

// errLRSNeedsStore refuses -lrs with -store memory: the relay delivers
// from the durable outbox, which memory has not.
var errLRSNeedsStore = errors.New("-lrs needs a durable -store (a SQLite file or postgres://), not memory: the relay delivers from the store's outbox")

// addSink adds the LRS sink to cfg.sinks when -lrs is set.
func (f *lrsFlags) addSink(cfg *config) error {
	lrs, err := f.sink(cfg.store)
	if err != nil || lrs == nil {
		return err
	}
	cfg.sinks = append(cfg.sinks, lrs)
	return nil
}

// sink returns the LRS sink the flags describe, nil without -lrs. Every
// error names the flag at fault.
func (f *lrsFlags) sink(store string) (*xapi.LRS, error) {
	if f.endpoint == "" {
		var stray error
		f.fs.Visit(func(fl *flag.Flag) {
			if stray == nil && (fl.Name == "lrs-auth" || strings.HasPrefix(fl.Name, "xapi-")) {
				stray = fmt.Errorf("-%s is set but -lrs is not", fl.Name)
			}
		})
		return nil, stray
	}
	if store == "memory" {
		return nil, errLRSNeedsStore
	}
	if user, pass, ok := strings.Cut(f.auth, ":"); f.auth != "" && (!ok || user == "" || pass == "") {
		return nil, errors.New("-lrs-auth must be user:pass, neither of them empty")
	}
	if f.version != "1.0.3" && f.version != "2.0.0" {
		return nil, fmt.Errorf("-xapi-version must be 1.0.3 or 2.0.0, not %q", f.version)
	}
	mapping, err := f.mapping()
	if err != nil {
		return nil, err
	}
	lrs, err := xapi.NewLRS(xapi.LRSConfig{Endpoint: f.endpoint, Auth: f.auth, Version: f.version, Mapping: mapping})
	if err != nil {
		return nil, fmt.Errorf("-lrs: %w", err)
	}
	return lrs, nil
}

// mapping checks each mapping flag on its own, so that an error names it,
// and returns their options.
func (f *lrsFlags) mapping() ([]xapi.Option, error) {
	opts := []xapi.Option{xapi.WithActivityBase(f.activityBase), xapi.WithLanguage(f.lang)}
	if err := checkOption("-xapi-activity-base", opts[0]); err != nil {
		return nil, err
	}
	if err := checkOption("-xapi-language", opts[1]); err != nil {
		return nil, err
	}
	for _, hp := range f.homePages {
		vendor, page, ok := strings.Cut(hp, "=")
		if !ok {
			return nil, fmt.Errorf("-xapi-home-page must be vendor=url, not %q", hp)
		}
		opt := xapi.WithVendorHomePage(canonical.Vendor(vendor), page)
		if err := checkOption("-xapi-home-page", opt); err != nil {
			return nil, err
		}
		opts = append(opts, opt)
	}
	if f.customerHome != "" {
		opt := xapi.WithCustomerHomePage(f.customerHome)
		if err := checkOption("-xapi-customer-home-page", opt); err != nil {
			return nil, err
		}
		opts = append(opts, opt)
	}
	if len(f.optIn) > 0 {
		types := make([]canonical.Type, len(f.optIn))
		for i, t := range f.optIn {
			types[i] = canonical.Type(t)
		}
		opt := xapi.WithOptIn(types...)
		if err := checkOption("-xapi-opt-in", opt); err != nil {
			return nil, err
		}
		opts = append(opts, opt)
	}
	if f.mboxSHA1Sum {
		opts = append(opts, xapi.WithMboxSHA1Sum())
	}
	if f.alwaysAccount {
		opts = append(opts, xapi.WithAlwaysAccount())
	}
	return opts, nil
}

// checkOption reports, naming flag, why opt alone would make invalid
// statements; the error wraps xapi.ErrInvalidOption.
func checkOption(flag string, opt xapi.Option) error {
	if _, err := xapi.Statements(canonical.Event{}, opt); errors.Is(err, xapi.ErrInvalidOption) {
		return fmt.Errorf("%s: %w", flag, err)
	}
	return nil
}
