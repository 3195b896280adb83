package canonical_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

// benchVendor is one vendor's pipeline, for the benchmarks: parse (decode +
// validate) and convert to canonical events.
type benchVendor struct {
	name    string
	parse   func([]byte) (any, error)
	convert func(any) ([]canonical.Event, error)
}

var benchVendors = []benchVendor{
	{"mcg",
		func(b []byte) (any, error) { return mcg.Parse(b) },
		func(e any) ([]canonical.Event, error) { return canonical.FromMCG(e.(mcg.Event)) }},
	{"learnink",
		func(b []byte) (any, error) { return learnink.Parse(b) },
		func(e any) ([]canonical.Event, error) { return canonical.FromLearnInk(e.(learnink.Event)) }},
	{"braincert",
		func(b []byte) (any, error) { return braincert.Parse(b) },
		func(e any) ([]canonical.Event, error) { return canonical.FromBrainCert(e.(braincert.Event)) }},
	{"easygenerator",
		func(b []byte) (any, error) { return easygenerator.Parse(b) },
		func(e any) ([]canonical.Event, error) { return canonical.FromEasygenerator(e.(easygenerator.Event)) }},
	{"toolzz",
		func(b []byte) (any, error) { return toolzz.Parse(b) },
		func(e any) ([]canonical.Event, error) { return canonical.FromToolzz(e.(toolzz.Event)) }},
}

// BenchmarkPipeline measures, for every documented body, the library's steps
// beside two baselines on the same body in the same run:
//
//	baseline-map     encoding/json into map[string]any (a hand-written integration)
//	baseline-struct  encoding/json into the same struct, no validation (the decoder's floor)
//	parse            the vendor's Parse: decode + validate
//	convert          canonical conversion of the parsed event
//	encode           JSON encoding of the canonical events
//	pipeline         parse + convert
//
// Run: go test ./canonical -run '^$' -bench Pipeline -benchmem
func BenchmarkPipeline(b *testing.B) {
	for _, v := range benchVendors {
		for _, path := range golden.Fixtures(b, filepath.Join("../testdata", v.name), ".json") {
			body := golden.Read(b, path)
			parsed, err := v.parse(body)
			if err != nil {
				b.Fatalf("%s: %v", path, err)
			}
			events, err := v.convert(parsed)
			if err != nil {
				b.Fatalf("%s: %v", path, err)
			}
			typ := reflect.TypeOf(parsed).Elem()
			name := v.name + "/" + strings.TrimSuffix(filepath.Base(path), ".json")

			b.Run(name+"/baseline-map", func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					var m map[string]any
					if err := json.Unmarshal(body, &m); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/baseline-struct", func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					if err := json.Unmarshal(body, reflect.New(typ).Interface()); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/parse", func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					if _, err := v.parse(body); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/convert", func(b *testing.B) {
				for b.Loop() {
					if _, err := v.convert(parsed); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/encode", func(b *testing.B) {
				for b.Loop() {
					if _, err := json.Marshal(events); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(name+"/pipeline", func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					e, err := v.parse(body)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := v.convert(e); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
