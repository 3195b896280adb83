package hostile

import (
	"encoding/base64"
	"net/http"
	"strings"
)

// BasicAuthRows are rows for a handler that requires HTTP Basic
// credentials user and pass (the target's Request sends them): missing,
// unreadable, and wrong in length and in content. Each must get 401 with a
// Basic challenge, and neither the answer nor the log may quote what was
// sent.
func BasicAuthRows(user, pass string) []Row {
	basic := func(u, p string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte(u+":"+p)) }
	flip := func(s string) string {
		if s == "" {
			return "x"
		}
		b := []byte(s)
		b[len(b)-1] ^= 1
		return string(b)
	}
	tries := []struct{ name, value string }{
		{"no Authorization", ""},
		{"Basic with nothing", "Basic "},
		{"Bearer token", "Bearer " + pass},
		{"Basic not base64", "Basic !!!not-base64!!!"},
		{"Basic without a colon", "Basic " + base64.StdEncoding.EncodeToString([]byte(user+pass))},
		{"password wrong in its last byte", basic(user, flip(pass))},
		{"user wrong in its last byte", basic(flip(user), pass)},
		{"password one byte short", basic(user, pass[:max(len(pass)-1, 0)])},
		{"password one byte long", basic(user, pass+"x")},
		{"password 8 KiB long", basic(user, pass+strings.Repeat("p", 8<<10))},
		{"user and password swapped", basic(pass, user)},
		{"user in upper case", basic(strings.ToUpper(user), pass)},
		{"empty user and password", basic("", "")},
		{"credentials twice in one header", basic(user, pass) + ", " + basic(user, pass)},
	}
	rows := make([]Row, 0, len(tries))
	for _, try := range tries {
		rows = append(rows, Row{Name: "Basic: " + try.name, Status: http.StatusUnauthorized, Request: func(t *Target) (*http.Request, error) {
			r := t.Request(t.Body)
			r.Header.Del("Authorization")
			if try.value != "" {
				r.Header.Set("Authorization", try.value)
			}
			return r, nil
		}})
	}
	return rows
}

// SvixRows are rows for a handler that verifies Svix signatures (the
// target's Request signs each body): headers missing, malformed (short, no
// comma, bad base64, other versions, too many entries, another encoding of
// the same bytes, a tab as separator) or signing another body or moment.
// Each must get 401.
func SvixRows() []Row {
	signature := func(t *Target) string { return t.Request(t.Body).Header.Get("svix-signature") }
	withSignature := func(name string, value func(valid string) string) Row {
		return Row{Name: "Svix: " + name, Status: http.StatusUnauthorized, Request: func(t *Target) (*http.Request, error) {
			r := t.Request(t.Body)
			r.Header.Set("svix-signature", value(signature(t)))
			return r, nil
		}}
	}
	without := func(names ...string) Row {
		return Row{Name: "Svix: without " + strings.Join(names, ", "), Status: http.StatusUnauthorized, Request: func(t *Target) (*http.Request, error) {
			r := t.Request(t.Body)
			for _, n := range names {
				r.Header.Del(n)
			}
			return r, nil
		}}
	}
	encoded := func(valid string) string { _, e, _ := strings.Cut(valid, ","); return e }
	return []Row{
		without("svix-id", "svix-timestamp", "svix-signature"),
		without("svix-signature"),
		without("svix-timestamp"),
		without("svix-id"),
		withSignature("signature short", func(string) string { return "v1" }),
		withSignature("signature empty after the comma", func(string) string { return "v1," }),
		withSignature("signature without a comma", func(valid string) string { return "v1" + encoded(valid) }),
		withSignature("signature bad base64", func(string) string { return "v1,!!!!not*base64!!!!" }),
		withSignature("signature truncated base64", func(valid string) string { return "v1," + encoded(valid)[:10] }),
		withSignature("signature of version v2", func(valid string) string { return "v2," + encoded(valid) }),
		withSignature("signature in raw URL base64", func(valid string) string {
			return "v1," + strings.TrimRight(strings.NewReplacer("+", "-", "/", "_").Replace(encoded(valid)), "=")
		}),
		withSignature("signature with its unused trailing bits flipped", flipUnusedBits),
		withSignature("signature without its padding", func(valid string) string { return strings.TrimRight(valid, "=") }),
		withSignature("valid signature after a tab", func(valid string) string { return "v1,AAAA\t" + valid }),
		withSignature("valid signature before a tab", func(valid string) string { return valid + "\tv1,AAAA" }),
		withSignature("valid signature after 1000 entries", func(valid string) string {
			return strings.Repeat("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ", 1000) + valid
		}),
		withSignature("valid signature after 40 short entries", func(valid string) string {
			return strings.Repeat("v1,AA== ", 40) + valid
		}),
		{Name: "Svix: signature of another body", Status: http.StatusUnauthorized, Request: func(t *Target) (*http.Request, error) {
			other := t.Request(append([]byte(" "), t.Body...))
			r := t.Request(t.Body)
			r.Header.Set("svix-signature", other.Header.Get("svix-signature"))
			return r, nil
		}},
		timestampRow("not a number", func(string) string { return "yesterday" }),
		timestampRow("negative", func(string) string { return "-1" }),
		timestampRow("overflowing", func(string) string { return "99999999999999999999999" }),
		timestampRow("one second later than signed", func(ts string) string { return ts[:len(ts)-1] + string(ts[len(ts)-1]^1) }),
		{Name: "Svix: id other than signed", Status: http.StatusUnauthorized, Request: func(t *Target) (*http.Request, error) {
			r := t.Request(t.Body)
			r.Header.Set("svix-id", r.Header.Get("svix-id")+"x")
			return r, nil
		}},
	}
}

// flipUnusedBits changes the last base64 character before the padding of a
// "v1,<base64>" signature to the one that differs only in the bits the
// 32-byte HMAC does not use: lenient decoders read the same bytes, strict
// ones (and the official Standard Webhooks libraries) refuse it.
func flipUnusedBits(valid string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	trimmed := strings.TrimRight(valid, "=")
	last := strings.IndexByte(alphabet, trimmed[len(trimmed)-1])
	if last < 0 {
		return valid + "x" // not base64: refused anyway
	}
	return trimmed[:len(trimmed)-1] + string(alphabet[last^1]) + valid[len(trimmed):]
}

func timestampRow(name string, value func(signed string) string) Row {
	return Row{Name: "Svix: timestamp " + name, Status: http.StatusUnauthorized, Request: func(t *Target) (*http.Request, error) {
		r := t.Request(t.Body)
		r.Header.Set("svix-timestamp", value(r.Header.Get("svix-timestamp")))
		return r, nil
	}}
}
