package main

import (
	"context"

	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// relayOptionsKey carries extra relay options in run's context. Only tests
// set it (withRelayOptions): a backoff of milliseconds instead of seconds
// lets an outage of the LRS last a test's seconds, not minutes.
type relayOptionsKey struct{}

// withRelayOptions returns ctx carrying opts for the relay run starts.
func withRelayOptions(ctx context.Context, opts ...inbox.RelayOption) context.Context {
	return context.WithValue(ctx, relayOptionsKey{}, opts)
}

// relayOptions returns the relay options ctx carries, after the logger's.
func relayOptions(ctx context.Context, first ...inbox.RelayOption) []inbox.RelayOption {
	extra, _ := ctx.Value(relayOptionsKey{}).([]inbox.RelayOption)
	return append(first, extra...)
}
