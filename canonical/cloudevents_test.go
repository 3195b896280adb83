package canonical_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/canonical"
)

func TestToCloudEvent(t *testing.T) {
	e := validEvent()
	ce, err := e.ToCloudEvent()
	require.NoError(t, err)
	out, err := ce.MarshalStructured()
	require.NoError(t, err)
	data, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"specversion": "1.0",
		"id": "mcg:course_finish:abc",
		"source": "https://lmshooks.dev/vendors/mcg",
		"type": "dev.lmshooks.course.completed",
		"subject": "c",
		"time": "2026-03-17T10:53:51Z",
		"datacontenttype": "application/json",
		"data": `+string(data)+`
	}`, string(out))
}

func TestToCloudEventOmitsUnknownTimeAndSubject(t *testing.T) {
	e := validEvent()
	e.Type, e.Object, e.OccurredAt = canonical.TypeUnknown, nil, time.Time{}
	ce, err := e.ToCloudEvent(canonical.WithSource("urn:lms:test"))
	require.NoError(t, err)
	out, err := ce.MarshalStructured()
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(out, &m))
	assert.NotContains(t, m, "time")
	assert.NotContains(t, m, "subject")
	assert.Equal(t, "urn:lms:test", m["source"])
	assert.Equal(t, "dev.lmshooks.unknown", m["type"])
}

func TestCloudEventBinaryHeaders(t *testing.T) {
	e := validEvent()
	e.Object.ID = `Kurs "Grundlagen" 100%`
	ce, err := e.ToCloudEvent()
	require.NoError(t, err)
	h := ce.Header()
	assert.Equal(t, "1.0", h.Get("ce-specversion"))
	assert.Equal(t, "mcg:course_finish:abc", h.Get("ce-id"))
	assert.Equal(t, "https://lmshooks.dev/vendors/mcg", h.Get("ce-source"))
	assert.Equal(t, "dev.lmshooks.course.completed", h.Get("ce-type"))
	assert.Equal(t, "2026-03-17T10:53:51Z", h.Get("ce-time"))
	assert.Equal(t, `Kurs "Grundlagen" 100%`, h.Get("ce-subject"), "printable values are written as they are")
	assert.Equal(t, "application/json", h.Get("Content-Type"))
	e.Object.ID = "Ünïcode\r\nX-Injected: 1"
	ce, _ = e.ToCloudEvent()
	assert.Equal(t, "Ünïcode%0D%0AX-Injected: 1", ce.Header().Get("ce-subject"), "control characters are encoded")
}
