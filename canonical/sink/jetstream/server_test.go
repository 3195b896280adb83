package jetstream_test

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

// natsServer is a real NATS server with JetStream, in this process, on
// 127.0.0.1, its store in a temporary directory.
type natsServer struct {
	t    testing.TB
	opts server.Options
	srv  *server.Server
	// clientAuth, when set, authenticates the test's own client (else the
	// options' user and password do).
	clientAuth nats.Option
}

// startNATS starts a server on a random port; edit adjusts its options.
func startNATS(t testing.TB, edit ...func(*server.Options)) *natsServer {
	t.Helper()
	n := &natsServer{t: t, opts: server.Options{
		Host:      "127.0.0.1",
		Port:      server.RANDOM_PORT,
		JetStream: true,
		StoreDir:  t.TempDir(),
		NoLog:     true,
		NoSigs:    true,
	}}
	for _, e := range edit {
		e(&n.opts)
	}
	n.start()
	// Restarts keep the port, so that clients reconnect to the same URL.
	n.opts.Port = n.srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(n.stop)
	return n
}

func (n *natsServer) start() {
	n.t.Helper()
	opts := n.opts
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

// stop shuts the server down (its store stays, for a restart).
func (n *natsServer) stop() {
	if n.srv != nil {
		n.srv.Shutdown()
		n.srv.WaitForShutdown()
		n.srv = nil
	}
}

// URL is the client URL, optionally with user info such as "user:pass@".
func (n *natsServer) URL(userinfo ...string) string {
	ui := ""
	if len(userinfo) > 0 {
		ui = userinfo[0]
	}
	return fmt.Sprintf("nats://%s127.0.0.1:%d", ui, n.opts.Port)
}

// jetStream is a JetStream client of the test's own.
func (n *natsServer) jetStream() natsjs.JetStream {
	n.t.Helper()
	auth := n.clientAuth
	if auth == nil {
		auth = nats.UserInfo(n.opts.Username, n.opts.Password)
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

// stream opens the stream name.
func (n *natsServer) stream(name string) natsjs.Stream {
	n.t.Helper()
	s, err := n.jetStream().Stream(context.Background(), name)
	if err != nil {
		n.t.Fatal(err)
	}
	return s
}

// messages reads every message of the stream, in order.
func (n *natsServer) messages(name string) []*natsjs.RawStreamMsg {
	n.t.Helper()
	s := n.stream(name)
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

// count is the stream's message count.
func (n *natsServer) count(name string) uint64 {
	n.t.Helper()
	info, err := n.stream(name).Info(context.Background())
	if err != nil {
		n.t.Fatal(err)
	}
	return info.State.Msgs
}
