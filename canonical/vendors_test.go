package canonical_test

import (
	"net/http"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/easygenerator"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/learnink"
	"github.com/lmshooks/lmshooks/mcg"
	"github.com/lmshooks/lmshooks/toolzz"
)

// TestEveryVendorListsItsEvents: each vendor package's Events lists distinct
// names, and every documented body it models names one of them (the
// documented bodies of events a package does not model, Toolzz's partial
// ones aside, are none).
func TestEveryVendorListsItsEvents(t *testing.T) {
	for vendor, list := range map[string][]string{
		"mcg": mcg.Events(), "easygenerator": easygenerator.Events(), "braincert": braincert.Events(),
		"toolzz": toolzz.Events(), "learnink": learnink.Events(),
	} {
		t.Run(vendor, func(t *testing.T) {
			require.NotEmpty(t, list)
			sorted := slices.Clone(list)
			slices.Sort(sorted)
			assert.Len(t, slices.Compact(sorted), len(list), "no name twice")
			for _, path := range golden.Fixtures(t, filepath.Join("../testdata", vendor), ".json") {
				header := http.Header{"Content-Type": {"application/json"}}
				var name string
				var unknown bool
				switch vendor {
				case "mcg":
					e, err := mcg.ParseRequest(header, golden.Read(t, path))
					require.NoError(t, err)
					_, unknown = e.(*mcg.Unknown)
					name = e.EventName()
				case "easygenerator":
					e, err := easygenerator.ParseRequest(header, golden.Read(t, path))
					require.NoError(t, err)
					name = e.EventName()
				case "braincert":
					e, err := braincert.ParseRequest(header, golden.Read(t, path))
					require.NoError(t, err)
					_, unknown = e.(*braincert.Unknown)
					name = e.EventName()
				case "toolzz":
					e, err := toolzz.ParseRequest(header, golden.Read(t, path))
					require.NoError(t, err)
					_, unknown = e.(*toolzz.Unknown)
					name = e.EventName()
				case "learnink":
					e, err := learnink.ParseRequest(header, golden.Read(t, path))
					require.NoError(t, err)
					_, unknown = e.(*learnink.Unknown)
					name = e.EventName()
				}
				assert.False(t, unknown, "%s is documented, so modelled", path)
				assert.Contains(t, list, name, path)
			}
		})
	}
}
