package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAddrFromTheEnvironment: LMSHOOKS_ADDR and LMSHOOKS_STORE alone
// configure the real server.
func TestAddrFromTheEnvironment(t *testing.T) {
	t.Setenv("LMSHOOKS_ADDR", "127.0.0.1:0")
	t.Setenv("LMSHOOKS_STORE", filepath.Join(t.TempDir(), "env.db"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var stderr safeBuffer
	go func() { done <- run(ctx, nil, io.Discard, &stderr, ready) }()
	select {
	case addr := <-ready:
		host, port, err := net.SplitHostPort(addr)
		require.NoError(t, err)
		assert.Equal(t, "127.0.0.1", host)
		assert.NotEqual(t, "8080", port, "the default address was not used")
		status, _, _ := get(t, "http://"+addr+"/healthz")
		assert.Equal(t, 200, status)
	case err := <-done:
		t.Fatalf("run returned: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("no address")
	}
	cancel()
	require.NoError(t, <-done)
	assert.Contains(t, stderr.String(), "env.db")
}

// TestGoRunListensWhereTheEnvironmentSays is the issue's own check:
// LMSHOOKS_ADDR=127.0.0.1:PORT go run ./examples/receiver listens there.
func TestGoRunListensWhereTheEnvironmentSays(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	l.Close()
	bin := filepath.Join(t.TempDir(), "receiver")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "LMSHOOKS_ADDR="+addr, "LMSHOOKS_STORE=memory")
	var stderr safeBuffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	require.NoError(t, cmd.Start())
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}()
	require.Eventually(t, func() bool {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err == nil
	}, 20*time.Second, 20*time.Millisecond, stderr.String())
	status, _, _ := get(t, "http://"+addr+"/healthz")
	assert.Equal(t, 200, status)
}

// TestFlagsWinOverTheEnvironment: a flag given beats its variable; a
// variable's bad value names the variable, never the value.
func TestFlagsWinOverTheEnvironment(t *testing.T) {
	t.Setenv("LMSHOOKS_FORMAT", "cloudevents")
	t.Setenv("LMSHOOKS_MAX_CONNS", "7")
	t.Setenv("LMSHOOKS_LEARNINK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
	t.Setenv("LMSHOOKS_ALLOW_ORIGIN", "https://a.example,https://b.example")
	cfg, err := parseFlags([]string{"-format", "canonical"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, formatCanonical, cfg.format, "the flag wins")
	assert.Equal(t, 7, cfg.maxConns)
	assert.Equal(t, listFlag{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, cfg.learninkSecrets)
	assert.Equal(t, listFlag{"https://a.example", "https://b.example"}, cfg.allowOrigins)

	t.Setenv("LMSHOOKS_MAX_INFLIGHT_BYTES", "lots-of-s3cret")
	_, err = parseFlags(nil, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "LMSHOOKS_MAX_INFLIGHT_BYTES")
	assert.NotContains(t, err.Error(), "lots-of-s3cret")
}

// TestEveryFlagHasAVariable: a flag defined anywhere on the set (as the
// sinks' files add theirs) is set by its variable without further code.
func TestEveryFlagHasAVariable(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	url := fs.String("lrs-url", "", "")
	timeout := fs.Duration("nats-timeout", time.Second, "")
	env := map[string]string{"LMSHOOKS_LRS_URL": "http://127.0.0.1:1/xapi", "LMSHOOKS_NATS_TIMEOUT": "3s"}
	require.NoError(t, parseWithEnv(fs, nil, func(k string) (string, bool) { v, ok := env[k]; return v, ok }))
	assert.Equal(t, "http://127.0.0.1:1/xapi", *url)
	assert.Equal(t, 3*time.Second, *timeout)
	assert.Equal(t, "sinks", groupOf("lrs-url"))
	assert.Equal(t, "sinks", groupOf("nats-timeout"))
	assert.Equal(t, "sinks", groupOf("forward-url"))
	assert.Equal(t, otherGroup, groupOf("something-new"))
}

// TestSecretsFromFiles: -learnink-secret-file and -basic-auth-file read
// their secret (trailing newline dropped); giving a secret both ways, an
// empty or a missing file is an error.
func TestSecretsFromFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		return path
	}
	learnink := write("learnink", "whsec_b2xkIHNlY3JldA==\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n")
	auth := write("auth", "hook:s3cret\n")
	cfg, err := parseFlags([]string{"-learnink-secret-file", learnink, "-basic-auth-file", auth}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, listFlag{"whsec_b2xkIHNlY3JldA==", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, cfg.learninkSecrets)
	assert.Equal(t, "hook:s3cret", cfg.basicAuth)

	t.Setenv("LMSHOOKS_BASIC_AUTH_FILE", auth)
	cfg, err = parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "hook:s3cret", cfg.basicAuth, "the file's flag from the environment")

	for _, bad := range [][]string{
		{"-basic-auth", "a:b"},
		{"-basic-auth-file", write("empty", "\n")},
		{"-basic-auth-file", filepath.Join(dir, "missing")},
		{"-learnink-secret-file", write("bad", "whsec_not base64!\n")},
		{"-learnink-secret", "whsec_b2xkIHNlY3JldA==", "-learnink-secret-file", learnink},
	} {
		_, err := parseFlags(bad, io.Discard)
		assert.Error(t, err, bad)
		if err != nil {
			assert.NotContains(t, err.Error(), "s3cret", bad)
		}
	}
}

// TestHelpGroupsTheFlags: -help lists every flag once, under its group,
// with its variable and its default.
func TestHelpGroupsTheFlags(t *testing.T) {
	var help bytes.Buffer
	_, err := parseFlags([]string{"-help"}, &help)
	require.ErrorIs(t, err, flag.ErrHelp)
	text := help.String()
	var last int
	for _, group := range []string{"\nlistening:", "\nvendors:", "\nstore:", "\nlimits:", "\noutput and logging:"} {
		i := strings.Index(text, group)
		require.GreaterOrEqual(t, i, 0, "group %q", group)
		assert.Greater(t, i, last, "groups in order")
		last = i
	}
	assert.NotContains(t, text, "\nother:", "every flag has a group")
	section := func(title string) string {
		start := strings.Index(text, "\n"+title+":")
		rest := text[start+1:]
		if end := strings.Index(rest, "\n\n"); end >= 0 {
			return rest[:end]
		}
		return rest
	}
	assert.Contains(t, section("listening"), `-addr string  (LMSHOOKS_ADDR)`)
	assert.Contains(t, section("listening"), "(default 127.0.0.1:8080)")
	assert.Contains(t, section("vendors"), "-learnink-secret-file")
	assert.Contains(t, section("vendors"), "-basic-auth-file")
	assert.Contains(t, section("store"), "(default lmshooks.db)")
	assert.Contains(t, section("limits"), "-max-inflight-bytes")
	assert.Contains(t, section("output and logging"), `-log-format string  (LMSHOOKS_LOG_FORMAT)`)
	seen := map[string]int{}
	for line := range strings.Lines(text) {
		if name, ok := strings.CutPrefix(line, "  -"); ok {
			name, _, _ = strings.Cut(name, " ")
			seen[name]++
		}
	}
	for _, name := range []string{"addr", "max-conns", "write-timeout", "store", "sqlite-sync", "retention", "dedup", "dedup-size", "dedup-age", "format", "toolzz-location", "allow-origin"} {
		assert.Equal(t, 1, seen[name], "-%s listed once", name)
	}
}
