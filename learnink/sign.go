package learnink

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// ErrInvalidSecret is matched by the error of Sign for a secret that is not
// "whsec_" followed by base64 (or the bare base64).
var ErrInvalidSecret = errors.New("learnink: invalid signing secret")

// Sign returns the signature header value of a Standard Webhooks (Svix)
// delivery: "v1," followed by the base64 HMAC-SHA256 of msgID + "." + the
// unix seconds of timestamp + "." + body, keyed with the secret decoded as
// Verifier decodes it. It is what LearnInk sends in svix-signature and what
// Verifier accepts, in svix-signature or webhook-signature alike. The error,
// matching ErrInvalidSecret, never contains the secret.
func Sign(secret, msgID string, timestamp time.Time, body []byte) (string, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrInvalidSecret, err)
	}
	mac := sign(key, msgID, strconv.FormatInt(timestamp.Unix(), 10), body)
	return "v1," + base64.StdEncoding.EncodeToString(mac), nil
}
