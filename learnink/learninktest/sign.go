package learninktest

import (
	"time"

	"github.com/lmshooks/lmshooks/learnink"
)

// Sign returns the svix-signature header value Svix sends for body under
// secret ("whsec_..." as LearnInk's dashboard shows it, or the bare base64):
// learnink.Sign, kept here so that tests find it beside NewRequest. The
// error, for a secret that does not decode, matches learnink.ErrInvalidSecret
// and never contains the secret.
func Sign(secret, id string, timestamp time.Time, body []byte) (string, error) {
	return learnink.Sign(secret, id, timestamp, body)
}
