//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/golden"
)

// learnerBody is the documented MCG course_finish with learner n, so that
// each n is another event (another canonical id); pad bytes lengthen the
// course name, and so the printed line.
func learnerBody(t *testing.T, n, pad int) []byte {
	t.Helper()
	body := golden.Read(t, "../../testdata/mcg/course_finish.json")
	body = bytes.Replace(body, []byte(`"eren@minicoursegenerator.com"`), fmt.Appendf(nil, `"learner-%d@example.com"`, n), 1)
	return bytes.Replace(body, []byte(`"courseName":"Vibe Coding`), fmt.Appendf(nil, `"courseName":"%sVibe Coding`, strings.Repeat("x", pad)), 1)
}

// postLearner posts learnerBody(n, pad) and returns the status and how long
// the answer took.
func postLearner(t *testing.T, addr string, n, pad int) (int, time.Duration) {
	t.Helper()
	client := &http.Client{Timeout: 20 * time.Second}
	start := time.Now()
	resp, err := client.Post("http://"+addr+"/webhooks/mcg", "application/json", bytes.NewReader(learnerBody(t, n, pad)))
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, time.Since(start)
}

// learnersPrinted parses every printed line (each must be a whole canonical
// event) and returns their learner ids in order.
func learnersPrinted(t *testing.T, out []byte) []string {
	t.Helper()
	var ids []string
	for i, line := range strings.SplitAfter(string(out), "\n") {
		if line == "" {
			continue
		}
		require.True(t, strings.HasSuffix(line, "\n"), "line %d has no end: %.80q", i+1, line)
		id, err := learnerOf([]byte(line))
		require.NoError(t, err, "line %d is not whole: %.80q", i+1, line)
		ids = append(ids, id)
	}
	return ids
}

// learnerOf returns the learner id of a printed canonical event.
func learnerOf(line []byte) (string, error) {
	var e struct {
		Learner struct{ ID string } `json:"learner"`
	}
	err := json.Unmarshal(line, &e)
	return e.Learner.ID, err
}

func learnerID(n int) string { return fmt.Sprintf("learner-%d@example.com", n) }

func learnerIDs(ns []int) []string {
	ids := make([]string, len(ns))
	for i, n := range ns {
		ids[i] = learnerID(n)
	}
	return ids
}

// TestStdoutPipeNobodyReads: with stdout a pipe nobody reads, each delivery
// that cannot be printed is answered 500 within the write timeout (2 s
// here), never later; once the pipe is read, exactly the events answered
// 200 are in it, as whole lines, and the refused ones are printed only when
// sent again. Lines over PIPE_BUF (4096 bytes) are covered too.
func TestStdoutPipeNobodyReads(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	t.Cleanup(func() { r.Close(); w.Close() })
	addr := startRun(t, w, io.Discard, "-store", "memory", "-write-timeout", "2s").addr
	stallPipe(t, addr, r)
}

// TestBuiltReceiverWithStalledPipe is TestStdoutPipeNobodyReads with the
// built receiver, whose stdout is a blocking pipe as a shell gives it.
func TestBuiltReceiverWithStalledPipe(t *testing.T) {
	t.Parallel()
	bin := buildReceiver(t)
	r, w, err := os.Pipe()
	require.NoError(t, err)
	t.Cleanup(func() { r.Close(); w.Close() })
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-store", "memory", "-write-timeout", "2s")
	cmd.Stdout = w // os/exec hands the child this pipe in blocking mode
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	logs := bufio.NewScanner(stderr)
	var addr string
	for addr == "" && logs.Scan() {
		if _, after, ok := strings.Cut(logs.Text(), " addr="); ok {
			addr = after
		}
	}
	require.NotEmpty(t, addr, "the receiver did not say where it listens")
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	stallPipe(t, addr, r)
}

// stallPipe fills the receiver's stdout pipe, which nothing reads, until
// deliveries are refused, then reads it and sends the refused ones again.
func stallPipe(t *testing.T, addr string, r *os.File) {
	t.Helper()
	const longLine = 6000

	var printed, refused []int
	pads := map[int]int{}
	send := func(n, pad int) int {
		pads[n] = pad
		status, took := postLearner(t, addr, n, pad)
		require.Less(t, took, 4*time.Second, "delivery %d answered long after the write timeout (2 s)", n)
		require.Contains(t, []int{http.StatusOK, http.StatusInternalServerError}, status)
		if status == http.StatusOK {
			printed = append(printed, n)
		} else {
			refused = append(refused, n)
		}
		return status
	}
	for n := 0; len(refused) == 0; n++ {
		require.Less(t, n, 1000, "a 64 KiB pipe never filled")
		send(n, 0)
	}
	send(len(printed)+1, longLine)
	require.Len(t, refused, 2, "the long line waits for an empty pipe")
	t.Logf("pipe full after %d lines; %v refused", len(printed), refused)

	want := append(learnerIDs(printed), learnerIDs(refused)...)
	lines := make(chan []string, 1)
	go func() { lines <- readLines(r, len(want)) }()
	for _, n := range slices.Clone(refused) {
		require.Equal(t, http.StatusOK, send(n, pads[n]), "retry of %d once the pipe is read", n)
	}
	select {
	case got := <-lines:
		assert.Equal(t, want, got)
	case <-time.After(10 * time.Second):
		t.Fatal("the printed lines did not arrive")
	}
}

// readLines reads n whole lines from r (or what arrives in 5 s) and returns
// their learner ids, or the reason a line is not a canonical event.
func readLines(r *os.File, n int) []string {
	_ = r.SetReadDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReaderSize(r, 1<<20)
	var ids []string
	for len(ids) < n {
		line, err := br.ReadBytes('\n')
		if err != nil {
			return append(ids, fmt.Sprintf("read: %v after %q", err, line))
		}
		id, err := learnerOf(line)
		if err != nil {
			return append(ids, fmt.Sprintf("not a whole line: %.80q", line))
		}
		ids = append(ids, id)
	}
	return ids
}

// TestFullDiskLeavesNoFragment: stdout is a file on a real, small tmpfs
// (mounted by the test, which needs root). The write that finds the disk
// full is answered 500 and leaves nothing behind; once space is freed, the
// retry is printed as a whole line after the ones before.
func TestFullDiskLeavesNoFragment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("mounting a 64 KiB tmpfs for a full disk needs root: %v", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
	filler := filepath.Join(dir, "filler")
	require.NoError(t, os.WriteFile(filler, make([]byte, 16<<10), 0o600))
	path := filepath.Join(dir, "events.jsonl")
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600) // as the shell's > does
	require.NoError(t, err)
	t.Cleanup(func() { out.Close() })
	addr := startRun(t, out, io.Discard, "-store", "memory").addr

	var printed []int
	failed := -1
	for n := 0; failed < 0; n++ {
		require.Less(t, n, 1000, "a 64 KiB disk never filled")
		switch status, _ := postLearner(t, addr, n, 300); status {
		case http.StatusOK:
			printed = append(printed, n)
		case http.StatusInternalServerError:
			failed = n
		default:
			t.Fatalf("status %d", status)
		}
	}
	status, _ := postLearner(t, addr, failed, 300)
	assert.Equal(t, http.StatusInternalServerError, status, "the disk is still full")
	require.NoError(t, os.Remove(filler))
	status, _ = postLearner(t, addr, failed, 300)
	require.Equal(t, http.StatusOK, status, "the retry once space is freed")
	status, _ = postLearner(t, addr, failed+1, 300)
	require.Equal(t, http.StatusOK, status)

	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, learnerIDs(append(printed, failed, failed+1)), learnersPrinted(t, got))
	t.Logf("disk full after %d lines", len(printed))
}

// failAfter makes a fileOutput's write fail halfway through its nth line,
// writing the first half for real, as a full disk does.
func failAfter(f *os.File, nth int) func([]byte) (int, error) {
	calls := 0
	return func(p []byte) (int, error) {
		calls++
		if calls != nth {
			return f.Write(p)
		}
		n, _ := f.Write(p[:len(p)/2])
		return n, syscall.ENOSPC
	}
}

// TestFailedWriteIsRolledBack is the full disk without a mount: the second
// line's write stops halfway on a real file, and the file is cut back, so
// the third line follows the first whole. Both for a file opened with > and
// one opened with >> (O_APPEND).
func TestFailedWriteIsRolledBack(t *testing.T) {
	for name, flags := range map[string]int{"truncate": os.O_TRUNC, "append": os.O_APPEND} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "events.jsonl")
			require.NoError(t, os.WriteFile(path, []byte("{\"before\":true}\n"), 0o600))
			f, err := os.OpenFile(path, os.O_WRONLY|flags, 0o600)
			require.NoError(t, err)
			defer f.Close()
			out := newFileOutput(f)
			out.write = failAfter(f, 2)
			ctx := context.Background()
			require.NoError(t, out.writeLine(ctx, []byte("{\"line\":1}\n")))
			err = out.writeLine(ctx, []byte("{\"line\":2,\"padding\":\"xxxxxxxxxxxxxxxxxxxx\"}\n"))
			require.ErrorIs(t, err, syscall.ENOSPC)
			require.NoError(t, out.writeLine(ctx, []byte("{\"line\":3}\n")))
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			want := "{\"line\":1}\n{\"line\":3}\n"
			if name == "append" {
				want = "{\"before\":true}\n" + want
			}
			assert.Equal(t, want, string(got))
		})
	}
}

// TestCanceledRequestIsNotPrinted: a callback whose request's context has
// ended writes nothing.
func TestCanceledRequestIsNotPrinted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.jsonl")
	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, out := range []lineOutput{newFileOutput(f), &writerOutput{w: f, lock: newCtxLock()}} {
		assert.ErrorIs(t, out.writeLine(ctx, []byte("{}\n")), context.Canceled)
	}
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Empty(t, got)
}

// buildReceiver builds the receiver binary into a temporary directory.
func buildReceiver(t testing.TB) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("building the receiver needs the go command on PATH")
	}
	bin := filepath.Join(t.TempDir(), "receiver")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestStdoutOnDevNullStopsStartUp runs the built receiver with stdout closed
// (>&-, which Go reopens as /dev/null) and sent to /dev/null: it must refuse
// to start and say why, not answer 200 to events it throws away.
func TestStdoutOnDevNullStopsStartUp(t *testing.T) {
	t.Parallel()
	bin := buildReceiver(t)
	for name, redirect := range map[string]string{"closed": ">&-", "/dev/null": ">/dev/null"} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, "sh", "-c", `exec "$0" -addr 127.0.0.1:0 -store memory `+redirect, bin)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "the receiver started (%v); stderr:\n%s", err, stderr.String())
			assert.Equal(t, 1, exit.ExitCode())
			assert.Contains(t, stderr.String(), "stdout is /dev/null")
			assert.NotContains(t, stderr.String(), "listening")
		})
	}
}

// TestLineLongerThanThePipe: a line longer than the pipe can grow (1.2 MiB
// here, the padded name printed twice, over Linux's 1 MiB pipe-max-size)
// is written piece by piece; cut by
// its deadline, it is answered 500 and its rest written before the next
// line, so that the stream stays whole lines (that event then appears
// although refused, the documented exception).
func TestLineLongerThanThePipe(t *testing.T) {
	t.Parallel()
	const pad = 600 << 10
	if pipeMaxSize() >= 2*pad+4096 {
		t.Skipf("pipes here may grow to %d bytes, so the line fits whole", pipeMaxSize())
	}
	r, w, err := os.Pipe()
	require.NoError(t, err)
	t.Cleanup(func() { r.Close(); w.Close() })
	addr := startRun(t, w, io.Discard, "-store", "memory", "-write-timeout", "4s").addr

	status, took := postLearner(t, addr, 1, pad)
	assert.Equal(t, http.StatusInternalServerError, status, "the pipe cannot hold the line and nobody reads it")
	assert.Less(t, took, 6*time.Second)

	lines := make(chan []string, 1)
	go func() { lines <- readLines(r, 2) }()
	status, _ = postLearner(t, addr, 2, 0)
	assert.Equal(t, http.StatusOK, status)
	select {
	case got := <-lines:
		assert.Equal(t, learnerIDs([]int{1, 2}), got)
	case <-time.After(10 * time.Second):
		t.Fatal("the printed lines did not arrive")
	}
}

// TestStdoutReaderGoneStopsTheReceiver: once stdout's reader has gone, the
// delivery that finds it out is answered 500 and the receiver shuts down
// with an error, rather than answer 500 forever (or, as Go's own stdout
// does, die of SIGPIPE with requests in flight).
func TestStdoutReaderGoneStopsTheReceiver(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	t.Cleanup(func() { w.Close() })
	var stderr safeBuffer
	srv := startRun(t, w, &stderr, "-store", "memory")
	require.NoError(t, r.Close())

	status, _ := postLearner(t, srv.addr, 1, 0)
	assert.Equal(t, http.StatusInternalServerError, status)
	select {
	case <-srv.done:
		assert.ErrorIs(t, srv.err, errStdoutReaderGone)
	case <-time.After(15 * time.Second):
		t.Fatal("the receiver kept running with nobody to print to")
	}
	assert.Contains(t, stderr.String(), "stdout's reader is gone")
}
