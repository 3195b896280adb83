package jetstream_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical/sink/internal/sinktest"
	"github.com/lmshooks/lmshooks/canonical/sink/jetstream"
	"github.com/lmshooks/lmshooks/internal/natstest"
)

// decentralizedAuth makes a server trust one operator, which signed one
// account with JetStream enabled (and the system account), and writes the creds file of a user of
// that account; it returns the server option and the file's path.
func decentralizedAuth(t *testing.T) (func(*server.Options), string) {
	t.Helper()
	operator, err := nkeys.CreateOperator()
	require.NoError(t, err)
	operatorPub, err := operator.PublicKey()
	require.NoError(t, err)
	account, err := nkeys.CreateAccount()
	require.NoError(t, err)
	accountPub, err := account.PublicKey()
	require.NoError(t, err)
	user, err := nkeys.CreateUser()
	require.NoError(t, err)
	userPub, err := user.PublicKey()
	require.NoError(t, err)
	userSeed, err := user.Seed()
	require.NoError(t, err)

	accountClaims := jwt.NewAccountClaims(accountPub)
	accountClaims.Limits.JetStreamLimits = jwt.JetStreamLimits{MemoryStorage: -1, DiskStorage: -1, Streams: -1, Consumer: -1}
	accountJWT, err := accountClaims.Encode(operator)
	require.NoError(t, err)
	userJWT, err := jwt.NewUserClaims(userPub).Encode(account)
	require.NoError(t, err)
	creds, err := jwt.FormatUserConfig(userJWT, userSeed)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "relay.creds")
	require.NoError(t, os.WriteFile(path, creds, 0o600))

	// JetStream needs a system account too.
	system, err := nkeys.CreateAccount()
	require.NoError(t, err)
	systemPub, err := system.PublicKey()
	require.NoError(t, err)
	systemJWT, err := jwt.NewAccountClaims(systemPub).Encode(operator)
	require.NoError(t, err)

	resolver := &server.MemAccResolver{}
	require.NoError(t, resolver.Store(accountPub, accountJWT))
	require.NoError(t, resolver.Store(systemPub, systemJWT))
	return func(o *server.Options) {
		o.TrustedKeys = []string{operatorPub}
		o.AccountResolver = resolver
		o.SystemAccount = systemPub
	}, path
}

func TestCredsFile(t *testing.T) {
	auth, creds := decentralizedAuth(t)
	srv := natstest.Start(t, auth)

	_, err := jetstream.New(context.Background(), srv.URL(), jetstream.WithCreateStream(true))
	require.Error(t, err, "without credentials the server refuses the connection")

	s := newSink(t, srv.URL(), jetstream.WithCredsFile(creds), jetstream.WithCreateStream(true))
	sinktest.RequireDelivered(t, s.Deliver(context.Background(), sinktest.DocumentedEvents(t)[:2]))
	srv.ClientAuth = nats.UserCredentials(creds)
	assert.Equal(t, uint64(2), srv.Count(jetstream.DefaultStream))
}
