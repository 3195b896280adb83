package braincert

import (
	"reflect"
	"time"
)

// readTimesIn re-reads every offset-less Time in the event as wall-clock
// time in loc; times that carry an offset are left alone.
func readTimesIn(event Event, loc *time.Location) {
	if loc == nil || loc == time.UTC {
		return
	}
	moveTimes(reflect.ValueOf(event), loc)
}

func moveTimes(v reflect.Value, loc *time.Location) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			moveTimes(v.Elem(), loc)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Addr().Interface().(*Time)
			t.Time = t.In(loc)
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				moveTimes(v.Field(i), loc)
			}
		}
	case reflect.Slice:
		if k := v.Type().Elem().Kind(); k != reflect.Struct && k != reflect.Pointer {
			return // no Time inside (such as Unknown.Body's bytes)
		}
		for i := range v.Len() {
			moveTimes(v.Index(i), loc)
		}
	}
}
