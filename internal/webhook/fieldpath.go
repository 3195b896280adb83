package webhook

import (
	"reflect"
	"strings"
)

// fieldPath is the JSON path of a wrong-typed field in the form Go 1.26's
// encoding/json gives it, on every release: Go 1.27's (the v2 engine) also
// names the index of each array element on the way ("items.0.price"), which
// 1.26 leaves out ("items.price"). Walking t, v's type, tells an index from
// a map key that happens to be digits; a path t does not explain is kept.
func fieldPath(t reflect.Type, path string) string {
	if path == "" || !strings.ContainsAny(path, "0123456789") {
		return path
	}
	segments := strings.Split(path, ".")
	kept := segments[:0]
	for _, seg := range segments {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case t == nil:
			kept = append(kept, seg)
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
			if isIndex(seg) {
				t = t.Elem()
				continue // the index 1.26 does not name
			}
			t = nil
			kept = append(kept, seg)
		case t.Kind() == reflect.Map:
			t = t.Elem()
			kept = append(kept, seg)
		case t.Kind() == reflect.Struct:
			t = fieldType(t, seg)
			kept = append(kept, seg)
		default:
			t = nil
			kept = append(kept, seg)
		}
	}
	return strings.Join(kept, ".")
}

// isIndex reports whether seg is a non-negative decimal integer.
func isIndex(seg string) bool {
	if seg == "" {
		return false
	}
	for _, c := range []byte(seg) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// fieldType is the type of struct t's field named name in JSON (as
// encoding/json matches it, case-insensitively, embedded structs
// included); nil when there is none.
func fieldType(t reflect.Type, name string) reflect.Type {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue // encoding/json never fills these
		}
		if f.Anonymous && tag == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				if inner := fieldType(ft, name); inner != nil {
					return inner
				}
			}
			continue
		}
		if tag == "" {
			tag = f.Name
		}
		if strings.EqualFold(tag, name) {
			return f.Type
		}
	}
	return nil
}
