package hostile

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Run sends every row of JSONRows(target) and of extra, each as a subtest,
// and after each one a good request, which must be delivered: a hostile
// request must not leave the handler unable to serve the next one. A row
// answered 200 must have been delivered, any other must not; no response
// or log line may contain a secret.
func Run(t *testing.T, target Target, extra ...Row) {
	t.Helper()
	check(t, &target)
	for _, row := range append(JSONRows(&target), extra...) {
		t.Run(row.Name, func(t *testing.T) {
			if row.Skip != "" {
				t.Skip(row.Skip)
			}
			r, err := row.Request(&target)
			if err != nil {
				t.Fatalf("building the request: %v", err)
			}
			sendRow(t, &target, row, r)
			rowEvent := target.Deliveries.Last()
			before := target.Deliveries.Count()
			if got := serve(&target, target.Request(target.Body)); got.Code != http.StatusOK {
				t.Fatalf("the good request after this row got %d %s", got.Code, got.Body)
			}
			if target.Deliveries.Count() != before+1 {
				t.Fatal("the good request after this row was answered 200 but not delivered")
			}
			if row.SameAsGood {
				want, _ := json.Marshal(target.Deliveries.Last())
				got, _ := json.Marshal(rowEvent)
				if string(got) != string(want) {
					t.Errorf("delivered\n%s\nwant the good body's event\n%s", got, want)
				}
			}
		})
	}
}

func check(t *testing.T, target *Target) {
	t.Helper()
	if target.Handler == nil || target.Request == nil || target.Deliveries == nil || target.Log == nil || len(target.Body) == 0 {
		t.Fatal("hostile.Target needs Handler, Body, Request, Deliveries and Log")
	}
}

// sendRow sends one hostile request and checks its answer.
func sendRow(t *testing.T, target *Target, row Row, r *http.Request) {
	t.Helper()
	secrets := append(sentSecrets(r), target.Secrets...)
	before := target.Deliveries.Count()
	got := serve(target, r)
	if got.Code != row.Status {
		t.Errorf("status %d, want %d; body %s", got.Code, row.Status, got.Body)
	}
	delivered := target.Deliveries.Count() - before
	switch {
	case got.Code == http.StatusOK && delivered != 1:
		t.Errorf("answered %d but delivered %d events", got.Code, delivered)
	case got.Code != http.StatusOK && delivered != 0:
		t.Errorf("answered %d but delivered %d events", got.Code, delivered)
	}
	if got.Code >= 400 {
		checkErrorAnswer(t, target, r, got)
	}
	for _, s := range secrets {
		if strings.Contains(got.Body.String(), s) {
			t.Errorf("the response quotes a credential or signature: %s", got.Body)
		}
		if strings.Contains(target.Log.String(), s) {
			t.Errorf("the log quotes a credential or signature")
		}
	}
}

// checkErrorAnswer checks the form every rejection shares.
func checkErrorAnswer(t *testing.T, target *Target, r *http.Request, got *httptest.ResponseRecorder) {
	t.Helper()
	if got.Code == http.StatusMethodNotAllowed && got.Header().Get("Allow") != target.allow() {
		t.Errorf("405 with Allow %q, want %q", got.Header().Get("Allow"), target.allow())
	}
	if r.Method == http.MethodHead {
		return
	}
	var answer struct {
		Error string `json:"error"`
	}
	if ct := got.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("error answer has Content-Type %q", ct)
	}
	if err := json.Unmarshal(got.Body.Bytes(), &answer); err != nil || answer.Error == "" {
		t.Errorf(`error answer is not {"error": "..."}: %s`, got.Body)
	}
}

func serve(target *Target, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	target.Handler.ServeHTTP(w, r)
	return w
}

// sentSecrets are the credentials and signatures a request carries, which
// no answer or log line may repeat: the header values and, for Basic
// credentials, the decoded user and password. Values under 6 bytes are left
// out, as they match by chance.
func sentSecrets(r *http.Request) []string {
	var out []string
	add := func(s string) {
		if len(s) >= 6 {
			out = append(out, s)
		}
	}
	for _, v := range r.Header.Values("Authorization") {
		_, credentials, _ := strings.Cut(v, " ") // the scheme name is no secret
		add(strings.TrimSpace(credentials))
	}
	for _, name := range []string{"Svix-Signature", "Webhook-Signature"} {
		for _, v := range r.Header.Values(name) {
			add(v)
			for _, part := range strings.FieldsFunc(v, func(c rune) bool { return c == ' ' || c == ',' }) {
				add(part)
			}
		}
	}
	if encoded, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Basic "); ok {
		if pair, err := base64.StdEncoding.DecodeString(encoded); err == nil {
			user, pass, _ := strings.Cut(string(pair), ":")
			add(user)
			add(pass)
		}
	}
	return out
}

// Concurrent sends every row of the table (and of extra) from several
// goroutines at once, mixed with good requests, and checks each answer and
// the number of deliveries. Run it under the race detector.
func Concurrent(t *testing.T, target Target, extra ...Row) {
	t.Helper()
	check(t, &target)
	const copies = 4
	var rows []Row
	for _, row := range append(JSONRows(&target), extra...) {
		if row.Skip == "" {
			rows = append(rows, row)
		}
	}
	good := Row{Name: "good", Status: http.StatusOK, Request: func(t *Target) (*http.Request, error) { return t.Request(t.Body), nil }}
	for range len(rows) {
		rows = append(rows, good)
	}
	// Build every request first: building is not what is under test.
	requests := make([]*http.Request, 0, copies*len(rows))
	for range copies {
		for _, row := range rows {
			r, err := row.Request(&target)
			if err != nil {
				t.Fatalf("%s: %v", row.Name, err)
			}
			requests = append(requests, r)
		}
	}
	before := target.Deliveries.Count()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		accepted int
	)
	for i, r := range requests {
		row := rows[i%len(rows)]
		wg.Go(func() {
			got := serve(&target, r)
			if got.Code != row.Status {
				t.Errorf("%s: status %d, want %d", row.Name, got.Code, row.Status)
			}
			if got.Code == http.StatusOK {
				mu.Lock()
				accepted++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if delivered := target.Deliveries.Count() - before; delivered != accepted {
		t.Errorf("%d requests answered 200, %d events delivered", accepted, delivered)
	}
}
