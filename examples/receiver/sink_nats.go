package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/canonical/sink"
	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/inboxopen"
)

// natsFlags are the -nats* flags (group "sinks"): the JetStream sink.
type natsFlags struct {
	url, creds, stream, prefix string
	createStream               bool
}

// natsConnectTimeout bounds connecting to NATS and checking the stream at
// start.
const natsConnectTimeout = 10 * time.Second

func addNATSFlags(fs *flag.FlagSet) *natsFlags {
	f := &natsFlags{}
	// group: sinks
	fs.StringVar(&f.url, "nats", "", "publish every stored event to NATS JetStream at this URL (nats://host:4222, comma-separated for a cluster; credentials as nats://user:pass@host or nats://token@host); needs a durable -store")
	fs.StringVar(&f.creds, "nats-creds", "", "with -nats: a NATS credentials file (user JWT and NKey seed)")
	fs.StringVar(&f.stream, "nats-stream", jetstream.DefaultStream, "with -nats: the stream the events must land in")
	fs.BoolVar(&f.createStream, "nats-create-stream", false, "with -nats: create the stream (subjects <prefix>.>) when it does not exist")
	fs.StringVar(&f.prefix, "nats-subject-prefix", jetstream.DefaultSubjectPrefix, "with -nats: the first tokens of every subject, <prefix>.<vendor>.<type>")
	return f
}

// errSinkNeedsStore is the error of a sink flag given with -store memory:
// the relay delivers from the store's outbox.
var errSinkNeedsStore = errors.New("needs a durable -store (a SQLite file or postgres://), not memory: the relay delivers from the store")

// sink connects to NATS and returns the JetStream sink; nil without -nats.
// Its error names the flag and never holds the URL's credentials.
func (f *natsFlags) sink(store string) (sink.Sink, error) {
	if f.url == "" {
		if f.creds != "" || f.createStream {
			return nil, errors.New("-nats-creds and -nats-create-stream need -nats")
		}
		return nil, nil
	}
	if store == inboxopen.Memory {
		return nil, fmt.Errorf("-nats %w", errSinkNeedsStore)
	}
	opts := []jetstream.Option{
		jetstream.WithStream(f.stream),
		jetstream.WithSubjectPrefix(f.prefix),
		jetstream.WithCreateStream(f.createStream),
	}
	if f.creds != "" {
		opts = append(opts, jetstream.WithCredsFile(f.creds))
	}
	ctx, cancel := context.WithTimeout(context.Background(), natsConnectTimeout)
	defer cancel()
	s, err := jetstream.New(ctx, f.url, opts...)
	if err != nil {
		// The client's errors do not quote the URL; the flag's value is
		// quoted redacted.
		return nil, fmt.Errorf("-nats %s: %w", redactNATSURLs(f.url), err)
	}
	return s, nil
}

// redactNATSURLs is a -nats value fit for a log or an error: each URL's
// password, or its token (a user name alone), replaced.
func redactNATSURLs(list string) string {
	parts := strings.Split(list, ",")
	for i, part := range parts {
		u, err := url.Parse(strings.TrimSpace(part))
		switch {
		case err != nil:
			parts[i] = "(a URL that does not parse)"
		case u.User == nil:
		default:
			if _, hasPassword := u.User.Password(); hasPassword {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
			} else {
				u.User = url.User("xxxxx")
			}
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}
