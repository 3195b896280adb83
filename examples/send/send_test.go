package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

const (
	basicAuth = "hook:s3cret"
	secret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
)

// received records what the test server's handlers were given.
type received struct {
	mu     sync.Mutex
	events []string // "vendor event" per delivery
	last   any      // the last typed event
}

func (r *received) add(vendor, event string, typed any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, vendor+" "+event)
	r.last = typed
}

// newServer mounts every vendor's handler, as a user's service would:
// BrainCert requires basicAuth, LearnInk signatures under secret. MCG is also
// mounted on /webhooks, standing for any URL.
func newServer(t *testing.T) (*httptest.Server, *received) {
	t.Helper()
	got := &received{}
	quiet := slog.New(slog.DiscardHandler)
	mux := http.NewServeMux()
	mcgHandler := mcg.Handler(func(_ context.Context, e mcg.Event) error {
		got.add("mcg", e.EventName(), e)
		return nil
	}, mcg.WithLogger(quiet))
	mux.Handle("/webhooks/mcg", mcgHandler)
	mux.Handle("/webhooks", mcgHandler)
	mux.Handle("/webhooks/easygenerator", easygenerator.Handler(func(_ context.Context, e easygenerator.Event) error {
		got.add("easygenerator", e.EventName(), e)
		return nil
	}, easygenerator.WithLogger(quiet)))
	user, pass, _ := strings.Cut(basicAuth, ":")
	mux.Handle("/webhooks/braincert", braincert.Handler(func(_ context.Context, e braincert.Event) error {
		got.add("braincert", e.EventName(), e)
		return nil
	}, braincert.WithBasicAuth(user, pass), braincert.WithLogger(quiet)))
	mux.Handle("/webhooks/toolzz", toolzz.Handler(func(_ context.Context, e toolzz.Event) error {
		got.add("toolzz", e.EventName(), e)
		return nil
	}, toolzz.WithLogger(quiet)))
	mux.Handle("/webhooks/learnink", learnink.Handler(func(_ context.Context, e learnink.Event) error {
		got.add("learnink", e.EventName(), e)
		return nil
	}, learnink.WithSecrets(secret), learnink.WithLogger(quiet)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, got
}

// flagsFor are the flags each vendor's route in newServer needs.
var flagsFor = map[string][]string{
	"braincert": {"-basic-auth", basicAuth},
	"learnink":  {"-learnink-secret", secret},
}

func runSend(args ...string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	err = run(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestEveryExampleArrivesAndParses(t *testing.T) {
	srv, got := newServer(t)
	var want []string
	for _, v := range vendors {
		for _, r := range v.rows() {
			args := append([]string{"-vendor", v.name, "-event", r.event}, flagsFor[v.name]...)
			stdout, stderr, err := runSend(append(args, srv.URL+"/webhooks/"+v.name)...)
			require.NoError(t, err, "%s %s: %s", v.name, r.event, stdout)
			assert.True(t, strings.HasPrefix(stdout, "200 OK\n"), stdout)
			assert.Contains(t, stderr, "POST "+srv.URL)
			want = append(want, v.name+" "+r.eventName)
		}
	}
	assert.Equal(t, want, got.events)
	assert.Len(t, want, 44)
}

func TestAnyURLWorks(t *testing.T) {
	srv, got := newServer(t)
	stdout, _, err := runSend("-vendor", "mcg", "-event", "course_finish", srv.URL+"/webhooks")
	require.NoError(t, err)
	assert.Equal(t, "200 OK\n", stdout[:7])
	assert.Equal(t, []string{"mcg course_finish"}, got.events)
}

func TestEventByFileName(t *testing.T) {
	srv, got := newServer(t)
	_, _, err := runSend("-vendor", "braincert", "-basic-auth", basicAuth, "-event", "virtual_classroom.enrollment.json", srv.URL+"/webhooks/braincert")
	require.NoError(t, err)
	assert.Equal(t, []string{"braincert virtual classroom.enrollment"}, got.events)
}

func TestBodyReplacesTheExampleButNotTheWayOfSending(t *testing.T) {
	srv, got := newServer(t)
	dir := t.TempDir()
	learninkBody := filepath.Join(dir, "started.json")
	require.NoError(t, os.WriteFile(learninkBody, []byte(`{"object":"event","type":"user.course.started","api_version":"2022-11-15",
		"data":{"user_id":"u-42","custom_id":null,"phone_number":null,"course_id":"c-7"},"timestamp":"2026-01-02T03:04:05Z"}`), 0o644))
	_, _, err := runSend("-vendor", "learnink", "-event", "notifications.sent", "-learnink-secret", secret, "-body", learninkBody, srv.URL+"/webhooks/learnink")
	require.NoError(t, err, "signed over the replaced body")
	started, ok := got.last.(*learnink.UserCourseStarted)
	require.True(t, ok, "%T", got.last)
	assert.Equal(t, "u-42", started.Data.UserID)
	assert.True(t, strings.HasPrefix(started.MessageID, "msg_"))

	xmlBody := filepath.Join(dir, "group.xml")
	require.NoError(t, os.WriteFile(xmlBody, []byte(`<webhook><id>1</id><resource>group</resource><action>created</action>
		<domain_id>7</domain_id><created_at>2026-01-02T03:04:05Z</created_at>
		<payload><group_id>55</group_id><group_name>Night class</group_name><description/></payload></webhook>`), 0o644))
	_, _, err = runSend("-vendor", "braincert", "-event", "user.signup.xml", "-basic-auth", basicAuth, "-body", xmlBody, srv.URL+"/webhooks/braincert")
	require.NoError(t, err, "sent as application/xml, as the XML example is")
	group, ok := got.last.(*braincert.GroupCreated)
	require.True(t, ok, "%T", got.last)
	assert.Equal(t, "Night class", group.Payload.GroupName)
}

func TestNon2xxIsPrintedAndAnError(t *testing.T) {
	srv, got := newServer(t)
	stdout, _, err := runSend("-vendor", "braincert", "-event", "course_completion.completed", srv.URL+"/webhooks/braincert")
	assert.EqualError(t, err, "the endpoint answered 401 Unauthorized")
	assert.Contains(t, stdout, "401 Unauthorized\n")
	assert.Contains(t, stdout, `{"error":"unauthorized"}`)
	assert.Empty(t, got.events)

	_, _, err = runSend("-vendor", "learnink", "-event", "user.course.started", srv.URL+"/webhooks/learnink")
	assert.ErrorContains(t, err, "401", "unsigned")
}

func TestList(t *testing.T) {
	stdout, _, err := runSend("-list")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	var rows int
	for _, v := range vendors {
		for _, r := range v.rows() {
			assert.Regexp(t, `(?m)^`+v.name+` +`+regexp.QuoteMeta(shellWord(r.event))+` +`+regexp.QuoteMeta(r.file)+`$`, stdout)
			rows++
		}
	}
	assert.Len(t, lines, rows)
	assert.Contains(t, stdout, `"virtual classroom.created"`, "names with a space are quoted for the shell")

	stdout, _, err = runSend("-list", "-vendor", "mcg")
	require.NoError(t, err)
	assert.Equal(t, 4, strings.Count(stdout, "\n"))
	assert.NotContains(t, stdout, "braincert")
}

func TestBadArguments(t *testing.T) {
	bodyless := filepath.Join(t.TempDir(), "missing.json")
	cases := map[string]struct {
		args []string
		want string
	}{
		"unknown vendor":      {[]string{"-vendor", "moodle", "-event", "x", "http://127.0.0.1:1/"}, `unknown vendor "moodle"; known: braincert, easygenerator, learnink, mcg, toolzz`},
		"unknown event":       {[]string{"-vendor", "mcg", "-event", "course_start", "http://127.0.0.1:1/"}, `mcg has no example "course_start"; it has: collection_completed, collection_started, course_answer, course_finish`},
		"missing URL":         {[]string{"-vendor", "mcg", "-event", "course_finish"}, "missing URL"},
		"two URLs":            {[]string{"-vendor", "mcg", "-event", "course_finish", "http://a/", "http://b/"}, "one URL, not 2 arguments"},
		"not a URL":           {[]string{"-vendor", "mcg", "-event", "course_finish", "127.0.0.1:8080/webhooks"}, "the URL must be http:// or https://"},
		"no vendor":           {[]string{"-event", "course_finish", "http://127.0.0.1:1/"}, "missing -vendor (one of braincert"},
		"no event":            {[]string{"-vendor", "mcg", "http://127.0.0.1:1/"}, "missing -event"},
		"auth for mcg":        {[]string{"-vendor", "mcg", "-event", "course_finish", "-basic-auth", "a:b", "http://127.0.0.1:1/"}, "-basic-auth is for braincert only"},
		"secret for toolzz":   {[]string{"-vendor", "toolzz", "-event", "members.updated", "-learnink-secret", secret, "http://127.0.0.1:1/"}, "-learnink-secret is for learnink only"},
		"auth without colon":  {[]string{"-vendor", "braincert", "-event", "user.signup", "-basic-auth", "hooks", "http://127.0.0.1:1/"}, "-basic-auth must be user:pass"},
		"bad secret":          {[]string{"-vendor", "learnink", "-event", "user.course.started", "-learnink-secret", "whsec_!!", "http://127.0.0.1:1/"}, "-learnink-secret: learnink: secret 1 of 1"},
		"missing body file":   {[]string{"-vendor", "mcg", "-event", "course_finish", "-body", bodyless, "http://127.0.0.1:1/"}, "-body: open"},
		"list with a URL":     {[]string{"-list", "http://127.0.0.1:1/"}, "-list takes no URL"},
		"list unknown vendor": {[]string{"-list", "-vendor", "moodle"}, `unknown vendor "moodle"`},
		"undefined flag":      {[]string{"-secret", "x"}, "flag provided but not defined: -secret"},
		"zero timeout":        {[]string{"-vendor", "mcg", "-event", "course_finish", "-timeout", "0s", "http://127.0.0.1:1/"}, "-timeout must be positive"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			stdout, _, err := runSend(c.args...)
			assert.ErrorContains(t, err, c.want)
			assert.Empty(t, stdout)
		})
	}
}

func TestTheErrorNeverQuotesTheSecret(t *testing.T) {
	_, _, err := runSend("-vendor", "learnink", "-event", "user.course.started", "-learnink-secret", "whsec_t0p!secret", "http://127.0.0.1:1/")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "t0p!secret")
}

func TestTimeout(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // so that the server notices the client leave
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	start := time.Now()
	_, _, err := runSend("-vendor", "mcg", "-event", "course_finish", "-timeout", "100ms", slow.URL)
	assert.ErrorContains(t, err, "Client.Timeout exceeded")
	assert.Less(t, time.Since(start), 3*time.Second)
}

func TestUnreachableEndpoint(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	_, _, err := runSend("-vendor", "toolzz", "-event", "members.created", url)
	assert.ErrorContains(t, err, "connect")
}

func TestHelpIsNotAnError(t *testing.T) {
	_, stderr, err := runSend("-h")
	assert.ErrorIs(t, err, flag.ErrHelp)
	assert.Contains(t, stderr, "usage: send -list")
}
