package braincert

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/wire"
)

// benchBody is a documented body with three times (created_at, order_date,
// customer_since).
const benchBody = "../testdata/braincert/purchase.completed.json"

var benchLocation = time.FixedZone("TRT", 3*60*60)

// BenchmarkParseWithLocation parses a documented body with a location set.
func BenchmarkParseWithLocation(b *testing.B) {
	body := golden.Read(b, filepath.FromSlash(benchBody))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, WithLocation(benchLocation)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRelocate measures only the relocation of a parsed event's times.
func BenchmarkRelocate(b *testing.B) {
	event, err := Parse(golden.Read(b, filepath.FromSlash(benchBody)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		wire.Relocate(benchLocation, event, timed.eachTime)
	}
}
