package canonical_test

import (
	"net/http"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/internal/golden"
)

// TestDetectVendorFixtures: every vendor's documented bodies are detected as
// that vendor, and so never as another.
func TestDetectVendorFixtures(t *testing.T) {
	vendors := []canonical.Vendor{canonical.VendorMCG, canonical.VendorEasygenerator,
		canonical.VendorBrainCert, canonical.VendorToolzz, canonical.VendorLearnInk}
	for _, vendor := range vendors {
		dir := filepath.Join("../testdata", string(vendor))
		for _, path := range golden.Fixtures(t, dir, ".json") {
			got, err := canonical.DetectVendor(http.Header{}, golden.Read(t, path))
			require.NoError(t, err, path)
			assert.Equal(t, vendor, got, path)
		}
		if vendor == canonical.VendorBrainCert {
			for _, path := range golden.Fixtures(t, dir, ".xml") {
				got, err := canonical.DetectVendor(http.Header{"Content-Type": {"application/xml"}}, golden.Read(t, path))
				require.NoError(t, err, path)
				assert.Equal(t, vendor, got, path)
				got, err = canonical.DetectVendor(http.Header{}, golden.Read(t, path))
				require.NoError(t, err, path)
				assert.Equal(t, vendor, got, "an XML body without Content-Type")
			}
		}
	}
}

func TestDetectVendorRules(t *testing.T) {
	tests := []struct {
		name   string
		header http.Header
		body   string
		want   canonical.Vendor
	}{
		{"svix headers", http.Header{"Svix-Id": {"msg_1"}}, `{"anything":1}`, canonical.VendorLearnInk},
		{"standard webhooks headers", http.Header{"Webhook-Id": {"msg_1"}}, `not json`, canonical.VendorLearnInk},
		{"learnink body", nil, `{"object":"event","type":"user.course.completed","data":{}}`, canonical.VendorLearnInk},
		{"braincert unknown topic", nil, `{"resource":"coupon","action":"created"}`, canonical.VendorBrainCert},
		{"braincert text/xml", http.Header{"Content-Type": {"text/xml; charset=utf-8"}}, `<w/>`, canonical.VendorBrainCert},
		{"mcg unknown event", nil, `{"EventType":"collection_paused"}`, canonical.VendorMCG},
		{"easygenerator", nil, `{"courseId":"c","learnerId":"l"}`, canonical.VendorEasygenerator},
		{"toolzz unknown slug", nil, `{"event":{"slug":"members.disabled"},"data":{}}`, canonical.VendorToolzz},
	}
	for _, tt := range tests {
		got, err := canonical.DetectVendor(tt.header, []byte(tt.body))
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
	}
}

func TestDetectVendorRefuses(t *testing.T) {
	for name, body := range map[string]string{
		"empty":                 ``,
		"array":                 `[{"Type":"course_answer"}]`,
		"no vendor's keys":      `{"hello":"world"}`,
		"lower-case mcg key":    `{"type":"course_answer"}`,
		"object not event":      `{"object":"list","type":"x"}`,
		"learnerId alone":       `{"learnerId":"l"}`,
		"event without slug":    `{"event":{"name":"x"}}`,
		"two vendors' keys":     `{"Type":"course_answer","resource":"user","action":"signup"}`,
		"mcg and easygenerator": `{"EventType":"x","courseId":"c","learnerId":"l"}`,
	} {
		_, err := canonical.DetectVendor(http.Header{}, []byte(body))
		assert.ErrorIs(t, err, canonical.ErrUndetectable, name)
	}
}
