//go:build !race

// The floods of issue 12 against the receiver. The race detector's runtime
// multiplies allocations and time, so the heap bound and the 100 000 posts
// are for a plain build only.

package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink/learninktest"
)

// floodBodies and floodBodyBytes are the attack of issue 12: 200 bodies just
// under the 4 MiB body limit at once, each an unknown MCG event (MCG sends
// no credentials, so anyone can), distinct so that de-duplication does not
// shortcut them.
const (
	floodBodies    = 200
	floodBodyBytes = 4<<20 - 1024
)

// maxFloodHeap bounds the receiver's heap under the flood: the 64 MiB of
// bodies in flight, what parsing and printing them takes, and the
// collector's headroom (GOGC), well under the 512 MiB of resident memory
// the issue allows.
const maxFloodHeap = 512 << 20

// floodBody streams one flood body without holding it.
func floodBody(i int) io.Reader {
	head := fmt.Sprintf(`{"Type":"flood_probe","n":%d,"pad":"`, i)
	tail := `"}`
	return io.MultiReader(strings.NewReader(head), io.LimitReader(padding{}, int64(floodBodyBytes-len(head)-len(tail))), strings.NewReader(tail))
}

type padding struct{}

func (padding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestFloodOfLargeBodiesIsBounded sends the flood, half with a declared
// length and half chunked, to the receiver with its default
// -max-inflight-bytes, and checks that every request is answered 200 or 503
// (with Retry-After) and that the heap stays bounded meanwhile.
func TestFloodOfLargeBodiesIsBounded(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	srv := httptest.NewServer(newMux(cfg, newDeliver(cfg, io.Discard), slog.New(slog.DiscardHandler)))
	defer srv.Close()

	peak := sampleHeap(t)
	var ok, busy atomic.Int32
	var wg sync.WaitGroup
	for i := range floodBodies {
		wg.Go(func() {
			body := floodBody(i)
			if i%2 == 0 {
				body = io.NopCloser(body) // hides the length: sent chunked
			}
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/webhooks", body)
			if err != nil {
				t.Error(err)
				return
			}
			if i%2 == 1 {
				req.ContentLength = floodBodyBytes
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Errorf("request %d got no answer: %v", i, err)
				return
			}
			answer, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			switch {
			case resp.StatusCode == http.StatusOK:
				ok.Add(1)
			case resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" && bytes.Contains(answer, []byte(`"error"`)):
				busy.Add(1)
			default:
				t.Errorf("request %d: %d %s", i, resp.StatusCode, answer)
			}
		})
	}
	wg.Wait()
	max := peak()
	t.Logf("%d bodies of %.1f MiB: %d answered 200, %d answered 503; peak heap %d MiB", floodBodies, float64(floodBodyBytes)/(1<<20), ok.Load(), busy.Load(), max>>20)
	assert.Equal(t, int32(floodBodies), ok.Load()+busy.Load())
	assert.Positive(t, ok.Load(), "some bodies must get through")
	assert.Less(t, max, uint64(maxFloodHeap), "peak heap")
}

// sampleHeap samples the heap's object bytes (live and not yet swept)
// every millisecond until the returned function is called, which returns
// the largest sample.
func sampleHeap(t *testing.T) func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	var peak uint64
	read := func() uint64 {
		once.Do(func() { close(stop); peak = <-done })
		return peak
	}
	t.Cleanup(func() { read() })
	return read
}

// TestDedupSurvivesAnonymousMCGFlood is the de-duplication attack of issue
// 12 on the receiver with its default in-memory store: a signed LearnInk
// delivery, then 100 000 unauthenticated MCG posts with distinct bodies,
// then LearnInk's retry, which must be answered 200 and not printed again.
func TestDedupSurvivesAnonymousMCGFlood(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	cfg, err := parseFlags([]string{"-learnink-secret", secret}, io.Discard)
	require.NoError(t, err)
	var out lineCounter
	mux := newMux(cfg, newDeliver(cfg, &out), slog.New(slog.DiscardHandler))
	post := func(path string, body []byte, header http.Header) {
		t.Helper()
		r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		for name, values := range header {
			r.Header[name] = values
		}
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	}

	body := golden.Read(t, "../../testdata/learnink/user.course.started.json")
	signature, err := learninktest.Sign(secret, "msg_flood", time.Now(), body)
	require.NoError(t, err)
	signed := http.Header{"Content-Type": {"application/json"}, "Svix-Id": {"msg_flood"},
		"Svix-Timestamp": {strconv.FormatInt(time.Now().Unix(), 10)}, "Svix-Signature": {signature}}
	post("/webhooks/learnink", body, signed)
	require.Equal(t, 1, out.count(`"vendor":"learnink"`))

	for i := range cfg.dedupSize {
		post("/webhooks", fmt.Appendf(nil, `{"Type":"flood_probe","n":%d}`, i), nil)
	}
	require.Equal(t, cfg.dedupSize, out.count(`"vendor":"mcg"`), "every distinct MCG body is printed")
	post("/webhooks/learnink", body, signed)
	assert.Equal(t, 1, out.count(`"vendor":"learnink"`), "the LearnInk retry was printed again")
}

// lineCounter counts the printed events of LearnInk and of MCG, without
// keeping them.
type lineCounter struct {
	mu   sync.Mutex
	seen map[string]int
}

func (c *lineCounter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil {
		c.seen = map[string]int{}
	}
	for _, s := range []string{`"vendor":"learnink"`, `"vendor":"mcg"`} {
		c.seen[s] += bytes.Count(p, []byte(s))
	}
	return len(p), nil
}

func (c *lineCounter) count(s string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[s]
}
