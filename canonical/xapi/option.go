package xapi

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lmshooks/lmshooks/canonical"
)

// ErrInvalidOption is returned (wrapped) by Statements and NewLRS for an
// option that would make invalid statements, such as an activity base that
// is not an absolute IRI.
var ErrInvalidOption = errors.New("xapi: invalid option")

// DefaultActivityBase is the start of every activity id unless
// WithActivityBase says otherwise.
const DefaultActivityBase = "https://lmshooks.dev/xapi/activities"

// Option changes how Statements maps events.
type Option func(*config)

// config is the mapping's settings, after the options.
type config struct {
	activityBase     string
	homePages        map[canonical.Vendor]string
	customerHomePage string
	language         string
	mboxSHA1Sum      bool
	alwaysAccount    bool
	optIn            map[canonical.Type]bool
	problems         []string // misused options, reported by check
}

// WithActivityBase sets the start of every activity id (default
// DefaultActivityBase). It must be an absolute IRI, and stay the same
// forever: an activity id, once used, must never change.
func WithActivityBase(iri string) Option {
	return func(c *config) { c.activityBase = strings.TrimRight(iri, "/") }
}

// WithVendorHomePage sets the account home page of a vendor's learner ids
// (default https://lmshooks.dev/vendors/<vendor>); it should be the
// customer's tenant URL on that vendor, such as https://acme.braincert.com.
// It is also the id of the platform activity of user.created statements.
func WithVendorHomePage(vendor canonical.Vendor, iri string) Option {
	return func(c *config) {
		if !vendor.Valid() {
			c.problems = append(c.problems, fmt.Sprintf("vendor %q is not known", vendor))
			return
		}
		c.homePages[vendor] = iri
	}
}

// WithCustomerHomePage sets the home page of the customer's own system.
// Only with it does an event whose learner has an external id and neither
// an e-mail nor a vendor id give statements (actor rule 3).
func WithCustomerHomePage(iri string) Option {
	return func(c *config) { c.customerHomePage = iri }
}

// WithLanguage sets the language tag of activity names (default "und",
// undetermined, since vendors do not say in which language a course is).
func WithLanguage(tag string) Option {
	return func(c *config) { c.language = tag }
}

// WithMboxSHA1Sum identifies learners by the SHA-1 of their mbox (with the
// domain lower-cased) instead of the mbox itself, so that the LRS holds no
// e-mail addresses.
func WithMboxSHA1Sum() Option {
	return func(c *config) { c.mboxSHA1Sum = true }
}

// WithAlwaysAccount identifies a learner by their vendor account whenever
// the vendor id is known, even when the e-mail is known too: one agent per
// person even when only some of a vendor's events carry the e-mail.
func WithAlwaysAccount() Option {
	return func(c *config) { c.alwaysAccount = true }
}

// WithOptIn turns on the types that give statements only on request:
// canonical.TypeOrderCompleted (purchased) and
// canonical.TypeNotificationSent (received). Any other type is an invalid
// option.
func WithOptIn(types ...canonical.Type) Option {
	return func(c *config) {
		for _, t := range types {
			if !optInTypes[t] {
				c.problems = append(c.problems, fmt.Sprintf("type %q is not an opt-in type", t))
				continue
			}
			c.optIn[t] = true
		}
	}
}

// optInTypes are the types WithOptIn accepts.
var optInTypes = map[canonical.Type]bool{
	canonical.TypeOrderCompleted:   true,
	canonical.TypeNotificationSent: true,
}

// newConfig applies opts over the defaults and checks the result.
func newConfig(opts []Option) (*config, error) {
	c := &config{
		activityBase: DefaultActivityBase,
		homePages:    make(map[canonical.Vendor]string, len(platforms)),
		language:     "und",
		optIn:        map[canonical.Type]bool{},
	}
	for vendor := range platforms {
		c.homePages[vendor] = "https://lmshooks.dev/vendors/" + string(vendor)
	}
	for _, opt := range opts {
		opt(c)
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrInvalidOption, err)
	}
	return c, nil
}

// check reports the first option that would make invalid statements.
func (c *config) check() error {
	if len(c.problems) > 0 {
		return errors.New(c.problems[0])
	}
	if err := checkIRI(c.activityBase); err != nil {
		return fmt.Errorf("activity base: %w", err)
	}
	for _, vendor := range sortedKeys(c.homePages) {
		if err := checkIRI(c.homePages[vendor]); err != nil {
			return fmt.Errorf("%s home page: %w", vendor, err)
		}
	}
	if c.customerHomePage != "" {
		if err := checkIRI(c.customerHomePage); err != nil {
			return fmt.Errorf("customer home page: %w", err)
		}
	}
	if !validLanguage(c.language) {
		return fmt.Errorf("language %q is not a BCP 47 tag", c.language)
	}
	return nil
}
