// Package timetest checks that a vendor's event types list every time they
// hold for wire.Relocate: it fills, by reflection, every time reachable in
// an event, relocates the event, and reports each time that did not move
// (or moved when it should not have). A Time field added to a payload and
// forgotten in its type's list fails the check.
package timetest

import (
	"maps"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"
)

// location is where the check reads offset-less times: any location other
// than UTC moves them.
var location = time.FixedZone("UTC+3", 3*60*60)

// Relocation checks relocate on a fresh value of every event type in
// events (pointers to structs, such as new(mcg.CardEnd)), with every time
// reachable through exported fields, pointers, slices, arrays and maps:
//
//   - every time sent without an offset is read in the location;
//   - no time sent with an offset moves;
//   - an event whose times are all absent (zero, or nil pointers, slices
//     and maps) is left exactly as it was.
//
// clocks names other types that hold an offset-less wall clock in a
// time.Time field named Time (such as toolzz.DayFirstTime); they are
// checked like a wire.Time sent without an offset.
func Relocation(t *testing.T, events []any, relocate func(event any, loc *time.Location), clocks ...reflect.Type) {
	t.Helper()
	for _, c := range clocks {
		if f, ok := c.FieldByName("Time"); !ok || f.Type != reflect.TypeFor[time.Time]() {
			t.Fatalf("%s has no field Time of type time.Time", c)
		}
	}
	if len(events) == 0 {
		t.Fatal("no event types to check")
	}
	c := checker{t: t, relocate: relocate, clocks: clocks}
	withTimes := 0
	for _, sample := range events {
		typ := reflect.TypeOf(sample)
		if typ.Kind() != reflect.Pointer || typ.Elem().Kind() != reflect.Struct {
			t.Fatalf("%T is not a pointer to a struct", sample)
		}
		name := typ.Elem().Name()
		if c.moved(name, typ.Elem()) > 0 {
			withTimes++
		}
		c.notMoved(name, typ.Elem())
		c.absentLeftAlone(name, typ.Elem())
	}
	if withTimes == 0 {
		t.Error("no event type holds a time: the check checked nothing")
	}
}

// checker checks one vendor's relocate.
type checker struct {
	t        *testing.T
	relocate func(event any, loc *time.Location)
	clocks   []reflect.Type
}

// moved fills every time without an offset and wants each read in the
// location; it returns how many times the type holds.
func (c checker) moved(name string, typ reflect.Type) int {
	t := c.t
	t.Helper()
	event, f, paths := c.filled(name, typ, noOffset)
	c.relocate(event.Interface(), location)
	want := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, location)
	got := f.read(event.Elem(), name)
	for _, path := range paths {
		if !got[path].Equal(want) || got[path].Location() != location {
			t.Errorf("%s, sent without an offset, was not read in the location: %v, want %v", path, got[path], want)
		}
	}
	return len(paths)
}

// notMoved fills every wire.Time with an offset and wants none moved.
func (c checker) notMoved(name string, typ reflect.Type) {
	t := c.t
	t.Helper()
	event, f, paths := c.filled(name, typ, withOffset)
	c.relocate(event.Interface(), location)
	got := f.read(event.Elem(), name)
	for _, path := range paths {
		if !got[path].Equal(wall) || got[path].Location() != time.UTC {
			t.Errorf("%s, sent with an offset, moved: %v, want %v", path, got[path], wall)
		}
	}
}

// absentLeftAlone relocates an empty event, and one whose containers are
// made but whose times are zero, and wants each unchanged.
func (c checker) absentLeftAlone(name string, typ reflect.Type) {
	c.t.Helper()
	empty, f := reflect.New(typ), newFiller(zeroTimes, c.clocks)
	c.relocate(empty.Interface(), location)
	c.unchanged("an empty event", name, f, empty, reflect.New(typ))

	zero, _, _ := c.filled(name, typ, zeroTimes)
	want, _, _ := c.filled(name, typ, zeroTimes)
	c.relocate(zero.Interface(), location)
	c.unchanged("zero times", name, f, zero, want)
}

// unchanged reports each time of got that is no longer zero, or that got
// differs from want elsewhere; what names the case.
func (c checker) unchanged(what, name string, f *filler, got, want reflect.Value) {
	t := c.t
	t.Helper()
	if reflect.DeepEqual(got.Interface(), want.Interface()) {
		return
	}
	clocks := f.read(got.Elem(), name)
	paths := slices.Sorted(maps.Keys(clocks))
	moved := 0
	for _, path := range paths {
		if !clocks[path].IsZero() {
			t.Errorf("%s: %s, absent, was set: %v", what, path, clocks[path])
			moved++
		}
	}
	if moved == 0 {
		t.Errorf("%s: relocating changed %s outside its times", what, name)
	}
}

// filled returns a new event of typ with its times filled as how says, the
// filler, and the paths of the times, sorted.
func (c checker) filled(name string, typ reflect.Type, how fill) (reflect.Value, *filler, []string) {
	c.t.Helper()
	f := newFiller(how, c.clocks)
	event := reflect.New(typ)
	paths, err := f.set(event.Elem(), name)
	if err != nil {
		c.t.Fatal(err)
	}
	sort.Strings(paths)
	return event, f, paths
}
