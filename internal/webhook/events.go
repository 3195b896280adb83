package webhook

// EventTable is a vendor's table of the events it models, in documentation
// order: each event's name as the vendor sends it and the constructor of
// its struct. Parse picks the struct from it, and the vendor's Events lists
// it, so the two can never disagree.
type EventTable[E any] []EventEntry[E]

// EventEntry is one row of an EventTable.
type EventEntry[E any] struct {
	Name string
	New  func() E
}

// New returns an empty event of the named type; ok is false for a name the
// table does not hold.
func (t EventTable[E]) New(name string) (event E, ok bool) {
	for _, entry := range t {
		if entry.Name == name {
			return entry.New(), true
		}
	}
	return event, false
}

// Names lists the table's event names in order.
func (t EventTable[E]) Names() []string {
	names := make([]string, len(t))
	for i, entry := range t {
		names[i] = entry.Name
	}
	return names
}
