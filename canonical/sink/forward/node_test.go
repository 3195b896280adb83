package forward_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical/sink/forward"
	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
)

// nodeModulesEnv names the node_modules directory that holds the npm
// package standardwebhooks; .ci/run installs it and sets the variable.
const nodeModulesEnv = "LMSHOOKS_STANDARDWEBHOOKS_NODE_MODULES"

// startNodeReceiver runs testdata/standardwebhooks-receiver.js and returns
// its URL; the process is killed when the test ends.
func startNodeReceiver(t *testing.T) string {
	t.Helper()
	modules := os.Getenv(nodeModulesEnv)
	if modules == "" {
		t.Skipf("%s is not set: it names a node_modules directory with the npm package standardwebhooks (.ci/run sets it)", nodeModulesEnv)
	}
	script, err := filepath.Abs("testdata/standardwebhooks-receiver.js")
	require.NoError(t, err)
	cmd := exec.Command("node", script)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules, "SECRET="+secret)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	port, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err, "the node receiver printed no port")
	return fmt.Sprintf("http://127.0.0.1:%s", strings.TrimSpace(port))
}

// TestTheOfficialNodeVerifierAcceptsEverySignature: a Node.js service using
// the standardwebhooks npm package accepts every documented event, in both
// content modes.
func TestTheOfficialNodeVerifierAcceptsEverySignature(t *testing.T) {
	url := startNodeReceiver(t)
	events := sinktest.DocumentedEvents(t)
	for _, mode := range []forward.Mode{forward.Structured, forward.Binary} {
		sinktest.RequireDelivered(t, newSink(t, url, forward.WithMode(mode)).Deliver(context.Background(), events))
	}

	resp, err := http.Get(url + "/accepted")
	require.NoError(t, err)
	defer resp.Body.Close()
	var accepted []string
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&accepted))
	count := map[string]int{}
	for _, id := range accepted {
		count[id]++
	}
	require.Len(t, accepted, 2*len(events))
	for _, e := range events {
		assert.Equal(t, 2, count[e.ID], e.ID)
	}
}
