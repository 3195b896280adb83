package webhook

import (
	"reflect"
	"testing"
)

func TestFieldPathDropsOnlyArrayIndexes(t *testing.T) {
	type item struct {
		Price float64 `json:"price"`
	}
	type doc struct {
		Items []item          `json:"items"`
		Cards map[string]item `json:"cards"`
		Grid  [][]item        `json:"grid"`
	}
	for path, want := range map[string]string{
		"items.0.price":    "items.price",      // Go 1.27
		"items.price":      "items.price",      // Go 1.26
		"cards.2734.price": "cards.2734.price", // a map key of digits stays
		"grid.1.2.price":   "grid.price",
		"other.0":          "other.0", // not in the type: kept
		"":                 "",
	} {
		if got := fieldPath(reflect.TypeOf(&doc{}), path); got != want {
			t.Errorf("fieldPath(%q) = %q, want %q", path, got, want)
		}
	}
}
