// Package natstest runs a real NATS server with JetStream in the test's
// process, on 127.0.0.1 and a random port, for the tests of the JetStream
// sink and of the receiver that publishes through it.
package natstest

import (
	"context"
	"fmt"
	"net"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"
)

// Server is a real NATS server with JetStream, in this process, on
// 127.0.0.1, its store in a temporary directory.
type Server struct {
	t testing.TB
	// Opts are the server's options; Port is the one it listens on.
	Opts server.Options
	srv  *server.Server
	// ClientAuth, when set, authenticates the test's own client (else the
	// options' user and password do).
	ClientAuth nats.Option
}

// Start starts a server on a random port; edit adjusts its options.
func Start(t testing.TB, edit ...func(*server.Options)) *Server {
	t.Helper()
	n := &Server{t: t, Opts: server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		JetStream: true,
		StoreDir:  t.TempDir(),
		NoLog:     true,
		NoSigs:    true,
	}}
	for _, e := range edit {
		e(&n.Opts)
	}
	n.Restart()
	// Restarts keep the port, so that clients reconnect to the same URL.
	n.Opts.Port = n.srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(n.Stop)
	return n
}

// Restart starts the server again after Stop, on the same port and with the
// same store.
func (n *Server) Restart() {
	n.t.Helper()
	opts := n.Opts
	debug := os.Getenv("NATSDEBUG") != "" // print the server's log, to see why it does not start
	opts.NoLog = !debug
	srv, err := server.NewServer(&opts)
	if err != nil {
		n.t.Fatal(err)
	}
	if debug {
		srv.ConfigureLogger()
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		n.t.Fatal("the NATS server did not start")
	}
	n.srv = srv
}

// Stop shuts the server down (its store stays, for a restart).
func (n *Server) Stop() {
	if n.srv != nil {
		n.srv.Shutdown()
		n.srv.WaitForShutdown()
		n.srv = nil
	}
}

// URL is the client URL, optionally with user info such as "user:pass@".
func (n *Server) URL(userinfo ...string) string {
	ui := ""
	if len(userinfo) > 0 {
		ui = userinfo[0]
	}
	return fmt.Sprintf("nats://%s127.0.0.1:%d", ui, n.Opts.Port)
}

// JetStream is a JetStream client of the test's own.
func (n *Server) JetStream() natsjs.JetStream {
	n.t.Helper()
	auth := n.ClientAuth
	if auth == nil {
		auth = nats.UserInfo(n.Opts.Username, n.Opts.Password)
	}
	nc, err := nats.Connect(n.URL(), auth)
	if err != nil {
		n.t.Fatal(err)
	}
	n.t.Cleanup(nc.Close)
	js, err := natsjs.New(nc)
	if err != nil {
		n.t.Fatal(err)
	}
	return js
}

// Stream opens the stream name.
func (n *Server) Stream(name string) natsjs.Stream {
	n.t.Helper()
	s, err := n.JetStream().Stream(context.Background(), name)
	if err != nil {
		n.t.Fatal(err)
	}
	return s
}

// Messages reads every message of the stream, in order.
func (n *Server) Messages(name string) []*natsjs.RawStreamMsg {
	n.t.Helper()
	s := n.Stream(name)
	info, err := s.Info(context.Background())
	if err != nil {
		n.t.Fatal(err)
	}
	var msgs []*natsjs.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		msg, err := s.GetMsg(context.Background(), seq)
		if err != nil {
			n.t.Fatal(err)
		}
		msgs = append(msgs, msg)
	}
	return msgs
}

// Count is the stream's message count.
func (n *Server) Count(name string) uint64 {
	n.t.Helper()
	info, err := n.Stream(name).Info(context.Background())
	if err != nil {
		n.t.Fatal(err)
	}
	return info.State.Msgs
}
