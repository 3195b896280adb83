package timetest

import (
	"fmt"
	"reflect"
	"sort"
	"time"

	"github.com/lmshooks/lmshooks/internal/wire"
)

var (
	timeType     = reflect.TypeFor[wire.Time]()
	wallSentText = "2024-03-01T12:00:00"
	// wall is the wall clock every filled time holds, read in UTC.
	wall = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
)

// fill is how a filler sets the times it reaches.
type fill int

const (
	noOffset   fill = iota // every time the wall clock, sent without an offset
	withOffset             // every wire.Time the wall clock sent with "Z"; other clocks left zero
	zeroTimes              // every container made, every time left zero
)

// filler sets every time reachable from a value, making the pointers,
// slices (two elements) and maps (two entries) on the way to one.
type filler struct {
	how fill
	// clocks are the other types that hold an offset-less wall clock in a
	// time.Time field named Time (such as toolzz.DayFirstTime).
	clocks map[reflect.Type]bool
	holds  map[reflect.Type]bool // memo of holdsTime
}

func newFiller(how fill, clocks []reflect.Type) *filler {
	f := &filler{how: how, clocks: map[reflect.Type]bool{}, holds: map[reflect.Type]bool{}}
	for _, c := range clocks {
		f.clocks[c] = true
	}
	return f
}

// isClock reports whether values of t are times the filler sets.
func (f *filler) isClock(t reflect.Type) bool { return t == timeType || f.clocks[t] }

// holdsTime reports whether a value of t can reach a time through exported
// fields, pointers, slices, arrays and maps.
func (f *filler) holdsTime(t reflect.Type) bool {
	if held, known := f.holds[t]; known {
		return held
	}
	f.holds[t] = false // a recursive type reaches a time only through its other parts
	held := false
	switch t.Kind() {
	case reflect.Struct:
		if f.isClock(t) {
			held = true
			break
		}
		for i := range t.NumField() {
			if field := t.Field(i); field.IsExported() && f.holdsTime(field.Type) {
				held = true
			}
		}
	case reflect.Pointer, reflect.Slice, reflect.Array:
		held = f.holdsTime(t.Elem())
	case reflect.Map:
		held = f.holdsTime(t.Elem())
	}
	f.holds[t] = held
	return held
}

// set fills v (settable) and returns the path of every time it set, by
// the Go expression that reaches it from path.
func (f *filler) set(v reflect.Value, path string) ([]string, error) {
	t := v.Type()
	if !f.holdsTime(t) {
		return nil, nil
	}
	switch t.Kind() {
	case reflect.Struct:
		if f.isClock(t) {
			if f.setClock(v) {
				return []string{path}, nil
			}
			return nil, nil
		}
		var paths []string
		for i := range t.NumField() {
			if field := t.Field(i); field.IsExported() {
				got, err := f.set(v.Field(i), path+"."+field.Name)
				if err != nil {
					return nil, err
				}
				paths = append(paths, got...)
			}
		}
		return paths, nil
	case reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
		return f.set(v.Elem(), "(*"+path+")")
	case reflect.Slice:
		v.Set(reflect.MakeSlice(t, 2, 2))
		return f.setElements(v, path)
	case reflect.Array:
		return f.setElements(v, path)
	case reflect.Map:
		return f.setMap(v, path)
	}
	return nil, nil
}

func (f *filler) setElements(v reflect.Value, path string) ([]string, error) {
	var paths []string
	for i := range v.Len() {
		got, err := f.set(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		paths = append(paths, got...)
	}
	return paths, nil
}

// setMap gives the map two entries; a map value is not addressable, so
// each is filled in a copy and stored.
func (f *filler) setMap(v reflect.Value, path string) ([]string, error) {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		return nil, fmt.Errorf("%s: a map keyed by %s: only string keys are supported", path, t.Key())
	}
	v.Set(reflect.MakeMap(t))
	var paths []string
	for _, k := range []string{"k0", "k1"} {
		key := reflect.ValueOf(k).Convert(t.Key())
		elem := reflect.New(t.Elem()).Elem()
		got, err := f.set(elem, fmt.Sprintf("%s[%q]", path, k))
		if err != nil {
			return nil, err
		}
		v.SetMapIndex(key, elem)
		paths = append(paths, got...)
	}
	return paths, nil
}

// setClock sets one time as f.how says, and reports whether it did: zero
// times are left zero, and so are the other clocks, which have no offset
// form, when times are sent with an offset.
func (f *filler) setClock(v reflect.Value) bool {
	switch {
	case f.how == zeroTimes:
		return false
	case v.Type() == timeType:
		v.Set(reflect.ValueOf(wire.Time{Time: wall, HasOffset: f.how == withOffset, Text: sentText(f.how)}))
		return true
	case f.how == noOffset:
		v.FieldByName("Time").Set(reflect.ValueOf(wall))
		return true
	}
	return false
}

func sentText(how fill) string {
	if how == withOffset {
		return wallSentText + "Z"
	}
	return wallSentText
}

// read returns the time.Time of every time reachable from v, by the paths
// set returns.
func (f *filler) read(v reflect.Value, path string) map[string]time.Time {
	into := map[string]time.Time{}
	f.clocksOf(v, path, into)
	return into
}

func (f *filler) clocksOf(v reflect.Value, path string, into map[string]time.Time) {
	t := v.Type()
	if !f.holdsTime(t) {
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if f.isClock(t) {
			into[path] = v.FieldByName("Time").Interface().(time.Time)
			return
		}
		for i := range t.NumField() {
			if field := t.Field(i); field.IsExported() {
				f.clocksOf(v.Field(i), path+"."+field.Name, into)
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			f.clocksOf(v.Elem(), "(*"+path+")", into)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			f.clocksOf(v.Index(i), fmt.Sprintf("%s[%d]", path, i), into)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, key := range keys {
			f.clocksOf(v.MapIndex(key), fmt.Sprintf("%s[%q]", path, key.String()), into)
		}
	}
}
