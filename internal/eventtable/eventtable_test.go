package eventtable_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/lmshooks/lmshooks/internal/eventtable"
)

type color string

type paint struct{ color color }

var table = eventtable.Table[color, *paint]{
	{Name: "red", New: func() *paint { return &paint{color: "red"} }},
	{Name: "blue", New: func() *paint { return &paint{color: "blue"} }},
}

func TestNewMakesAFreshEventOfTheName(t *testing.T) {
	first, ok := table.New("blue")
	assert.True(t, ok)
	assert.Equal(t, color("blue"), first.color)
	second, _ := table.New("blue")
	assert.NotSame(t, first, second, "each call makes its own event")

	none, ok := table.New("Blue")
	assert.False(t, ok, "names match exactly")
	assert.Nil(t, none)
}

func TestHasAndNames(t *testing.T) {
	assert.True(t, table.Has("red"))
	assert.False(t, table.Has("green"))
	assert.False(t, table.Has(""))
	assert.Equal(t, []string{"red", "blue"}, table.Names(), "in table order")
	assert.Empty(t, eventtable.Table[color, *paint]{}.Names())
}
