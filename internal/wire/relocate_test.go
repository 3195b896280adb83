package wire_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/internal/wire"
)

// relocated is a payload with one time of each kind Relocate tells apart.
type relocated struct {
	NoOffset, WithOffset, Zero wire.Time
	Absent                     *wire.Time
}

func (r *relocated) times(yield func(*wire.Time)) {
	yield(&r.NoOffset)
	yield(&r.WithOffset)
	yield(&r.Zero)
	yield(r.Absent)
}

func TestRelocate(t *testing.T) {
	brt := time.FixedZone("BRT", -3*60*60)
	var r relocated
	require.NoError(t, json.Unmarshal([]byte(`{"NoOffset":"2023-07-03 12:53:41","WithOffset":"2023-07-03T12:53:41Z","Zero":null}`), &r))
	sent := r

	wire.Relocate(brt, &r, (*relocated).times)
	assert.Equal(t, time.Date(2023, 7, 3, 12, 53, 41, 0, brt), r.NoOffset.Time)
	assert.Equal(t, brt, r.NoOffset.Time.Location())
	assert.Equal(t, sent.NoOffset.Text, r.NoOffset.Text, "the text stays as sent")
	assert.Equal(t, sent.WithOffset, r.WithOffset, "an offset in the text wins")
	assert.True(t, r.Zero.IsZero(), "a zero time stays zero: %v", r.Zero.Time)
	assert.Equal(t, `null`, string(must(json.Marshal(r.Zero))), "and encodes as sent")
	assert.Nil(t, r.Absent)
}

func TestRelocateInUTCOrNowhereChangesNothing(t *testing.T) {
	for _, loc := range []*time.Location{nil, time.UTC} {
		r := relocated{NoOffset: must(wire.ParseTime("2023-07-03 12:53:41"))}
		sent := r
		wire.Relocate(loc, &r, (*relocated).times)
		assert.Equal(t, sent, r, "%v", loc)
	}
}

func TestRelocateLeavesOtherTypesAlone(t *testing.T) {
	brt := time.FixedZone("BRT", -3*60*60)
	other := struct{ At wire.Time }{must(wire.ParseTime("2023-07-03 12:53:41"))}
	sent := other
	wire.Relocate(brt, &other, (*relocated).times)
	wire.Relocate(brt, nil, (*relocated).times)
	assert.Equal(t, sent, other, "an event that is not a T holds no times")
}
