package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
)

// maxAnswer is how much of a response body is printed.
const maxAnswer = 1 << 20

// list prints "vendor event file" rows, for one vendor or all.
func list(cfg config, stdout io.Writer) error {
	selected := vendors
	if cfg.vendor != "" {
		v, err := lookupVendor(cfg.vendor)
		if err != nil {
			return err
		}
		selected = []vendor{v}
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, v := range selected {
		for _, r := range v.rows() {
			fmt.Fprintf(w, "%s\t%s\t%s\n", r.vendor, shellWord(r.event), r.file)
		}
	}
	return w.Flush()
}

// send posts the example as its vendor does and prints the answer. A
// status other than 2xx is an error, after the answer is printed.
func send(cfg config, stdout, stderr io.Writer) error {
	v, err := lookupVendor(cfg.vendor)
	if err != nil {
		return err
	}
	var body []byte
	if cfg.bodyFile != "" {
		if body, err = os.ReadFile(cfg.bodyFile); err != nil {
			return fmt.Errorf("-body: %w", err)
		}
	}
	req, ok := v.request(cfg.event, body, cfg)
	if !ok {
		return fmt.Errorf("%s has no example %q; it has: %s", v.name, cfg.event, strings.Join(eventNames(v), ", "))
	}
	fmt.Fprintf(stderr, "POST %s (%s %s, %s)\n", cfg.url, v.name, cfg.event, req.Header.Get("Content-Type"))
	client := &http.Client{Timeout: cfg.timeout}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return fmt.Errorf("reading the answer: %w", err)
	}
	fmt.Fprintln(stdout, resp.Status)
	if len(answer) > 0 {
		fmt.Fprintln(stdout, strings.TrimRight(string(answer), "\n"))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("the endpoint answered %s", resp.Status)
	}
	return nil
}

func lookupVendor(name string) (vendor, error) {
	v, ok := findVendor(name)
	if !ok {
		return v, fmt.Errorf("unknown vendor %q; known: %s", name, strings.Join(vendorNames(), ", "))
	}
	return v, nil
}

func eventNames(v vendor) []string {
	var names []string
	for _, r := range v.rows() {
		names = append(names, shellWord(r.event))
	}
	return names
}

// shellWord quotes a name that holds a space (BrainCert's "virtual
// classroom" topics), so that it can be pasted after -event.
func shellWord(name string) string {
	if strings.ContainsAny(name, " \t") {
		return `"` + name + `"`
	}
	return name
}
