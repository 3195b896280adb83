package main

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical/xapi"
)

// TestLRSFlagsAddTheSink: -lrs with valid mapping flags adds one sink
// named "lrs"; without -lrs there is none.
func TestLRSFlagsAddTheSink(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Empty(t, cfg.sinks)

	cfg, err = parseFlags([]string{"-lrs", "http://127.0.0.1:8081/xAPI/", "-lrs-auth", "u:p", "-xapi-version", "2.0.0",
		"-xapi-activity-base", "https://acme.example/xapi", "-xapi-home-page", "braincert=https://acme.braincert.com",
		"-xapi-home-page", "toolzz=https://acme.toolzz.example", "-xapi-customer-home-page", "https://hr.acme.example",
		"-xapi-language", "en-US", "-xapi-mbox-sha1sum", "-xapi-always-account", "-xapi-opt-in", "order.completed,notification.sent"}, io.Discard)
	require.NoError(t, err)
	require.Len(t, cfg.sinks, 1)
	assert.Equal(t, "lrs", cfg.sinks[0].Name())
	assert.IsType(t, &xapi.LRS{}, cfg.sinks[0])
}

// TestLRSFlagsRefusedAtStart: every bad LRS flag stops the start with an
// error naming the flag.
func TestLRSFlagsRefusedAtStart(t *testing.T) {
	lrs := []string{"-lrs", "http://127.0.0.1:8081/xAPI/"}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"memory store", append(lrs, "-store", "memory"), "-lrs needs a durable -store"},
		{"not a URL", []string{"-lrs", "127.0.0.1:8081/xAPI"}, "-lrs:"},
		{"ftp URL", []string{"-lrs", "ftp://127.0.0.1/xAPI"}, "-lrs:"},
		{"URL with a query", []string{"-lrs", "http://127.0.0.1/xAPI?x=1"}, "-lrs:"},
		{"auth without colon", append(lrs, "-lrs-auth", "user"), "-lrs-auth"},
		{"auth with empty password", append(lrs, "-lrs-auth", "user:"), "-lrs-auth"},
		{"version", append(lrs, "-xapi-version", "1.0.2"), "-xapi-version"},
		{"activity base", append(lrs, "-xapi-activity-base", "acme/xapi"), "-xapi-activity-base"},
		{"home page without vendor", append(lrs, "-xapi-home-page", "https://acme.example"), "-xapi-home-page"},
		{"home page of no vendor", append(lrs, "-xapi-home-page", "moodle=https://acme.example"), "-xapi-home-page"},
		{"home page not an IRI", append(lrs, "-xapi-home-page", "mcg=acme"), "-xapi-home-page"},
		{"customer home page", append(lrs, "-xapi-customer-home-page", "not an iri"), "-xapi-customer-home-page"},
		{"language", append(lrs, "-xapi-language", "english language"), "-xapi-language"},
		{"opt-in", append(lrs, "-xapi-opt-in", "course.completed"), "-xapi-opt-in"},
		{"auth without -lrs", []string{"-lrs-auth", "u:p"}, "-lrs-auth is set but -lrs is not"},
		{"opt-in without -lrs", []string{"-xapi-opt-in", "order.completed"}, "-xapi-opt-in is set but -lrs is not"},
		{"language without -lrs", []string{"-xapi-language", "en"}, "-xapi-language is set but -lrs is not"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseFlags(tc.args, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := parseFlags(append(lrs, "-xapi-opt-in", "course.completed"), io.Discard)
	assert.ErrorIs(t, err, xapi.ErrInvalidOption)
	_, err = parseFlags(append(lrs, "-store", "memory"), io.Discard)
	assert.ErrorIs(t, err, errLRSNeedsStore)
}
