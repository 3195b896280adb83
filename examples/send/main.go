// Command send posts a vendor's documented webhook example to a URL, the way
// that vendor sends it, and prints the answer: a way to try your own endpoint
// (or lmshooks' example receiver) without the vendor, like "stripe trigger".
//
//	go run ./examples/send -list
//	go run ./examples/send -vendor braincert -event course_completion.completed http://127.0.0.1:8080/webhooks/braincert
//	go run ./examples/send -vendor mcg -event course_finish http://127.0.0.1:8080/webhooks
//
// -list prints one "vendor event file" row per example (-vendor narrows it).
// -event takes the event name -list shows, or the example's file name. The
// request is the vendor's: POST, its Content-Type (BrainCert's XML examples
// as application/xml), BrainCert's Basic credentials with -basic-auth
// user:pass, LearnInk's Svix signature with -learnink-secret whsec_...,
// Easygenerator's browser Origin with -origin. -body file sends that file
// instead of the documented body, in the same way (pick an XML example to
// send XML to BrainCert).
//
// It prints the response's status line and body to stdout and exits 1 when
// the status is not 2xx, or when the request fails (-timeout, default 10s).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "send:", err)
		os.Exit(1)
	}
}

// run is the whole command, with its arguments and outputs given, for tests.
func run(args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if cfg.list {
		return list(cfg, stdout)
	}
	return send(cfg, stdout, stderr)
}
