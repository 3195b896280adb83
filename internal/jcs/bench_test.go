package jcs

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSum hashes documented bodies (testdata/<vendor>/*.json): a
// small one, a BrainCert one whose names are out of order at every level,
// and MCG's course_finish.
func BenchmarkSum(b *testing.B) {
	for _, name := range []string{"easygenerator/course_finished.json", "braincert/purchase.completed.json", "mcg/course_finish.json"} {
		body, err := os.ReadFile(filepath.Join("../../testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Sum(body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
