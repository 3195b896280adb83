package canonical_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/lmshooks/lmshooks/canonical"
)

func validEvent() canonical.Event {
	return canonical.Event{
		ID:          "mcg:course_finish:abc",
		Vendor:      canonical.VendorMCG,
		Type:        canonical.TypeCourseCompleted,
		VendorEvent: "course_finish",
		OccurredAt:  time.Date(2026, 3, 17, 10, 53, 51, 0, time.UTC),
		Learner:     &canonical.Learner{ID: "u"},
		Object:      &canonical.Object{Kind: canonical.KindCourse, ID: "c"},
		Result:      &canonical.Result{Score: new(float64)},
		Data:        json.RawMessage(`{"Type":"course_finish"}`),
	}
}

func TestValidate(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := map[string]func(e *canonical.Event){
		"empty id":            func(e *canonical.Event) { e.ID = "" },
		"unknown vendor":      func(e *canonical.Event) { e.Vendor = "moodle" },
		"type off vocabulary": func(e *canonical.Event) { e.Type = "course.finished" },
		"no vendor event":     func(e *canonical.Event) { e.VendorEvent = "" },
		"time not UTC":        func(e *canonical.Event) { e.OccurredAt = e.OccurredAt.In(time.FixedZone("X", 3600)) },
		"no object":           func(e *canonical.Event) { e.Object = nil },
		"object kind unknown": func(e *canonical.Event) { e.Object.Kind = "lesson" },
		"object id empty":     func(e *canonical.Event) { e.Object.ID = "" },
		"parent id empty":     func(e *canonical.Event) { e.Parent = &canonical.Object{Kind: canonical.KindCourse} },
		"empty learner":       func(e *canonical.Event) { e.Learner = &canonical.Learner{} },
		"empty result":        func(e *canonical.Event) { e.Result = &canonical.Result{} },
		"scaled above 1":      func(e *canonical.Event) { e.Result.MaxScore, e.Result.Scaled = f(100), f(1.5) },
		"scaled without max":  func(e *canonical.Event) { e.Result.Scaled = f(0.5) },
		"progress above 100":  func(e *canonical.Event) { e.Result.Progress = f(101) },
		"progress below 0":    func(e *canonical.Event) { e.Result.Progress = f(-1) },
		"expiry not UTC": func(e *canonical.Event) {
			e.Certificate = &canonical.Certificate{ExpiresAt: time.Now().In(time.FixedZone("X", 60))}
		},
		"data not an object": func(e *canonical.Event) { e.Data = json.RawMessage(`[1]`) },
		"data missing":       func(e *canonical.Event) { e.Data = nil },
		"data not JSON":      func(e *canonical.Event) { e.Data = json.RawMessage(`{"a":`) },
	}
	base := validEvent()
	assert.NoError(t, base.Validate())
	for name, breakIt := range tests {
		e := validEvent()
		breakIt(&e)
		assert.ErrorIs(t, e.Validate(), canonical.ErrInvalidEvent, name)
	}
}

func TestValidateUnknownNeedsNoObject(t *testing.T) {
	e := validEvent()
	e.Type, e.Object, e.Result, e.Learner = canonical.TypeUnknown, nil, nil, nil
	assert.NoError(t, e.Validate())
}

func TestEventJSONOmitsAbsentValues(t *testing.T) {
	e := validEvent()
	e.OccurredAt = time.Time{}
	e.Learner = nil
	out, err := json.Marshal(e)
	assert.NoError(t, err)
	assert.Equal(t, `{"id":"mcg:course_finish:abc","vendor":"mcg","type":"course.completed","vendor_event":"course_finish",`+
		`"object":{"kind":"course","id":"c"},"result":{"score":0},"data":{"Type":"course_finish"}}`, string(out))
}

func TestVocabulary(t *testing.T) {
	assert.True(t, canonical.TypeNotificationSent.Valid())
	assert.True(t, canonical.KindLiveClass.Valid())
	assert.True(t, canonical.VendorLearnInk.Valid())
	assert.False(t, canonical.Type("card.viewed").Valid())
	assert.False(t, canonical.Kind("trail").Valid())
	assert.False(t, canonical.Vendor("").Valid())
}

func TestContentID(t *testing.T) {
	a := canonical.ContentID(canonical.VendorToolzz, "x", []byte(`{"b":1,"a":[1,2]}`))
	b := canonical.ContentID(canonical.VendorToolzz, "x", []byte("{ \"a\": [1, 2],\n \"b\": 1 }"))
	c := canonical.ContentID(canonical.VendorToolzz, "x", []byte(`{"b":1,"a":[2,1]}`))
	d := canonical.ContentID(canonical.VendorToolzz, "y", []byte(`{"b":1,"a":[1,2]}`))
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	assert.NotEqual(t, a, d)
	assert.Regexp(t, `^toolzz:x:[0-9a-f]{32}$`, a)
	assert.Equal(t, "braincert:user.signup:2024", canonical.VendorID(canonical.VendorBrainCert, "user.signup", "2024"))
}
