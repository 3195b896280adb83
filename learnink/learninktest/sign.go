package learninktest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Sign returns the svix-signature header value Svix sends for body under
// secret: "v1," followed by the base64 HMAC-SHA256, keyed with the base64
// part of secret ("whsec_..." as LearnInk's dashboard shows it, or the bare
// base64), of id + "." + unix seconds of timestamp + "." + body. The error,
// for a secret that does not decode, never contains the secret.
func Sign(secret, id string, timestamp time.Time, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(strings.TrimSpace(secret), "whsec_"))
	if err != nil || len(key) == 0 {
		return "", errors.New(`learninktest: the secret is not "whsec_" followed by base64`)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + strconv.FormatInt(timestamp.Unix(), 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}
