package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/lmshooks/lmshooks/internal/wire"
)

// Dump lists every exported field of v, one "path: value" line each, in a
// form that shows what the parser made of the body: an id's form (number or
// string), a time's instant and whether it carried an offset, nil versus
// empty. Map entries are listed in key order.
func Dump(v any) []byte {
	var b bytes.Buffer
	rv := reflect.ValueOf(v)
	fmt.Fprintf(&b, "type: %s\n", rv.Type())
	dump(&b, "", rv)
	return b.Bytes()
}

var (
	idType      = reflect.TypeFor[wire.ID]()
	timeType    = reflect.TypeFor[wire.Time]()
	boolType    = reflect.TypeFor[wire.Bool]()
	contentType = reflect.TypeFor[wire.Content]()
	rawType     = reflect.TypeFor[json.RawMessage]()
	stdTimeType = reflect.TypeFor[time.Time]()
)

func dump(b *bytes.Buffer, path string, v reflect.Value) {
	if leaf, ok := leafText(v); ok {
		fmt.Fprintf(b, "%s: %s\n", strings.TrimPrefix(path, "."), leaf)
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		dump(b, path, v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				dump(b, path+"."+f.Name, v.Field(i))
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			dump(b, fmt.Sprintf("%s[%q]", path, fmt.Sprint(k)), v.MapIndex(k))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			dump(b, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	}
}

// leafText renders the values Dump does not descend into.
func leafText(v reflect.Value) (string, bool) {
	switch {
	case !v.IsValid():
		return "nil", true
	case (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface ||
		v.Kind() == reflect.Map || v.Kind() == reflect.Slice) && v.IsNil():
		return "nil", true
	case (v.Kind() == reflect.Map || v.Kind() == reflect.Slice) && v.Len() == 0 && v.Type() != rawType && v.Type() != contentType:
		return "empty", true
	}
	switch v.Type() {
	case idType:
		id := v.Interface().(wire.ID)
		if id.Numeric {
			return "id " + id.Value + " (number)", true
		}
		return fmt.Sprintf("id %q (string)", id.Value), true
	case timeType:
		t := v.Interface().(wire.Time)
		if t.IsZero() {
			return "zero time", true
		}
		offset := "offset sent"
		if !t.HasOffset {
			offset = "no offset"
		}
		return fmt.Sprintf("%s (%s; sent %q)", t.Time.Format(time.RFC3339Nano), offset, t.Text), true
	case boolType:
		bv := v.Interface().(wire.Bool)
		return fmt.Sprintf("%t (sent as %s)", bv.Value, must(bv.MarshalJSON())), true
	case contentType, rawType:
		return "json " + compact(v.Bytes()), true
	case stdTimeType:
		return v.Interface().(time.Time).Format(time.RFC3339Nano), true
	}
	switch v.Kind() {
	case reflect.String:
		return fmt.Sprintf("%q", v.String()), true
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return fmt.Sprint(v.Interface()), true
	}
	return "", false
}

func compact(data []byte) string {
	var buf bytes.Buffer
	if json.Compact(&buf, data) != nil {
		return string(data)
	}
	return buf.String()
}

func must(b []byte, _ error) string { return string(b) }
