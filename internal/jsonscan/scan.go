// Package jsonscan reads the few top-level values that name an event
// (MCG's Type, Toolzz's event.slug, ...) without decoding the body, so that
// a vendor's Parse can pick the event's struct and decode the body once.
//
// The scanner does not validate: a caller still decodes the body with
// encoding/json, which rejects what is not JSON. It gives up (ok=false)
// whenever its answer could differ from encoding/json's, and the caller then
// takes its slower, exact path.
package jsonscan

import (
	"encoding/json"
	"unicode/utf8"
)

// Members calls yield with the key (without its quotes) and the raw value of
// each member of the JSON object in data, in order, until yield returns
// false. It reports false when it gives up: data does not look like an
// object, or a key holds an escape sequence or a non-ASCII byte (encoding/json
// would unescape or fold it).
func Members(data []byte, yield func(key, value []byte) bool) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return true
	}
	for i < len(data) {
		if data[i] != '"' {
			return false
		}
		end := skipString(data, i)
		if end < 0 {
			return false
		}
		key := data[i+1 : end-1]
		for _, c := range key {
			if c == '\\' || c >= utf8.RuneSelf {
				return false
			}
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		start := skipSpace(data, i+1)
		end = skipValue(data, start)
		if end < 0 {
			return false
		}
		if !yield(key, data[start:end]) {
			return true
		}
		i = skipSpace(data, end)
		switch {
		case i < len(data) && data[i] == ',':
			i = skipSpace(data, i+1)
		case i < len(data) && data[i] == '}':
			return true
		default:
			return false
		}
	}
	return false
}

// Lookup stores in values[i] the raw value of the member whose key matches
// names[i] the way encoding/json matches a struct field's name (exactly, or
// with ASCII letters in another case), or nil when none does. names must be
// ASCII. It reports false when Members gives up or two members match one
// name (encoding/json would decode both into one field).
func Lookup(data []byte, names []string, values [][]byte) bool {
	clear(values)
	ok := true
	scanned := Members(data, func(key, value []byte) bool {
		for n, name := range names {
			if !equalFoldASCII(key, name) {
				continue
			}
			if values[n] != nil {
				ok = false
				return false
			}
			values[n] = value
		}
		return true
	})
	return scanned && ok
}

// String returns what encoding/json decodes value into a string field as
// ("" for null or a nil value), when value is null or a string literal that
// holds no escape sequence, no control character and only valid UTF-8.
func String(value []byte) (string, bool) {
	if value == nil || string(value) == "null" {
		return "", true
	}
	return PlainString(value)
}

// PlainString returns the text of a JSON string literal that holds no
// escape sequence, no control character and only valid UTF-8: the bytes
// between its quotes, which is what json.Unmarshal would return.
func PlainString(data []byte) (string, bool) {
	inner, ok := plainInner(data)
	if !ok {
		return "", false
	}
	return string(inner), true
}

// PlainBytes is PlainString without the copy: the bytes between the quotes,
// part of data.
func PlainBytes(data []byte) ([]byte, bool) { return plainInner(data) }

// plainInner is PlainString's text as bytes of data, without a copy.
func plainInner(data []byte) ([]byte, bool) {
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return nil, false
	}
	inner := data[1 : len(data)-1]
	ascii := true
	for _, c := range inner {
		switch {
		case c < 0x20, c == '"', c == '\\':
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if !ascii && !utf8.Valid(inner) {
		return nil, false
	}
	return inner, true
}

func equalFoldASCII(key []byte, name string) bool {
	if len(key) != len(name) {
		return false
	}
	for i, c := range key {
		if lower(c) != lower(name[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string literal that starts at i,
// or -1 when it does not end.
func skipString(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// skipValue returns the index after the value that starts at i, or -1 when
// there is none. Objects and arrays are skipped by counting brackets outside
// strings; their contents are not checked.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '"':
				i = skipString(data, i)
				if i < 0 {
					return -1
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	}
	start := i
	for i < len(data) {
		switch data[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			if i == start {
				return -1
			}
			return i
		}
		i++
	}
	return -1 // a top-level member's value is always followed by , or }
}

// Exact returns the raw value of the top-level member of the JSON object in
// data whose name is exactly name (after unescaping; no case folding), and
// whether there is one. It reads data as valid JSON: a caller checks it
// first.
func Exact(data []byte, name string) (value []byte, found bool) {
	start, end, found := Span(data, name)
	return data[start:end], found
}

// Span is Exact's answer as offsets: the value is data[start:end].
func Span(data []byte, name string) (start, end int, found bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return 0, 0, false
	}
	for i = skipSpace(data, i+1); i < len(data) && data[i] == '"'; {
		keyEnd := skipString(data, i)
		if keyEnd < 0 {
			return 0, 0, false
		}
		key := data[i:keyEnd]
		i = skipSpace(data, skipSpace(data, keyEnd)+1) // past ':'
		valueEnd := skipValue(data, i)
		if valueEnd < 0 {
			return 0, 0, false
		}
		if keyIs(key, name) {
			return i, valueEnd, true
		}
		i = skipSpace(data, valueEnd)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	return 0, 0, false
}

// keyIs reports whether the string literal key spells name exactly.
func keyIs(key []byte, name string) bool {
	if inner, ok := plainInner(key); ok {
		return string(inner) == name // compared without a copy
	}
	var s string
	return json.Unmarshal(key, &s) == nil && s == name
}

// IsObject reports whether the JSON text in data is an object.
func IsObject(data []byte) bool {
	i := skipSpace(data, 0)
	return i < len(data) && data[i] == '{'
}

// Elements calls yield with the raw text of each element of the JSON array
// in data, in order, until yield returns false. It reads data as valid
// JSON (a caller checks it first) and reports false when data is not an
// array.
func Elements(data []byte, yield func(element []byte) bool) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return false
	}
	for i = skipSpace(data, i+1); i < len(data) && data[i] != ']'; {
		end := skipValue(data, i)
		if end < 0 {
			return false
		}
		if !yield(data[i:end]) {
			return true
		}
		i = skipSpace(data, end)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	return true
}
