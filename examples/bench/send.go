package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// result is what one run sent and got back.
type result struct {
	sent     []delivery
	status   []int           // per delivery; 0 when not sent (time ran out) or failed
	latency  []time.Duration // per delivery
	duration time.Duration
}

// send posts the deliveries with cfg.senders concurrent senders over
// keep-alive connections, until all are sent or cfg.maxTime has passed.
func send(url string, deliveries []delivery, cfg config) result {
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: cfg.senders, MaxIdleConnsPerHost: cfg.senders},
	}
	r := result{sent: deliveries, status: make([]int, len(deliveries)), latency: make([]time.Duration, len(deliveries))}
	next := make(chan int)
	ctx, cancel := context.WithTimeout(context.Background(), cfg.maxTime)
	defer cancel()
	var wg sync.WaitGroup
	begin := time.Now()
	for range cfg.senders {
		wg.Go(func() {
			for i := range next {
				r.status[i], r.latency[i] = post(ctx, client, url, deliveries[i].body)
			}
		})
	}
feed:
	for i := range deliveries {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	r.duration = time.Since(begin)
	client.CloseIdleConnections()
	return r
}

func post(ctx context.Context, client *http.Client, url string, body []byte) (int, time.Duration) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, 0
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode, time.Since(start)
}

func (r result) ok() int {
	n := 0
	for _, s := range r.status {
		if s >= 200 && s < 300 {
			n++
		}
	}
	return n
}

func (r result) rate() float64 { return float64(r.ok()) / r.duration.Seconds() }

// eventRate is the distinct events of the 2xx deliveries per second.
func (r result) eventRate() float64 { return float64(r.expectedEvents()) / r.duration.Seconds() }

// expectedEvents counts the distinct canonical ids of the 2xx deliveries.
func (r result) expectedEvents() int { return len(r.expected()) }

func (r result) expected() map[string]bool {
	want := map[string]bool{}
	for i, d := range r.sent {
		if r.status[i] >= 200 && r.status[i] < 300 {
			for _, id := range d.ids {
				want[id] = true
			}
		}
	}
	return want
}

// audit compares the printed ids with the expected ones: lost (expected,
// never printed), dup (printed more than once), extra (printed, not
// expected).
func (r result) audit(printed map[string]int) (lost, dup, extra int) {
	want := r.expected()
	for id := range want {
		if printed[id] == 0 {
			lost++
		}
	}
	for id, n := range printed {
		if n > 1 {
			dup++
		}
		if !want[id] {
			extra++
		}
	}
	return lost, dup, extra
}

func (r result) row(name string) {
	var lat []time.Duration
	for i, s := range r.status {
		if s != 0 {
			lat = append(lat, r.latency[i])
		}
	}
	slices.Sort(lat)
	fmt.Printf("| %s | %d | %d | %.0f | %.0f | %s | %s |\n", name, len(r.sent), r.ok(), r.rate(), r.eventRate(),
		percentile(lat, 0.50), percentile(lat, 0.99))
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(p*float64(len(sorted)-1))].Round(time.Microsecond)
}

// lineID returns the "id" of a printed canonical event. The id is the
// first key of the canonical form, so a prefix cut finds it without a
// decode, which would take CPU from the receiver on a small machine.
func lineID(line []byte) string {
	if rest, ok := bytes.CutPrefix(line, []byte(`{"id":"`)); ok {
		if id, _, ok := bytes.Cut(rest, []byte(`"`)); ok && !bytes.Contains(id, []byte(`\`)) {
			return string(id)
		}
	}
	var e struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(line, &e) != nil || e.ID == "" {
		return "unreadable line"
	}
	return e.ID
}

// machine names the CPU model, the CPU count and the Go version.
func machine() string {
	model := "unknown CPU"
	if info, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(info), "\n") {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d CPUs, %s %s/%s", model, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
