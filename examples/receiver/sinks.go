package main

import (
	"errors"
	"io"

	"github.com/lmshooks/lmshooks/canonical/sink"
)

// sinkFlags are the flags of the sinks the relay delivers to (group
// "sinks"), each of which adds at most one sink.
type sinkFlags interface {
	sink(store string) (sink.Sink, error)
}

// openSinks builds the sinks the flags ask for, in order; on an error it
// closes those already built.
func openSinks(store string, flags ...sinkFlags) ([]sink.Sink, error) {
	var sinks []sink.Sink
	for _, f := range flags {
		s, err := f.sink(store)
		if err != nil {
			return nil, errors.Join(err, closeSinks(sinks))
		}
		if s != nil {
			sinks = append(sinks, s)
		}
	}
	return sinks, nil
}

// closeSinks closes the sinks that hold connections.
func closeSinks(sinks []sink.Sink) error {
	var errs []error
	for _, s := range sinks {
		if c, ok := s.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}
