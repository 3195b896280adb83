package braincert

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/lmshooks/lmshooks/internal/wire"
)

// An XML body is read as the JSON body it stands for, by walking the
// target's type: each struct field takes the child elements named like its
// JSON key, and an element's text becomes the JSON value the field's Go
// type reads (a number, true or false, an id in its sent form, a string).
// Parse then reads that JSON, so the two forms of a body give identical
// values, identical AsSent bytes and identical canonical events. The rules
// are ParseXML's.

var (
	idType   = reflect.TypeFor[wire.ID]()
	timeType = reflect.TypeFor[wire.Time]()
)

var (
	errXMLNotLeaf  = errors.New("element has child elements where a value is expected")
	errXMLText     = errors.New("element has text where an object is expected")
	errXMLNumber   = errors.New("element text is not a number")
	errXMLBool     = errors.New("element text is not true or false")
	errXMLRepeated = errors.New("element repeated where one value is expected")
)

// xmlFieldError is a failure at one JSON path of the target.
type xmlFieldError struct {
	path string
	err  error
}

func (e *xmlFieldError) Error() string { return e.err.Error() }
func (e *xmlFieldError) Unwrap() error { return e.err }

// xmlAsJSON returns the JSON body the XML tree stands for, read by the
// struct of the topic its resource and action name (generically for a topic
// not modelled). A failure is a *ParseError of kind ErrMalformed naming the
// field; the envelope's fields fail before the topic is known (no Event).
func xmlAsJSON(root *xmlElement) ([]byte, error) {
	target := reflect.TypeFor[Envelope]()
	name := ""
	resource, action := root.child("resource"), root.child("action")
	if resource != nil && action != nil && len(resource.children) == 0 && len(action.children) == 0 {
		name = string(resource.text) + "." + string(action.text)
		if newEvent, known := newEventFor[Topic(name)]; known {
			target = reflect.TypeOf(newEvent()).Elem()
		}
	}
	var w xmlWriter
	err := w.object(root, target, "")
	if err == nil {
		return w.buf.Bytes(), nil
	}
	pe := &ParseError{Vendor: vendor, Kind: ErrMalformed, Cause: err}
	var fe *xmlFieldError
	if errors.As(err, &fe) {
		pe.Field = fe.path
		pe.Cause = fmt.Errorf("XML: %w", fe.err)
		if top, _, _ := strings.Cut(fe.path, "."); !hasJSONKey(reflect.TypeFor[Envelope](), top) {
			pe.Event = name
		}
	}
	return nil, pe
}

// child returns the first child element named name, or nil.
func (el *xmlElement) child(name string) *xmlElement {
	for _, c := range el.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

type xmlWriter struct{ buf bytes.Buffer }

// object writes el as an object of struct type t (nil: generic), its
// members in document order, each name at its first occurrence.
func (w *xmlWriter) object(el *xmlElement, t reflect.Type, path string) error {
	if len(el.children) == 0 && !el.isEmpty() {
		return &xmlFieldError{path, errXMLText}
	}
	groups := el.childrenByName()
	w.buf.WriteByte('{')
	written := 0
	for _, c := range el.children {
		same := groups[c.name]
		if same == nil {
			continue // written with its first occurrence
		}
		delete(groups, c.name)
		if written++; written > 1 {
			w.buf.WriteByte(',')
		}
		writeString(&w.buf, c.name)
		w.buf.WriteByte(':')
		if err := w.member(same, t, joinPath(path, c.name)); err != nil {
			return err
		}
	}
	w.buf.WriteByte('}')
	return nil
}

// member writes the value of the elements named like one key of an object
// of type t.
func (w *xmlWriter) member(elements []*xmlElement, t reflect.Type, path string) error {
	var field *reflect.StructField
	if t != nil {
		field = fieldFor(t, elements[0].name)
	}
	switch {
	case field == nil:
		if len(elements) == 1 {
			w.generic(elements[0])
			return nil
		}
		w.buf.WriteByte('[')
		for i, el := range elements {
			if i > 0 {
				w.buf.WriteByte(',')
			}
			w.generic(el)
		}
		w.buf.WriteByte(']')
		return nil
	case field.Type.Kind() == reflect.Slice && field.Type != reflect.TypeFor[json.RawMessage]():
		return w.list(elements, field.Type.Elem(), path)
	case len(elements) > 1:
		return &xmlFieldError{path, errXMLRepeated}
	}
	return w.value(elements[0], field.Type, path, field.Tag.Get("xmlid"))
}

// list writes the elements named like a list: each is an item, or a
// wrapper whose children are the items; one empty element is an empty list.
func (w *xmlWriter) list(elements []*xmlElement, item reflect.Type, path string) error {
	w.buf.WriteByte('[')
	n := 0
	for _, el := range elements {
		items := []*xmlElement{el}
		if isWrapper(el, item) {
			items = el.children
		} else if len(elements) == 1 && el.isEmpty() {
			items = nil
		}
		for _, it := range items {
			if n > 0 {
				w.buf.WriteByte(',')
			}
			if err := w.value(it, item, fmt.Sprintf("%s[%d]", path, n), ""); err != nil {
				return err
			}
			n++
		}
	}
	w.buf.WriteByte(']')
	return nil
}

// value writes one element (not a list) as type t reads it.
func (w *xmlWriter) value(el *xmlElement, t reflect.Type, path, idForm string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && t != idType && t != timeType {
		if el.isEmpty() {
			w.buf.WriteString("null")
			return nil
		}
		return w.object(el, t, path)
	}
	if t == reflect.TypeFor[json.RawMessage]() || t.Kind() == reflect.Interface {
		w.generic(el)
		return nil
	}
	if len(el.children) > 0 {
		return &xmlFieldError{path, errXMLNotLeaf}
	}
	if el.isEmpty() {
		w.buf.WriteString("null")
		return nil
	}
	if err := w.scalar(el, t, idForm); err != nil {
		return &xmlFieldError{path, err}
	}
	return nil
}

// scalar writes a non-empty text as the JSON value of type t. Strings keep
// their text exactly; other values ignore surrounding white space.
func (w *xmlWriter) scalar(el *xmlElement, t reflect.Type, idForm string) error {
	text := el.trimmedText()
	switch {
	case t == idType:
		if idForm != "string" && isJSONInteger(text) {
			w.buf.WriteString(text)
		} else {
			writeString(&w.buf, text)
		}
		return nil
	case t == timeType:
		if _, err := wire.ParseTime(text); err != nil {
			return err
		}
		writeString(&w.buf, text)
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		writeString(&w.buf, string(el.text))
	case reflect.Bool:
		if text != "true" && text != "false" {
			return errXMLBool
		}
		w.buf.WriteString(text)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		// The text must read as a JSON number of this type.
		if !startsLikeNumber(text) {
			return errXMLNumber
		}
		if err := json.Unmarshal([]byte(text), reflect.New(t).Interface()); err != nil {
			return fmt.Errorf("%w: %v", errXMLNumber, err)
		}
		w.buf.WriteString(text)
	default:
		return fmt.Errorf("no XML reading for Go type %s", t)
	}
	return nil
}

// generic writes an element no field models: an object for an element
// with children, null for an empty one, a string for any other text.
func (w *xmlWriter) generic(el *xmlElement) {
	switch {
	case len(el.children) > 0:
		_ = w.object(el, nil, "") // a generic object never fails
	case el.isEmpty():
		w.buf.WriteString("null")
	default:
		writeString(&w.buf, string(el.text))
	}
}

// writeString writes s as a JSON string, escaping only what JSON requires
// ('"', '\\' and control characters), so <, > and & stay readable.
func writeString(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			buf.WriteByte('\\')
			buf.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(buf, `\u%04x`, c)
		case c >= utf8.RuneSelf:
			_, size := utf8.DecodeRuneInString(s[i:])
			buf.WriteString(s[i : i+size])
			i += size
			continue
		default:
			buf.WriteByte(c)
		}
		i++
	}
	buf.WriteByte('"')
}

// isWrapper reports whether el wraps list items rather than being one: its
// children all share one name, and that name is not a key of the item.
func isWrapper(el *xmlElement, itemType reflect.Type) bool {
	if len(el.children) == 0 {
		return false
	}
	name := el.children[0].name
	for _, c := range el.children[1:] {
		if c.name != name {
			return false
		}
	}
	for itemType.Kind() == reflect.Pointer {
		itemType = itemType.Elem()
	}
	if itemType.Kind() == reflect.Struct && itemType != idType && itemType != timeType {
		return !hasJSONKey(itemType, name)
	}
	return true
}

// isJSONInteger reports whether s is an integer as JSON writes it: digits,
// an optional minus sign, no leading zero.
func isJSONInteger(s string) bool {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || (len(digits) > 1 && digits[0] == '0') {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// startsLikeNumber keeps null, true and quoted text out of json.Unmarshal.
func startsLikeNumber(s string) bool {
	return s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))
}

// jsonKey is a field's JSON key, as encoding/json reads it; embedded
// reports a struct embedded without a key, whose fields are the parent's.
func jsonKey(f reflect.StructField) (key string, embedded bool) {
	key, _, _ = strings.Cut(f.Tag.Get("json"), ",")
	if key == "" && f.Anonymous && f.Type.Kind() == reflect.Struct {
		return "", true
	}
	if key == "" {
		key = f.Name
	}
	return key, false
}

// fieldFor returns the field of struct type t (or of a struct it embeds)
// whose JSON key is name, or nil.
func fieldFor(t reflect.Type, name string) *reflect.StructField {
	for i := range t.NumField() {
		f := t.Field(i)
		key, embedded := jsonKey(f)
		if embedded {
			if inner := fieldFor(f.Type, name); inner != nil {
				return inner
			}
			continue
		}
		if f.IsExported() && key == name {
			return &f
		}
	}
	return nil
}

// hasJSONKey reports whether struct type t (or a struct it embeds) has a
// field with JSON key name.
func hasJSONKey(t reflect.Type, name string) bool { return fieldFor(t, name) != nil }

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
