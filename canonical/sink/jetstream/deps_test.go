package jetstream_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
)

// TestOnlyThisPackageCompilesTheNATSClient: importing the parsers,
// canonical or the HTTP sink never compiles nats.go; this package does (so
// that the check itself can fail).
func TestOnlyThisPackageCompilesTheNATSClient(t *testing.T) {
	assert.Empty(t, sinktest.DepsWithPrefix(t, "github.com/nats-io/", sinktest.Light...))
	assert.Contains(t, sinktest.DepsWithPrefix(t, "github.com/nats-io/", "github.com/lmshooks/lmshooks/canonical/sink/jetstream"),
		"github.com/nats-io/nats.go")
}
