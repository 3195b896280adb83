package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
)

// receiverProcess is the receiver binary running with a store.
type receiverProcess struct {
	cmd  *exec.Cmd
	addr string
	mu   sync.Mutex
	ids  []string // of the lines printed on stdout
	done chan struct{}
}

var listeningAddr = regexp.MustCompile(`msg=listening addr=(\S+)`) // the log line that names the address

// startReceiver runs the binary with args and waits until it listens.
func startReceiver(t testing.TB, bin string, args ...string) *receiverProcess {
	t.Helper()
	p := &receiverProcess{cmd: exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...), done: make(chan struct{})}
	stdout, err := p.cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := p.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, p.cmd.Start())
	t.Cleanup(func() { p.cmd.Process.Kill(); <-p.done })
	go func() {
		defer close(p.done)
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			var e struct{ ID string }
			if err := json.Unmarshal(lines.Bytes(), &e); err != nil {
				t.Errorf("printed line is not an event: %s", lines.Bytes())
			}
			p.mu.Lock()
			p.ids = append(p.ids, e.ID)
			p.mu.Unlock()
		}
		p.cmd.Wait()
	}()
	addr := make(chan string, 1)
	go func() {
		logs := bufio.NewScanner(stderr)
		for logs.Scan() {
			if m := listeningAddr.FindSubmatch(logs.Bytes()); m != nil {
				addr <- string(m[1])
			}
		}
	}()
	select {
	case p.addr = <-addr:
	case <-time.After(30 * time.Second):
		t.Fatal("the receiver did not start listening")
	}
	return p
}

func (p *receiverProcess) printed() []string {
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ids
}

// killDelivery is one body sent and the ids it must store.
type killDelivery struct {
	body []byte
	ids  []string
}

// killDeliveries varies MCG's documented course_finish so that each has new
// ids.
func killDeliveries(t testing.TB, n int) []killDelivery {
	t.Helper()
	doc := mustRead(t, "../../testdata/mcg/course_finish.json")
	out := make([]killDelivery, n)
	for i := range out {
		body := bytes.Replace(doc, []byte("eren@minicoursegenerator.com"), fmt.Appendf(nil, "learner-%d@example.com", i), 1)
		events, err := canonical.ParseRequest(http.Header{"Content-Type": {"application/json"}}, body)
		require.NoError(t, err)
		for _, e := range events {
			out[i].ids = append(out[i].ids, e.ID)
		}
		out[i].body = body
	}
	return out
}

// sendAll posts every delivery with senders goroutines until done, and
// returns which were answered 2xx. stop, when not nil, is called once
// after `after` acknowledgements.
func sendAll(url string, ds []killDelivery, senders int, after int64, stop func()) []bool {
	acked := make([]bool, len(ds))
	var n atomic.Int64
	var once sync.Once
	next := make(chan int)
	go func() {
		for i := range ds {
			next <- i
		}
		close(next)
	}()
	client := &http.Client{Timeout: 30 * time.Second}
	var wg sync.WaitGroup
	for range senders {
		wg.Go(func() {
			for i := range next {
				resp, err := client.Post(url, "application/json", bytes.NewReader(ds[i].body))
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode/100 == 2 {
					acked[i] = true
					if n.Add(1) == after && stop != nil {
						once.Do(stop)
					}
				}
			}
		})
	}
	wg.Wait()
	return acked
}

// TestKill9UnderLoadLosesNothingAcknowledged builds the receiver, runs it
// with a SQLite store, kills it with SIGKILL while 32 senders post, restarts
// it and sends everything again: every event answered 2xx before the kill
// is stored exactly once (as examples/inbox export lists them), every event
// is stored at the end, and no event was ever printed twice.
func TestKill9UnderLoadLosesNothingAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the receiver binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "receiver")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "lmshooks.db")
	ds := killDeliveries(t, 3000)

	first := startReceiver(t, bin, "-store", db)
	ackedBeforeKill := sendAll("http://"+first.addr+"/webhooks", ds, 32, 800, func() {
		first.cmd.Process.Signal(syscall.SIGKILL)
	})
	printedBefore := first.printed()
	killedAt := count(ackedBeforeKill)
	if killedAt >= len(ds) {
		t.Fatalf("all %d deliveries were acknowledged before the kill took effect: not a kill under load", killedAt)
	}

	second := startReceiver(t, bin, "-store", db)
	ackedAfter := sendAll("http://"+second.addr+"/webhooks", ds, 32, 0, nil)
	if n := count(ackedAfter); n != len(ds) {
		t.Fatalf("after the restart %d of %d deliveries were acknowledged, want all", n, len(ds))
	}
	second.cmd.Process.Signal(syscall.SIGTERM)
	printedAfter := second.printed()

	// What `go run ./examples/inbox export -store lmshooks.db` prints.
	tool := filepath.Join(dir, "inbox")
	if out, err := exec.Command("go", "build", "-o", tool, "../inbox").CombinedOutput(); err != nil {
		t.Fatalf("go build ../inbox: %v\n%s", err, out)
	}
	exported, err := exec.Command(tool, "export", "-store", db).Output()
	require.NoError(t, err)
	stored := map[string]int{}
	for line := range bytes.Lines(exported) {
		var e struct{ ID string }
		require.NoError(t, json.Unmarshal(line, &e), "export printed %s", line)
		stored[e.ID]++
	}
	for i, d := range ds {
		for _, id := range d.ids {
			if stored[id] != 1 {
				t.Errorf("delivery %d (acknowledged before the kill: %v): event %s stored %d times, want 1", i, ackedBeforeKill[i], id, stored[id])
			}
		}
	}
	printedTimes := map[string]int{}
	for _, id := range append(printedBefore, printedAfter...) {
		if printedTimes[id]++; printedTimes[id] == 2 {
			t.Errorf("event %s was printed twice", id)
		}
		if stored[id] == 0 {
			t.Errorf("event %s was printed but is not stored", id)
		}
	}
	t.Logf("killed after %d acknowledgements; %d lines printed before the kill, %d after the restart; %d events stored",
		killedAt, len(printedBefore), len(printedAfter), len(stored))
}

func count(acked []bool) int {
	n := 0
	for _, a := range acked {
		if a {
			n++
		}
	}
	return n
}
