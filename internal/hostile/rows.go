package hostile

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Row is one hostile request and the status it must get.
type Row struct {
	Name   string
	Status int
	// Skip, when set, skips the row with this reason: a known bug whose
	// fix belongs to another package's owner ("owner: ...").
	Skip string
	// Request builds the hostile request from the target.
	Request func(t *Target) (*http.Request, error)
	// SameAsGood asks that the event the row delivered encodes exactly as
	// the one the good request after it delivers.
	SameAsGood bool
}

// bodyRow is a row that posts a body built from the good one.
func bodyRow(name string, status int, build func(good []byte) ([]byte, error)) Row {
	return Row{Name: name, Status: status, Request: func(t *Target) (*http.Request, error) {
		body, err := build(t.Body)
		if err != nil {
			return nil, err
		}
		return t.Request(body), nil
	}}
}

// fixed returns a body builder that ignores the good body.
func fixed(body string) func([]byte) ([]byte, error) {
	return func([]byte) ([]byte, error) { return []byte(body), nil }
}

// headerRow is a good request with one header changed (deleted when value
// is empty).
func headerRow(name string, status int, header, value string) Row {
	return Row{Name: name, Status: status, Request: func(t *Target) (*http.Request, error) {
		r := t.Request(t.Body)
		if value == "" {
			r.Header.Del(header)
		} else {
			r.Header.Set(header, value)
		}
		return r, nil
	}}
}

// deepNesting is 200,000 levels of open and closed brackets.
const deepNesting = 200_000

// JSONRows is the table for a handler of JSON bodies.
func JSONRows(t *Target) []Row {
	rows := slices.Concat(methodRows(), mediaTypeRows(), contentEncodingRows(), syntaxRows(), limitRows(t))
	for _, path := range t.Required {
		rows = append(rows, requiredFieldRows(t, path)...)
	}
	rows = append(rows, overflowRows(t)...)
	return rows
}

func methodRows() []Row {
	var rows []Row
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions, "BREW"} {
		rows = append(rows, Row{Name: "method " + m, Status: http.StatusMethodNotAllowed, Request: func(t *Target) (*http.Request, error) {
			r := t.Request(t.Body)
			r.Method = m
			return r, nil
		}})
	}
	return rows
}

func mediaTypeRows() []Row {
	return []Row{
		headerRow("Content-Type missing (read as JSON)", http.StatusOK, "Content-Type", ""),
		headerRow("Content-Type with charset", http.StatusOK, "Content-Type", "application/json; charset=utf-8"),
		headerRow("Content-Type text/plain", http.StatusUnsupportedMediaType, "Content-Type", "text/plain"),
		headerRow("Content-Type form", http.StatusUnsupportedMediaType, "Content-Type", "application/x-www-form-urlencoded"),
		headerRow("Content-Type multipart", http.StatusUnsupportedMediaType, "Content-Type", "multipart/form-data; boundary=x"),
		headerRow("Content-Type application/jsonx", http.StatusUnsupportedMediaType, "Content-Type", "application/jsonx"),
		headerRow("Content-Type unparseable", http.StatusUnsupportedMediaType, "Content-Type", "application/json; ="),
	}
}

// contentEncodingRows label the good body with content codings: only
// identity may pass, and a body that really is gzip is refused as such,
// not as malformed.
func contentEncodingRows() []Row {
	return []Row{
		headerRow("Content-Encoding identity", http.StatusOK, "Content-Encoding", "identity"),
		headerRow("Content-Encoding Identity", http.StatusOK, "Content-Encoding", "Identity"),
		headerRow("Content-Encoding gzip on a plain body", http.StatusUnsupportedMediaType, "Content-Encoding", "gzip"),
		headerRow("Content-Encoding br", http.StatusUnsupportedMediaType, "Content-Encoding", "br"),
		headerRow("Content-Encoding deflate", http.StatusUnsupportedMediaType, "Content-Encoding", "deflate"),
		headerRow("Content-Encoding identity, gzip", http.StatusUnsupportedMediaType, "Content-Encoding", "identity, gzip"),
		headerRow("Content-Encoding unknown", http.StatusUnsupportedMediaType, "Content-Encoding", "x-made-up"),
		{Name: "Content-Encoding gzip on a gzip body", Status: http.StatusUnsupportedMediaType, Request: func(t *Target) (*http.Request, error) {
			var zipped bytes.Buffer
			zw := gzip.NewWriter(&zipped)
			if _, err := zw.Write(t.Body); err != nil {
				return nil, err
			}
			if err := zw.Close(); err != nil {
				return nil, err
			}
			r := t.Request(zipped.Bytes())
			r.Header.Set("Content-Encoding", "gzip")
			return r, nil
		}},
		{Name: "Content-Encoding gzip in a second header line", Status: http.StatusUnsupportedMediaType, Request: func(t *Target) (*http.Request, error) {
			r := t.Request(t.Body)
			r.Header.Add("Content-Encoding", "identity")
			r.Header.Add("Content-Encoding", "gzip")
			return r, nil
		}},
	}
}

func syntaxRows() []Row {
	return []Row{
		bodyRow("empty body", http.StatusBadRequest, fixed("")),
		bodyRow("white space only", http.StatusBadRequest, fixed(" \n\t ")),
		bodyRow("truncated in the middle", http.StatusBadRequest, func(good []byte) ([]byte, error) { return good[:len(good)/2], nil }),
		bodyRow("truncated by one byte", http.StatusBadRequest, func(good []byte) ([]byte, error) {
			trimmed := bytes.TrimRight(good, " \r\n\t")
			return trimmed[:len(trimmed)-1], nil
		}),
		bodyRow("trailing newline (allowed)", http.StatusOK, func(good []byte) ([]byte, error) { return append(bytes.Clone(good), "\r\n"...), nil }),
		bodyRow("trailing garbage", http.StatusBadRequest, func(good []byte) ([]byte, error) { return append(bytes.Clone(good), 'x'), nil }),
		bodyRow("trailing second object", http.StatusBadRequest, func(good []byte) ([]byte, error) { return append(bytes.Clone(good), "{}"...), nil }),
		bodyRow("the body twice", http.StatusBadRequest, func(good []byte) ([]byte, error) { return slices.Concat(good, []byte("\n"), good), nil }),
		bodyRow("array instead of object", http.StatusBadRequest, fixed("[]")),
		bodyRow("the body inside an array", http.StatusBadRequest, func(good []byte) ([]byte, error) { return slices.Concat([]byte("["), good, []byte("]")), nil }),
		bodyRow("string instead of object", http.StatusBadRequest, fixed(`"{}"`)),
		bodyRow("number instead of object", http.StatusBadRequest, fixed("42")),
		bodyRow("true instead of object", http.StatusBadRequest, fixed("true")),
		bodyRow("null instead of object", http.StatusBadRequest, fixed("null")),
		bodyRow("200000-deep arrays", http.StatusBadRequest, fixed(strings.Repeat("[", deepNesting)+strings.Repeat("]", deepNesting))),
		bodyRow("200000-deep objects", http.StatusBadRequest, fixed(strings.Repeat(`{"a":`, deepNesting)+"1"+strings.Repeat("}", deepNesting))),
		bodyRow("200000-deep value under an extra key", http.StatusBadRequest, func(good []byte) ([]byte, error) {
			deep := strings.Repeat("[", deepNesting) + strings.Repeat("]", deepNesting)
			return slices.Concat([]byte(`{"zz_extra":`+deep+`,`), bytes.TrimLeft(bytes.TrimSpace(good), "{")), nil
		}),
		bodyRow("an unmodelled extra key (accepted)", http.StatusOK, withExtraKeys(`"zz_extra":{"a":[1,2.50]}`)),
		bodyRow("an extra key repeated", http.StatusBadRequest, withExtraKeys(`"zz_extra":1,"zz_extra":1`)),
		bodyRow("an extra key repeated in an escaped spelling", http.StatusBadRequest, withExtraKeys(`"zz_extra":1,"\u007a\u007a_extra":2`)),
		bodyRow("an extra key repeated in another case", http.StatusBadRequest, withExtraKeys(`"zz_extra":1,"ZZ_Extra":2`)),
		bodyRow("a repeated name deep inside an extra key", http.StatusBadRequest, withExtraKeys(`"zz_extra":[{"a":{"b":1,"b":2}}]`)),
		bodyRow("200000 unclosed brackets", http.StatusBadRequest, fixed(strings.Repeat("[", deepNesting))),
		bodyRow("invalid UTF-8 between tokens", http.StatusBadRequest, func(good []byte) ([]byte, error) {
			return slices.Concat([]byte{'{', 0xff, 0xfe}, bytes.TrimLeft(bytes.TrimSpace(good), "{")), nil
		}),
		bodyRow("NUL byte before the body", http.StatusBadRequest, func(good []byte) ([]byte, error) { return slices.Concat([]byte{0}, good), nil }),
		bodyRow("UTF-8 byte order mark", http.StatusBadRequest, func(good []byte) ([]byte, error) { return slices.Concat([]byte("\ufeff"), good), nil }),
	}
}

// withExtraKeys puts members before the good body's own.
func withExtraKeys(members string) func([]byte) ([]byte, error) {
	return func(good []byte) ([]byte, error) {
		return slices.Concat([]byte("{"+members+","), bytes.TrimLeft(bytes.TrimSpace(good), "{")), nil
	}
}

// limitRows post bodies at and over the limit.
func limitRows(t *Target) []Row {
	limit := t.maxBodyBytes()
	padded := func(extra int64) func([]byte) ([]byte, error) {
		return func(good []byte) ([]byte, error) {
			good = bytes.TrimRight(good, " \r\n\t")
			if int64(len(good)) > limit {
				return nil, fmt.Errorf("good body is over the limit")
			}
			return append(bytes.Clone(good), bytes.Repeat([]byte(" "), int(limit-int64(len(good))+extra))...), nil
		}
	}
	return []Row{
		bodyRow("body exactly at the limit", http.StatusOK, padded(0)),
		bodyRow("body one byte over the limit", http.StatusRequestEntityTooLarge, padded(1)),
		{Name: "Content-Length over the limit", Status: http.StatusRequestEntityTooLarge, Request: func(t *Target) (*http.Request, error) {
			r := t.Request(t.Body)
			r.ContentLength = limit + 1
			return r, nil
		}},
	}
}

// requiredFieldRows break one required field: null, missing, each JSON
// kind it cannot be and, for a string, empty, invalid UTF-8 and a repeated
// key (refused, whichever value comes first).
func requiredFieldRows(t *Target, path string) []Row {
	kind, err := kindAt(t.Body, path)
	if err != nil {
		return []Row{{Name: path, Request: func(*Target) (*http.Request, error) { return nil, err }}}
	}
	edited := func(name string, status int, change edit) Row {
		return bodyRow(path+" "+name, status, func(good []byte) ([]byte, error) { return editBody(good, path, change) })
	}
	rows := []Row{
		edited("null", http.StatusBadRequest, replaceWith("null")),
		edited("missing", http.StatusBadRequest, func(parent *node, index int) {
			if !parent.array {
				parent.keys = slices.Delete(parent.keys, index, index+1)
			}
			parent.values = slices.Delete(parent.values, index, index+1)
		}),
	}
	for _, wrong := range []string{`{"x":1}`, `[1]`, `true`, `"text"`, `1`} {
		if wrongFor(kind, wrong) {
			rows = append(rows, edited("as "+wrong, http.StatusBadRequest, replaceWith(wrong)))
		}
	}
	if kind != "string" {
		return rows
	}
	invalidUTF8 := edited("with invalid UTF-8", http.StatusBadRequest, replaceWith("\"bad \xff\xfe utf-8\""))
	return append(rows,
		edited("empty string", http.StatusBadRequest, replaceWith(`""`)),
		edited("duplicate key, another value first (refused)", http.StatusBadRequest, repeatKey(decoy, true)),
		edited("duplicate key, empty one last (refused)", http.StatusBadRequest, repeatKey(`""`, false)),
		invalidUTF8,
	)
}

// decoy is a string that every string field accepts (a time, an id, a
// name), put before the field's own value: a body with both is refused.
const decoy = `"2000-01-01T00:00:00Z"`

// wrongFor reports whether the JSON value wrong is of another kind than a
// field sent as kind. A string and a number are interchangeable for ids, so
// neither replaces the other.
func wrongFor(kind, wrong string) bool {
	switch wrong[0] {
	case '{':
		return kind != "object"
	case '[':
		return kind != "array"
	case 't':
		return kind != "bool" && kind != "number" // a 0/1 number may be a boolean
	}
	return kind == "object" || kind == "array"
}

// overflowRows replace every number of the body with ones that overflow
// float64. An id keeps any number as its text; every other number must
// refuse it.
func overflowRows(t *Target) []Row {
	tree, err := parseTree(t.Body)
	if err != nil {
		return []Row{{Name: "overflow", Request: func(*Target) (*http.Request, error) { return nil, err }}}
	}
	huge := "1" + strings.Repeat("0", 400)
	var rows []Row
	for _, path := range tree.leaves("number", "") {
		status := http.StatusBadRequest
		if slices.Contains(t.TextNumbers, path) {
			status = http.StatusOK
		}
		for _, n := range []string{"1e400", "-1e400", huge} {
			name := path + " = " + n
			if len(n) > 10 {
				name = path + " = 10^400 written out"
			}
			rows = append(rows, bodyRow(name, status, func(good []byte) ([]byte, error) {
				return editBody(good, path, replaceWith(n))
			}))
		}
	}
	return rows
}
