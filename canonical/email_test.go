package canonical

import (
	"net/mail"
	"strings"
	"testing"
)

// FuzzIsEmail: the dot-atom fast path changes no answer: isEmail is true
// exactly when net/mail reads s as a bare address and returns it unchanged.
func FuzzIsEmail(f *testing.F) {
	for _, s := range []string{"ana@example.com", "a.b+c@sub.example.org", "a..b@x", ".a@x", "a@x.", `"a b"@x`,
		"a@[127.0.0.1]", "Ana <ana@example.com>", "ana@", "@x", "ana", "ação@exemplo.br", "a@b@c", "a@-x-", "a@x y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		addr, err := mail.ParseAddress(s)
		want := strings.Contains(s, "@") && !strings.ContainsAny(s, " <>") && err == nil && addr.Address == s
		if got := isEmail(s); got != want {
			t.Fatalf("isEmail(%q) = %v, net/mail says %v (fast path %v)", s, got, want, isDotAtomAddress(s))
		}
	})
}
