package main

import (
	"net/http"
	"strings"

	"github.com/lmshooks/lmshooks/braincert/braincerttest"
	"github.com/lmshooks/lmshooks/easygenerator/easygeneratortest"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
	"github.com/lmshooks/lmshooks/mcg/mcgtest"
	"github.com/lmshooks/lmshooks/toolzz/toolzztest"
)

// row is one example as -list prints it.
type row struct {
	vendor, event, file string
	eventName           string // what the vendor's parser names the body's event
}

// vendor is one vendor's examples and its way of sending them, both from the
// vendor's test package.
type vendor struct {
	name string
	rows func() []row
	// request builds the request for the example found by name, with body in
	// place of the documented body when body is not nil; ok is false when
	// there is no such example.
	request func(name string, body []byte, cfg config) (req *http.Request, ok bool)
}

// vendorOf builds a vendor from its test package's functions. build sends
// one example with the flags that concern the vendor.
func vendorOf[E any](name string, examples func() []E, lookup func(string) (E, bool),
	describe func(E) row, build func(ex E, body []byte, cfg config) *http.Request) vendor {
	return vendor{
		name: name,
		rows: func() []row {
			var rows []row
			for _, ex := range examples() {
				r := describe(ex)
				r.vendor = name
				rows = append(rows, r)
			}
			return rows
		},
		request: func(event string, body []byte, cfg config) (*http.Request, bool) {
			ex, ok := lookup(event)
			if !ok {
				return nil, false
			}
			return build(ex, body, cfg), true
		},
	}
}

// vendors is every vendor send knows, sorted by name.
var vendors = []vendor{
	vendorOf("braincert", braincerttest.Examples, braincerttest.Lookup,
		func(ex braincerttest.Example) row { return row{event: ex.Name, file: ex.File, eventName: ex.EventName} },
		func(ex braincerttest.Example, body []byte, cfg config) *http.Request {
			var opts []braincerttest.Option
			if user, pass, ok := strings.Cut(cfg.basicAuth, ":"); ok {
				opts = append(opts, braincerttest.WithBasicAuth(user, pass))
			}
			ex.Body = replace(ex.Body, body)
			return braincerttest.NewRequest(cfg.url, ex, opts...)
		}),
	vendorOf("easygenerator", easygeneratortest.Examples, easygeneratortest.Lookup,
		func(ex easygeneratortest.Example) row {
			return row{event: ex.Name, file: ex.File, eventName: ex.EventName}
		},
		func(ex easygeneratortest.Example, body []byte, cfg config) *http.Request {
			var opts []easygeneratortest.Option
			if cfg.origin != "" {
				opts = append(opts, easygeneratortest.WithOrigin(cfg.origin))
			}
			ex.Body = replace(ex.Body, body)
			return easygeneratortest.NewRequest(cfg.url, ex, opts...)
		}),
	vendorOf("learnink", learninktest.Examples, learninktest.Lookup,
		func(ex learninktest.Example) row { return row{event: ex.Name, file: ex.File, eventName: ex.EventName} },
		func(ex learninktest.Example, body []byte, cfg config) *http.Request {
			var opts []learninktest.Option
			if cfg.learninkSecret != "" {
				opts = append(opts, learninktest.WithSecret(cfg.learninkSecret))
			}
			ex.Body = replace(ex.Body, body)
			return learninktest.NewRequest(cfg.url, ex, opts...)
		}),
	vendorOf("mcg", mcgtest.Examples, mcgtest.Lookup,
		func(ex mcgtest.Example) row { return row{event: ex.Name, file: ex.File, eventName: ex.EventName} },
		func(ex mcgtest.Example, body []byte, cfg config) *http.Request {
			ex.Body = replace(ex.Body, body)
			return mcgtest.NewRequest(cfg.url, ex)
		}),
	vendorOf("toolzz", toolzztest.Examples, toolzztest.Lookup,
		func(ex toolzztest.Example) row { return row{event: ex.Name, file: ex.File, eventName: ex.EventName} },
		func(ex toolzztest.Example, body []byte, cfg config) *http.Request {
			ex.Body = replace(ex.Body, body)
			return toolzztest.NewRequest(cfg.url, ex)
		}),
}

// replace returns body when it is given (-body), else the documented one.
func replace(documented, body []byte) []byte {
	if body != nil {
		return body
	}
	return documented
}

func vendorNames() []string {
	names := make([]string, len(vendors))
	for i, v := range vendors {
		names[i] = v.name
	}
	return names
}

func findVendor(name string) (vendor, bool) {
	for _, v := range vendors {
		if v.name == name {
			return v, true
		}
	}
	return vendor{}, false
}
