package mcg

// timed is an event that holds times, which Parse reads in the WithLocation
// location (wire.Relocate). Each event type lists its own times here;
// CollectionCompleted and Unknown hold none.
// TestRelocationReachesEveryTime fails for a Time field missing from its
// type's list.
type timed interface{ eachTime(yield func(*Time)) }

func (e *CardEnd) eachTime(yield func(*Time)) { yield(&e.Answer.AnsweredAt) }

// A map value is not addressable: each card is changed in a copy and put
// back.
func (e *CourseFinish) eachTime(yield func(*Time)) {
	for id, card := range e.Cards {
		yield(&card.AnsweredAt)
		e.Cards[id] = card
	}
}

func (e *CollectionStarted) eachTime(yield func(*Time)) { yield(&e.StartedAt) }
