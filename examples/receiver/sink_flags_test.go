package main

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/natstest"
	"github.com/lmshooks/lmshooks/internal/swhtest"
	"github.com/lmshooks/lmshooks/learnink"
)

// TestSinkFlagsAreCheckedAtStart: a sink flag that cannot work stops the
// start with an error naming the flag, and no error repeats a secret, a
// password or a token.
func TestSinkFlagsAreCheckedAtStart(t *testing.T) {
	const password, token = "hunter2pw", "s3cr3ttoken"
	nats := natstest.Start(t)
	for _, tc := range []struct {
		args []string
		flag string
		is   error
	}{
		{[]string{"-store", "memory", "-nats", nats.URL()}, "-nats", errSinkNeedsStore},
		{[]string{"-store", "memory", "-forward", "http://127.0.0.1:1/", "-forward-secret", swhtest.Secret}, "-forward", errSinkNeedsStore},
		{[]string{"-forward", "http://127.0.0.1:1/"}, "-forward-secret", nil},
		{[]string{"-forward-secret", swhtest.Secret}, "-forward", nil},
		{[]string{"-forward", "http://127.0.0.1:1/", "-forward-secret", "whsec_" + password}, "-forward-secret", learnink.ErrInvalidSecret},
		{[]string{"-forward", "ftp://user:" + password + "@127.0.0.1/", "-forward-secret", swhtest.Secret}, "-forward", nil},
		{[]string{"-forward", "http://127.0.0.1:1/", "-forward-secret", swhtest.Secret, "-forward-mode", "json"}, "-forward-mode", nil},
		{[]string{"-nats-creds", "/nonexistent"}, "-nats", nil},
		{[]string{"-nats", "nats://user:" + password + "@127.0.0.1:1"}, "-nats", nil},
		{[]string{"-nats", "nats://" + token + "@127.0.0.1:1"}, "-nats", nil},
		{[]string{"-nats", nats.URL(), "-nats-stream", "NOPE"}, "-nats", jetstream.ErrStreamNotFound},
		{[]string{"-nats", nats.URL(), "-nats-stream", "a.b", "-nats-create-stream"}, "-nats", jetstream.ErrInvalidConfig},
		{[]string{"-nats", nats.URL(), "-nats-subject-prefix", "a..b", "-nats-create-stream"}, "-nats", jetstream.ErrInvalidConfig},
	} {
		cfg, err := parseFlags(append([]string{"-store", t.TempDir() + "/x.db"}, tc.args...), &bytes.Buffer{})
		require.Error(t, err, tc.args)
		assert.Empty(t, cfg.sinks, "no sink is left open", tc.args)
		assert.Contains(t, err.Error(), tc.flag, tc.args)
		assert.NotContains(t, err.Error(), password, tc.args)
		assert.NotContains(t, err.Error(), token, tc.args)
		assert.NotContains(t, err.Error(), swhtest.Secret, tc.args)
		if tc.is != nil {
			assert.True(t, errors.Is(err, tc.is), "%v: %v is not %v", tc.args, err, tc.is)
		}
	}
}

// TestSinkFlagsAddTheirSinks: -nats and -forward each add their sink,
// named as the outbox knows them.
func TestSinkFlagsAddTheirSinks(t *testing.T) {
	nats := natstest.Start(t)
	cfg, err := parseFlags([]string{"-store", t.TempDir() + "/x.db", "-nats", nats.URL(), "-nats-create-stream",
		"-forward", "http://127.0.0.1:1/", "-forward-secret", swhtest.Secret}, &bytes.Buffer{})
	require.NoError(t, err)
	defer closeSinks(cfg.sinks)
	var names []string
	for _, s := range cfg.sinks {
		names = append(names, s.Name())
	}
	assert.Equal(t, []string{"forward", "nats"}, names)
	assert.NotNil(t, nats.Stream(jetstream.DefaultStream), "-nats-create-stream created it")
}

// TestSinkFlagsHelp: the help names every sink flag.
func TestSinkFlagsHelp(t *testing.T) {
	var help bytes.Buffer
	_, err := parseFlags([]string{"-help"}, &help)
	require.Error(t, err)
	for _, name := range []string{"-nats", "-nats-creds", "-nats-stream", "-nats-create-stream", "-nats-subject-prefix", "-forward", "-forward-secret", "-forward-mode"} {
		assert.Regexp(t, `\n  `+name+`[ \n]`, help.String(), name)
	}
}
