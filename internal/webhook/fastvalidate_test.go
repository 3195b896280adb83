package webhook_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/webhook"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

// parsers parse one documented body of each vendor into a fresh value.
var parsers = map[string]func([]byte) (any, error){
	"mcg":           func(b []byte) (any, error) { return mcg.Parse(b) },
	"learnink":      func(b []byte) (any, error) { return learnink.Parse(b) },
	"braincert":     func(b []byte) (any, error) { return braincert.Parse(b) },
	"easygenerator": func(b []byte) (any, error) { return easygenerator.Parse(b) },
	"toolzz":        func(b []byte) (any, error) { return toolzz.Parse(b) },
}

// TestFastValidationAgreesWithValidator parses every documented body, then
// for each field in turn (depth first, through pointers, slices and map
// values) zeroes it, or puts a float out of any range, and checks that the
// fast path never passes what validator/v10 refuses, and that Validate's
// error is validator/v10's word for word.
func TestFastValidationAgreesWithValidator(t *testing.T) {
	var bodies, mutations, fastPassed, refused int
	for vendor, parse := range parsers {
		paths, err := filepath.Glob(filepath.Join("../../testdata", vendor, "*.json"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("%s: no documented bodies (%v)", vendor, err)
		}
		for _, path := range paths {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := parse(body); err != nil {
				continue // a documented body the vendor refuses (an error fixture)
			}
			bodies++
			for _, mutate := range []func(reflect.Value){zero, negative, huge} {
				for n := 0; ; n++ {
					v, _ := parse(body)
					if !mutateNth(reflect.ValueOf(v), n, mutate) {
						break
					}
					mutations++
					name := fmt.Sprintf("%s field %d", filepath.Base(path), n)
					fast := webhook.PassesFast(v)
					slow := webhook.ValidateSlow(vendor, "e", v)
					got := webhook.Validate(vendor, "e", v)
					if fast {
						fastPassed++
					}
					if slow != nil {
						refused++
					}
					if fast && slow != nil {
						t.Errorf("%s: the fast path passes what validator/v10 refuses: %v", name, slow)
					}
					if fmt.Sprint(got) != fmt.Sprint(slow) {
						t.Errorf("%s: Validate says %v, validator/v10 %v", name, got, slow)
					}
				}
			}
		}
	}
	t.Logf("%d bodies, %d mutations: %d refused by validator/v10, %d passed by the fast path", bodies, mutations, refused, fastPassed)
	if bodies == 0 || refused == 0 || fastPassed == 0 {
		t.Fatal("the test checked nothing on one side")
	}
}

func zero(v reflect.Value) { v.SetZero() }

func negative(v reflect.Value) {
	if v.Kind() == reflect.Float64 || v.Kind() == reflect.Float32 {
		v.SetFloat(-1)
	}
}

func huge(v reflect.Value) {
	if v.Kind() == reflect.Float64 || v.Kind() == reflect.Float32 {
		v.SetFloat(1e9)
	}
}

// mutateNth applies mutate to the n-th settable value below v, depth first;
// false when there are fewer than n+1.
func mutateNth(v reflect.Value, n int, mutate func(reflect.Value)) bool {
	return walk(v, &n, mutate)
}

func walk(v reflect.Value, n *int, mutate func(reflect.Value)) bool {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return false
		}
		return walk(v.Elem(), n, mutate)
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				continue
			}
			if *n == 0 {
				mutate(f)
				return true
			}
			*n--
			if walk(f, n, mutate) {
				return true
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if walk(v.Index(i), n, mutate) {
				return true
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			elem := reflect.New(v.Type().Elem()).Elem()
			elem.Set(v.MapIndex(k))
			if walk(elem, n, mutate) {
				v.SetMapIndex(k, elem)
				return true
			}
		}
	}
	return false
}
