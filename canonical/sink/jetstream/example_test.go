package jetstream_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
)

// Publish an MCG card answer to a stream the sink creates, on an embedded
// server standing in for the user's NATS.
func Example() {
	dir, _ := os.MkdirTemp("", "jetstream-example")
	defer os.RemoveAll(dir)
	srv, _ := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true, StoreDir: dir, NoLog: true, NoSigs: true})
	go srv.Start()
	defer srv.Shutdown()
	srv.ReadyForConnections(10 * time.Second)
	url := fmt.Sprintf("nats://127.0.0.1:%d", srv.Addr().(*net.TCPAddr).Port)

	ctx := context.Background()
	s, err := jetstream.New(ctx, url, jetstream.WithStream("LMSHOOKS"), jetstream.WithCreateStream(true))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	event := canonical.Event{
		ID: "mcg:course_answer:1", Vendor: canonical.VendorMCG, Type: canonical.TypeCardAnswered, VendorEvent: "course_answer",
		Object: &canonical.Object{Kind: canonical.KindCard, ID: "card-7"}, Data: []byte(`{}`),
	}
	fmt.Println("delivered:", s.Deliver(ctx, []canonical.Event{event}) == nil)

	// Read it back, as a consumer of the stream would.
	nc, _ := nats.Connect(url)
	defer nc.Close()
	js, _ := natsjs.New(nc)
	stream, _ := js.Stream(ctx, "LMSHOOKS")
	msg, _ := stream.GetMsg(ctx, 1)
	fmt.Println(msg.Subject, msg.Header.Get("ce-type"), msg.Header.Get("Nats-Msg-Id"))
	// Output:
	// delivered: true
	// lmshooks.mcg.card.answered dev.lmshooks.card.answered mcg:course_answer:1
}
