// Package eventtable holds a vendor's table of the events it models, keyed
// by the vendor's own event-name type (mcg.EventType, toolzz.EventType, ...),
// so that Parse's dispatch, the vendor's Events list and its EventType.Known
// come from one list and can never disagree.
package eventtable

// Table is a vendor's events in documentation order: each event's name as
// the vendor sends it and the constructor of its struct.
type Table[N ~string, E any] []Entry[N, E]

// Entry is one row of a Table.
type Entry[N ~string, E any] struct {
	Name N
	New  func() E
}

// New returns an empty event of the named type; ok is false for a name the
// table does not hold. A vendor's table holds a handful of rows, so New
// scans it rather than keep a map beside it.
func (t Table[N, E]) New(name N) (event E, ok bool) {
	if entry := t.find(name); entry != nil {
		return entry.New(), true
	}
	return event, false
}

// Has reports whether the table holds name.
func (t Table[N, E]) Has(name N) bool { return t.find(name) != nil }

// Names lists the table's event names in order, as strings: the vendors'
// Events, which canonical reads for every vendor alike.
func (t Table[N, E]) Names() []string {
	names := make([]string, len(t))
	for i, entry := range t {
		names[i] = string(entry.Name)
	}
	return names
}

func (t Table[N, E]) find(name N) *Entry[N, E] {
	for i := range t {
		if t[i].Name == name {
			return &t[i]
		}
	}
	return nil
}
