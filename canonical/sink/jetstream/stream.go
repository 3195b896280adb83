package jetstream

import (
	"context"
	"errors"
	"fmt"

	natsjs "github.com/nats-io/nats.go/jetstream"
)

// ensureStream checks that the configured stream exists, creating it when
// asked to. Another receiver creating it at the same moment is no error.
func ensureStream(ctx context.Context, js natsjs.JetStream, cfg config) error {
	_, err := js.Stream(ctx, cfg.stream)
	switch {
	case err == nil:
		return nil
	case !errors.Is(err, natsjs.ErrStreamNotFound):
		return fmt.Errorf("jetstream: looking up stream %s: %w", cfg.stream, err)
	case !cfg.createStream:
		return fmt.Errorf("%w: %s (create it with subjects %q, or let the sink: WithCreateStream(true))",
			ErrStreamNotFound, cfg.stream, cfg.prefix+".>")
	}
	_, err = js.CreateStream(ctx, natsjs.StreamConfig{
		Name:       cfg.stream,
		Subjects:   []string{cfg.prefix + ".>"},
		Storage:    natsjs.FileStorage,
		Duplicates: DefaultDuplicateWindow,
	})
	if err != nil && !errors.Is(err, natsjs.ErrStreamNameAlreadyInUse) {
		return fmt.Errorf("jetstream: creating stream %s: %w", cfg.stream, err)
	}
	return nil
}
