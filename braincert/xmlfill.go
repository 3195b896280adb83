package braincert

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/lmshooks/lmshooks/internal/wire"
)

// The XML form is filled into the same structs as the JSON form by walking
// the target's type: each struct field takes the child element named like
// its JSON key, and the element's text is read by the field's Go type. So a
// number is read as JSON would read it, a time by the same parser, and the
// two forms of a body give identical values.
//
// Rules (the XML form is undocumented; see ParseXML):
//   - an empty element is null: a nil pointer, an empty ID or Time, and
//     no change to a plain string, number or boolean (as in encoding/json);
//   - an element repeated where one value is expected is read in turn, so
//     the last one wins, as with a repeated JSON key;
//   - a list is either repeated elements named like the list, or one
//     element named like the list wrapping one element per item (any name,
//     the same for all); an empty list element is an empty list;
//   - an ID is a number when its text is a JSON integer, unless its field
//     is tagged xmlid:"string" (the docs send it as a string);
//   - elements without a field are ignored, as JSON ignores unknown keys.

var (
	idType   = reflect.TypeFor[wire.ID]()
	timeType = reflect.TypeFor[wire.Time]()

	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

var (
	errXMLNotLeaf = errors.New("element has child elements where a value is expected")
	errXMLText    = errors.New("element has text where an object is expected")
	errXMLNumber  = errors.New("element text is not a number")
	errXMLBool    = errors.New("element text is not true or false")
)

// xmlFieldError is a failure at one JSON path of the target.
type xmlFieldError struct {
	path string
	err  error
}

func (e *xmlFieldError) Error() string { return e.err.Error() }
func (e *xmlFieldError) Unwrap() error { return e.err }

// fillStruct fills the struct v from the children of el.
func fillStruct(el *xmlElement, v reflect.Value, path string) error {
	if len(el.children) == 0 && !el.isEmpty() {
		return &xmlFieldError{path, errXMLText}
	}
	return fillFields(el.childrenByName(), v, path)
}

func fillFields(children map[string][]*xmlElement, v reflect.Value, path string) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, embedded := jsonKey(f)
		if embedded {
			if err := fillFields(children, v.Field(i), path); err != nil {
				return err
			}
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		elements := children[name]
		if len(elements) == 0 {
			continue
		}
		fieldPath := joinPath(path, name)
		if f.Type.Kind() == reflect.Slice {
			if err := fillSlice(elements, v.Field(i), fieldPath); err != nil {
				return err
			}
			continue
		}
		// A repeated element reads like a repeated JSON key in
		// encoding/json: each in turn, so the last one wins (and objects
		// merge, later fields winning).
		for _, el := range elements {
			if err := fillValue(el, v.Field(i), fieldPath, f.Tag.Get("xmlid")); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillSlice fills a list from the elements named like it: each is an item,
// or a wrapper whose children are the items.
func fillSlice(elements []*xmlElement, v reflect.Value, path string) error {
	itemType := v.Type().Elem()
	var items []*xmlElement
	for _, el := range elements {
		if isWrapper(el, itemType) {
			items = append(items, el.children...)
		} else if !(len(elements) == 1 && el.isEmpty()) {
			items = append(items, el)
		}
	}
	list := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		if err := fillValue(item, list.Index(i), fmt.Sprintf("%s[%d]", path, i), ""); err != nil {
			return err
		}
	}
	v.Set(list)
	return nil
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

// fillValue fills one value (not a list) from el, by the value's type.
func fillValue(el *xmlElement, v reflect.Value, path, idForm string) error {
	if v.Kind() == reflect.Pointer {
		if el.isEmpty() {
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return fillValue(el, v.Elem(), path, idForm)
	}
	if v.Kind() == reflect.Struct && v.Type() != idType && v.Type() != timeType {
		return fillStruct(el, v, path)
	}
	if len(el.children) > 0 {
		return &xmlFieldError{path, errXMLNotLeaf}
	}
	if el.isEmpty() {
		// null, as encoding/json reads it: it empties what decodes null
		// itself (ID, Time) and leaves a plain value as it was.
		if reflect.PointerTo(v.Type()).Implements(jsonUnmarshaler) {
			v.SetZero()
		}
		return nil
	}
	if err := setScalar(el, v, idForm); err != nil {
		return &xmlFieldError{path, err}
	}
	return nil
}

// setScalar reads a non-empty text into v. Strings keep their text exactly;
// other values ignore surrounding white space.
func setScalar(el *xmlElement, v reflect.Value, idForm string) error {
	text := el.trimmedText()
	switch {
	case v.Type() == idType:
		v.Set(reflect.ValueOf(xmlID(text, idForm)))
		return nil
	case v.Type() == timeType:
		t, err := wire.ParseTime(text)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(t))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(string(el.text))
	case reflect.Bool:
		if text != "true" && text != "false" {
			return errXMLBool
		}
		v.SetBool(text == "true")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		// Read the text as a JSON number, so XML and JSON agree exactly.
		if !startsLikeNumber(text) {
			return errXMLNumber
		}
		if err := json.Unmarshal([]byte(text), v.Addr().Interface()); err != nil {
			return fmt.Errorf("%w: %v", errXMLNumber, err)
		}
	default:
		return fmt.Errorf("no XML reading for Go type %s", v.Type())
	}
	return nil
}

// xmlID reads an ID's text: a number when it is a JSON integer, unless the
// field is tagged xmlid:"string".
func xmlID(text, form string) ID {
	if form != "string" && isJSONInteger(text) {
		return ID{Value: text, Numeric: true}
	}
	return ID{Value: text}
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

// hasJSONKey reports whether struct type t (or a struct it embeds) has a
// field with JSON key name.
func hasJSONKey(t reflect.Type, name string) bool {
	for i := range t.NumField() {
		key, embedded := jsonKey(t.Field(i))
		if embedded && hasJSONKey(t.Field(i).Type, name) || !embedded && key == name {
			return true
		}
	}
	return false
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
