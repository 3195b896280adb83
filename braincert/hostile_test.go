package braincert_test

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/hostile"
)

const (
	hostileUser = "braincert-hook"
	hostilePass = "correct-horse-battery-staple"
)

// hostileTarget is the BrainCert handler with Basic authentication, a
// course completion as the good body.
func hostileTarget(t *testing.T) hostile.Target {
	var deliveries hostile.Deliveries
	var log hostile.Log
	h := braincert.Handler(hostile.Record[braincert.Event](&deliveries), braincert.WithBasicAuth(hostileUser, hostilePass), braincert.WithLogger(log.Logger()))
	return hostile.Target{
		Handler: h,
		Body:    golden.Read(t, filepath.Join(fixtures, "course_completion.completed.json")),
		Request: func(body []byte) *http.Request {
			r := hostile.PostJSON("/webhooks/braincert")(body)
			r.SetBasicAuth(hostileUser, hostilePass)
			return r
		},
		Deliveries:  &deliveries,
		Log:         &log,
		Required:    []string{"id", "resource", "action", "created_at", "payload.course.id", "payload.user.id"},
		TextNumbers: []string{"payload.course.id", "payload.user.id"},
		Secrets:     []string{hostilePass},
	}
}

// xmlRows post XML bodies: the fixture's XML twin in both media types, and
// entity tricks, unclosed tags, deep nesting and repeated elements.
func xmlRows(t *testing.T) []hostile.Row {
	good := string(golden.Read(t, filepath.Join(fixtures, "course_completion.completed.xml")))
	_, afterDecl, _ := strings.Cut(good, "?>")
	row := func(name string, status int, body string) hostile.Row {
		return hostile.Row{Name: "XML: " + name, Status: status, SameAsGood: status == http.StatusOK,
			Request: func(t *hostile.Target) (*http.Request, error) {
				r := t.Request([]byte(body))
				r.Header.Set("Content-Type", "application/xml; charset=utf-8")
				return r, nil
			}}
	}
	withDoctype := func(doctype string) string {
		return `<?xml version="1.0"?>` + doctype + strings.Replace(afterDecl, "<title>Example Course Title</title>", "<title>&x;</title>", 1)
	}
	const deep = 200_000
	return []hostile.Row{
		row("the fixture's XML twin", http.StatusOK, good),
		{Name: "XML: as text/xml", Status: http.StatusOK, SameAsGood: true, Request: func(t *hostile.Target) (*http.Request, error) {
			r := t.Request([]byte(good))
			r.Header.Set("Content-Type", "text/xml")
			return r, nil
		}},
		row("byte order mark before the declaration", http.StatusOK, "\ufeff"+good),
		row("byte order mark before the root", http.StatusOK, "\ufeff"+strings.TrimLeft(afterDecl, "\r\n")),
		row("two byte order marks", http.StatusBadRequest, "\ufeff\ufeff"+good),
		row("byte order mark after the declaration", http.StatusBadRequest, strings.Replace(good, "?>", "?>\ufeff", 1)),
		row("billion laughs", http.StatusBadRequest, withDoctype(`<!DOCTYPE webhook [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">`+
			`<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>`)),
		row("external entity", http.StatusBadRequest, withDoctype(`<!DOCTYPE webhook [<!ENTITY x SYSTEM "file:///etc/passwd">]>`)),
		row("external DTD", http.StatusBadRequest, `<?xml version="1.0"?><!DOCTYPE webhook SYSTEM "http://127.0.0.1:9/evil.dtd">`+afterDecl),
		row("undeclared entity", http.StatusBadRequest, strings.Replace(good, "Example Course Title", "&x;", 1)),
		row("unclosed tags", http.StatusBadRequest, good[:strings.Index(good, "</payload>")]),
		row("mismatched tags", http.StatusBadRequest, strings.Replace(good, "</title>", "</name>", 1)),
		row("200000-deep elements", http.StatusBadRequest, strings.Repeat("<a>", deep)+strings.Repeat("</a>", deep)),
		row("20000 elements", http.StatusBadRequest, "<webhook>"+strings.Repeat("<x/>", 20_000)+"</webhook>"),
		row("two roots", http.StatusBadRequest, good+"<webhook/>"),
		row("invalid UTF-8 in text", http.StatusBadRequest, strings.Replace(good, "Example Course Title", "Example \xff\xfe", 1)),
		row("declared Latin-1", http.StatusBadRequest, strings.Replace(good, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)),
		row("empty body", http.StatusBadRequest, ""),
		row("JSON body", http.StatusBadRequest, `{"id":"1"}`),
		row("an unmodelled element (accepted)", http.StatusOK, strings.Replace(good, "</payload>", "<webhook_version>2</webhook_version></payload>", 1)),
		row("repeated id, another one first (refused)", http.StatusBadRequest,
			strings.Replace(good, "<id>20240214103000123456789</id>", "<id>decoy</id><id>20240214103000123456789</id>", 1)),
		row("repeated id, empty one last (refused)", http.StatusBadRequest,
			strings.Replace(good, "<id>20240214103000123456789</id>", "<id>20240214103000123456789</id><id/>", 1)),
	}
}

func braincertRows(t *testing.T) []hostile.Row {
	return append(hostile.BasicAuthRows(hostileUser, hostilePass), xmlRows(t)...)
}

func TestHostileRequests(t *testing.T) { hostile.Run(t, hostileTarget(t), braincertRows(t)...) }

func TestHostileRequestsConcurrently(t *testing.T) {
	hostile.Concurrent(t, hostileTarget(t), braincertRows(t)...)
}

func TestOverLimitBodyMemoryIsBounded(t *testing.T) { hostile.BoundedMemory(t, hostileTarget(t)) }

func TestBusyUnderInflightLimit(t *testing.T) { hostile.Busy(t, hostileTarget(t)) }
