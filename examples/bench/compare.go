package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/lmshooks/lmshooks/internal/benchbody"
)

// The baselines of -compare, beside the bare handler (which only reads the
// body): what a user writes without the library.
//
//	decode-only  decodes the body with encoding/json (into any) and answers
//	naive        decodes it into map[string]any, prints it as a JSON line
//	             on stdout, and answers: the hand-written integration
const (
	baselineDecodeOnly = "decode-only"
	baselineNaive      = "naive"
)

// serveBaseline serves one of the baselines above.
func serveBaseline(name string) {
	var mu sync.Mutex // one line at a time, as the receiver
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	switch name {
	case baselineDecodeOnly:
		serveHandler(func(w http.ResponseWriter, r *http.Request) {
			var v any
			if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			answerOK(w)
		})
	case baselineNaive:
		serveHandler(func(w http.ResponseWriter, r *http.Request) {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			mu.Lock()
			err = out.Encode(m)
			mu.Unlock()
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			answerOK(w)
		})
	default:
		fmt.Fprintf(os.Stderr, "bench: -serve %q: want %s or %s\n", name, baselineNaive, baselineDecodeOnly)
		os.Exit(2)
	}
}

// compare runs cfg.rounds rounds, each sending the same deliveries to the
// bare handler, the two baselines and the receiver (-store memory), one
// after the other, for the 1 KB BrainCert purchase.completed and the 88 KB
// MCG course_finish; it prints every round's req/s and the median and
// spread (min-max) of the receiver's ratios to each.
func compare(cfg config) error {
	small, err := os.ReadFile(filepath.Join(cfg.testdata, "braincert", "purchase.completed.json"))
	if err != nil {
		return err
	}
	documented, err := os.ReadFile(filepath.Join(cfg.testdata, "mcg", "course_finish.json"))
	if err != nil {
		return err
	}
	large, err := benchbody.CourseFinish(documented)
	if err != nil {
		return err
	}
	dir, receiverBin, self, err := binaries(cfg.receiver)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	servers := []struct {
		name, bin string
		args      []string
		route     string
	}{
		{"bare", self, []string{"-serve-bare"}, "/"},
		{baselineDecodeOnly, self, []string{"-serve", baselineDecodeOnly}, "/"},
		{baselineNaive, self, []string{"-serve", baselineNaive}, "/"},
		{"receiver", receiverBin, []string{"-addr", "127.0.0.1:0", "-store", "memory"}, cfg.route},
	}
	fmt.Printf("machine: %s\n", machine())
	fmt.Printf("%d senders on 127.0.0.1, %d requests per run, %d rounds\n", cfg.senders, cfg.requests, cfg.rounds)
	for _, body := range []struct {
		name string
		body []byte
	}{{"1 KB braincert purchase.completed", small}, {"88 KB mcg course_finish (100 cards)", large}} {
		deliveries, err := makeDeliveries([][]byte{body.body}, cfg.requests)
		if err != nil {
			return err
		}
		fmt.Printf("\n%s (%d bytes), req/s\n\n| round | bare | decode-only | naive | receiver |\n|---:|---:|---:|---:|---:|\n", body.name, len(body.body))
		rates := map[string][]float64{}
		for round := range cfg.rounds {
			fmt.Printf("| %d |", round+1)
			for _, s := range servers {
				srv, err := start(s.bin, s.args, s.route)
				if err != nil {
					return err
				}
				r := send(srv.url+s.route, deliveries, cfg)
				srv.stop()
				if r.ok() != len(deliveries) {
					return fmt.Errorf("%s: %d of %d requests answered 2xx", s.name, r.ok(), len(deliveries))
				}
				rates[s.name] = append(rates[s.name], r.rate())
				fmt.Printf(" %.0f |", r.rate())
			}
			fmt.Println()
		}
		fmt.Println()
		for _, base := range []string{baselineNaive, baselineDecodeOnly, "bare"} {
			ratios := make([]float64, cfg.rounds)
			for i := range ratios {
				ratios[i] = rates["receiver"][i] / rates[base][i]
			}
			slices.Sort(ratios)
			fmt.Printf("receiver / %s: median %.2f (spread %.2f-%.2f over %d rounds)\n",
				base, median(ratios), ratios[0], ratios[len(ratios)-1], len(ratios))
		}
	}
	return nil
}

// median of sorted values.
func median(sorted []float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// binaries makes a temp dir (the caller removes it), builds the receiver
// package into it, and returns it with the receiver's path and this
// program's own (which serves the baselines).
func binaries(pkg string) (dir, receiver, self string, err error) {
	dir, err = os.MkdirTemp("", "lmshooks-bench")
	if err != nil {
		return "", "", "", err
	}
	receiver = filepath.Join(dir, "receiver")
	if out, err := runGo("build", "-o", receiver, pkg); err != nil {
		os.RemoveAll(dir)
		return "", "", "", errors.Join(fmt.Errorf("building %s: %w", pkg, err), errors.New(string(out)))
	}
	if self, err = os.Executable(); err != nil {
		os.RemoveAll(dir)
		return "", "", "", err
	}
	return dir, receiver, self, nil
}
