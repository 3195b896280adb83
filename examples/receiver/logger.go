package main

import (
	"io"
	"log/slog"
)

// The -log-format values.
const (
	logText = "text"
	logJSON = "json"
)

// newLogger returns the receiver's logger writing to stderr in format.
func newLogger(format string, stderr io.Writer) *slog.Logger {
	if format == logJSON {
		return slog.New(slog.NewJSONHandler(stderr, nil))
	}
	return slog.New(slog.NewTextHandler(stderr, nil))
}
