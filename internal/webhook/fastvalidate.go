package webhook

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/lmshooks/lmshooks/internal/wire"
)

// The fast path of Validate. validator/v10 boxes every field it visits
// (reflect.Value.Interface), a quarter of a request's allocations. A plan,
// built once per type, reads only the fields that carry rules, without
// boxing. It answers only "valid": when any check fails, or the type uses a
// rule the plan does not know, Validate asks validator/v10, so every error
// stays word for word. A plan is never more lenient than validator/v10 (the
// equivalence test in fastvalidate_test.go checks it over every documented
// body with each field zeroed in turn); where it is stricter, validator/v10
// has the last word.

// check reports whether v (of the type the check was planned for) passes.
type check func(v reflect.Value) bool

// plans caches one plan per type: a check, or nil when the type has rules
// the fast path does not know (validator/v10 then always decides).
var plans sync.Map // reflect.Type -> check (nil: unsupported)

// passesFast reports whether v certainly passes its `validate` tags.
// false means "not known": validator/v10 must decide.
func passesFast(v any) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return false
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return false
	}
	c := planFor(rv.Type())
	return c != nil && c(rv)
}

// planFor returns the cached plan for a struct type, building it once.
func planFor(t reflect.Type) check {
	if c, ok := plans.Load(t); ok {
		return c.(check)
	}
	c, ok := planStruct(t, map[reflect.Type]bool{})
	switch {
	case !ok:
		c = nil
	case c == nil: // no rules anywhere
		c = func(reflect.Value) bool { return true }
	}
	plans.Store(t, c)
	return c
}

// Types that validator/v10 sees as their text (see the custom type funcs in
// validate.go), and types it does not look into.
var (
	idType      = reflect.TypeFor[wire.ID]()
	timeType    = reflect.TypeFor[wire.Time]()
	contentType = reflect.TypeFor[wire.Content]()
	stdTimeType = reflect.TypeFor[interface{ Unix() int64 }]()
)

// planStruct plans every exported field of struct type t. ok is false when
// a rule is not known. A struct with no rules anywhere gets a nil check
// (nothing to read). visiting stops recursive types, which are left to
// validator/v10.
func planStruct(t reflect.Type, visiting map[reflect.Type]bool) (c check, ok bool) {
	if visiting[t] {
		return nil, false
	}
	visiting[t] = true
	defer delete(visiting, t)
	type fieldCheck struct {
		index int
		check check
	}
	var fields []fieldCheck
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() && !f.Anonymous {
			continue // validator/v10 skips unexported fields
		}
		fc, ok := planField(f.Type, f.Tag.Get("validate"), visiting)
		if !ok {
			return nil, false
		}
		if fc != nil {
			fields = append(fields, fieldCheck{i, fc})
		}
	}
	if len(fields) == 0 {
		return nil, true
	}
	return func(v reflect.Value) bool {
		for _, f := range fields {
			if !f.check(v.Field(f.index)) {
				return false
			}
		}
		return true
	}, true
}

// planField plans one field of type t with its validate tag. A nil check
// with ok means the field needs no reading.
func planField(t reflect.Type, tag string, visiting map[reflect.Type]bool) (check, bool) {
	if tag == "-" {
		return nil, true
	}
	var rules []string
	if tag != "" {
		rules = strings.Split(tag, ",")
	}
	dive := false
	var checks []check
	for i, rule := range rules {
		if rule == "dive" {
			if i != len(rules)-1 {
				return nil, false // rules for the elements: not planned
			}
			dive = true
			break
		}
		c, ok := planRule(t, rule)
		if !ok {
			return nil, false
		}
		checks = append(checks, c)
	}
	inner, ok := planInside(t, dive, visiting)
	if !ok {
		return nil, false
	}
	if inner != nil {
		checks = append(checks, inner)
	}
	switch len(checks) {
	case 0:
		return nil, true
	case 1:
		return checks[0], true
	}
	return func(v reflect.Value) bool {
		for _, c := range checks {
			if !c(v) {
				return false
			}
		}
		return true
	}, true
}

// planInside plans what validator/v10 checks inside a field's value: a
// struct's fields (through a pointer too), and with dive a slice's or map's
// elements.
func planInside(t reflect.Type, dive bool, visiting map[reflect.Type]bool) (check, bool) {
	switch {
	case t == idType || t == timeType || t == contentType || t.Implements(stdTimeType):
		return nil, !dive
	case t.Kind() == reflect.Struct:
		if dive {
			return nil, false
		}
		return planStruct(t, visiting)
	case t.Kind() == reflect.Pointer:
		if dive {
			return nil, false
		}
		inner, ok := planInside(t.Elem(), false, visiting)
		if !ok || inner == nil {
			return nil, ok
		}
		return func(v reflect.Value) bool { return v.IsNil() || inner(v.Elem()) }, true
	case dive && (t.Kind() == reflect.Slice || t.Kind() == reflect.Map):
		elem, ok := planField(t.Elem(), "", visiting)
		if !ok || elem == nil {
			return nil, ok
		}
		if t.Kind() == reflect.Slice {
			return func(v reflect.Value) bool {
				for i := range v.Len() {
					if !elem(v.Index(i)) {
						return false
					}
				}
				return true
			}, true
		}
		return func(v reflect.Value) bool {
			for it := v.MapRange(); it.Next(); {
				if !elem(it.Value()) {
					return false
				}
			}
			return true
		}, true
	}
	return nil, !dive
}

// planRule plans one rule on a value of type t.
func planRule(t reflect.Type, rule string) (check, bool) {
	name, param, _ := strings.Cut(rule, "=")
	switch name {
	case "required":
		return planRequired(t)
	case "min", "max":
		return planBound(t, name == "min", param)
	}
	return nil, false
}

// planRequired: sent and not empty. The tolerant wire types count by their
// text, as validator/v10 sees them.
func planRequired(t reflect.Type) (check, bool) {
	switch t {
	case idType:
		return func(v reflect.Value) bool { return v.Field(0).Len() > 0 }, idField0IsValue()
	case timeType:
		i, ok := textField()
		return func(v reflect.Value) bool { return v.Field(i).Len() > 0 }, ok
	case contentType:
		return func(v reflect.Value) bool { return v.Len() > 0 }, true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return func(v reflect.Value) bool { return !v.IsNil() }, true
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64,
		reflect.Struct:
		return func(v reflect.Value) bool { return !v.IsZero() }, true
	}
	return nil, false
}

// planBound: a number, or the number a pointer holds, within the bound. A
// nil pointer is left to validator/v10.
func planBound(t reflect.Type, isMin bool, param string) (check, bool) {
	bound, err := strconv.ParseFloat(param, 64)
	if err != nil {
		return nil, false
	}
	pointer := t.Kind() == reflect.Pointer
	if pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Float64 && t.Kind() != reflect.Float32 {
		return nil, false
	}
	return func(v reflect.Value) bool {
		if pointer {
			if v.IsNil() {
				return false
			}
			v = v.Elem()
		}
		if isMin {
			return v.Float() >= bound
		}
		return v.Float() <= bound
	}, true
}

// idField0IsValue and textField find the text of wire.ID and wire.Time.
func idField0IsValue() bool {
	f := idType.Field(0)
	return f.Name == "Value" && f.Type.Kind() == reflect.String
}

func textField() (int, bool) {
	f, ok := timeType.FieldByName("Text")
	if !ok || len(f.Index) != 1 || f.Type.Kind() != reflect.String {
		return 0, false
	}
	return f.Index[0], true
}
