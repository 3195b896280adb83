package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// chromiumFlags are the flags the browser test launches Chromium with:
// headless, no sandbox (CI runs as root), no network but what the test
// serves on 127.0.0.1, and a DevTools connection over a pipe (fds 3 and 4).
func chromiumFlags(userDataDir string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-first-run", "--user-data-dir=" + userDataDir,
		// Every host name fails to resolve: the page and the receiver are
		// reached by IP address, and nothing else can be.
		"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
		"--remote-debugging-pipe",
		"about:blank",
	}
}

// browser is a Chromium process driven over the DevTools protocol on a
// pipe: each message is one JSON object followed by a NUL byte.
type browser struct {
	cmd    *exec.Cmd
	send   io.WriteCloser
	stderr safeBuffer // written by exec while the test reads it

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan cdpReply
	readErr error
}

type cdpReply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// launchChromium starts the browser at path with chromiumFlags.
func launchChromium(path, userDataDir string) (*browser, error) {
	toBrowser, send, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	receive, fromBrowser, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	b := &browser{send: send, waiting: map[int]chan cdpReply{}}
	b.cmd = exec.Command(path, chromiumFlags(userDataDir)...)
	b.cmd.ExtraFiles = []*os.File{toBrowser, fromBrowser} // fd 3: commands in, fd 4: replies out
	b.cmd.Stderr = &b.stderr
	if err := b.cmd.Start(); err != nil {
		return nil, err
	}
	toBrowser.Close()
	fromBrowser.Close()
	go b.readReplies(receive)
	return b, nil
}

// readReplies hands each reply to the call waiting for its id; events
// (messages without an id) are ignored.
func (b *browser) readReplies(r io.ReadCloser) {
	defer r.Close()
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 64<<10), 16<<20)
	scanner.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return 0, nil, io.ErrUnexpectedEOF
		}
		return 0, nil, nil
	})
	for scanner.Scan() {
		var msg struct {
			ID int `json:"id"`
			cdpReply
		}
		if json.Unmarshal(scanner.Bytes(), &msg) != nil || msg.ID == 0 {
			continue
		}
		b.mu.Lock()
		ch := b.waiting[msg.ID]
		delete(b.waiting, msg.ID)
		b.mu.Unlock()
		if ch != nil {
			ch <- msg.cdpReply
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.readErr = errors.New("the browser closed its DevTools pipe")
	for id, ch := range b.waiting {
		close(ch)
		delete(b.waiting, id)
	}
}

// call sends one command (to the browser, or to a page's session) and
// decodes its result into result.
func (b *browser) call(ctx context.Context, session, method string, params, result any) error {
	b.mu.Lock()
	if b.readErr != nil {
		b.mu.Unlock()
		return b.readErr
	}
	b.nextID++
	id := b.nextID
	ch := make(chan cdpReply, 1)
	b.waiting[id] = ch
	b.mu.Unlock()

	msg, err := json.Marshal(struct {
		ID        int    `json:"id"`
		SessionID string `json:"sessionId,omitempty"`
		Method    string `json:"method"`
		Params    any    `json:"params,omitempty"`
	}{id, session, method, params})
	if err != nil {
		return err
	}
	if _, err := b.send.Write(append(msg, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case reply, ok := <-ch:
		switch {
		case !ok:
			return fmt.Errorf("%s: the browser closed its DevTools pipe", method)
		case reply.Error != nil:
			return fmt.Errorf("%s: %s", method, reply.Error.Message)
		case result != nil:
			return json.Unmarshal(reply.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// openPage opens url in a new tab and returns the tab's session id.
func (b *browser) openPage(ctx context.Context, url string) (string, error) {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": url}, &target); err != nil {
		return "", err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	return attached.SessionID, err
}

// evaluate runs a JavaScript expression in the page, waits for the promise
// it returns (if any) and decodes its value into result.
func (b *browser) evaluate(ctx context.Context, session, expression string, result any) error {
	var reply struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	err := b.call(ctx, session, "Runtime.evaluate", map[string]any{
		"expression": expression, "awaitPromise": true, "returnByValue": true,
	}, &reply)
	switch {
	case err != nil:
		return err
	case reply.ExceptionDetails != nil:
		return fmt.Errorf("script threw: %s", reply.ExceptionDetails.Text)
	case len(reply.Result.Value) == 0:
		return json.Unmarshal([]byte("null"), result)
	}
	return json.Unmarshal(reply.Result.Value, result)
}

// close asks the browser to quit and waits for it, killing it if it does
// not exit in time.
func (b *browser) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = b.call(ctx, "", "Browser.close", nil, nil)
	b.send.Close()
	exited := make(chan struct{})
	go func() {
		_ = b.cmd.Wait()
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = b.cmd.Process.Kill()
		<-exited
	}
}
