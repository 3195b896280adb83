package canonical

// resultValues is a Result with room for the values its pointer fields
// point to, so that a conversion's Result costs one allocation however many
// of them it sets (a score and a completion were three).
type resultValues struct {
	Result
	score, maxScore, passingScore, scaled, progress float64
	passed, completed                               bool
}

func newResult() *resultValues { return new(resultValues) }

// result returns the Result, whose pointers point into r.
func (r *resultValues) result() *Result { return &r.Result }

func (r *resultValues) withScore(v float64) *resultValues {
	r.score, r.Score = v, &r.score
	return r
}

func (r *resultValues) withMaxScore(v float64) *resultValues {
	r.maxScore, r.MaxScore = v, &r.maxScore
	return r
}

func (r *resultValues) withPassingScore(v float64) *resultValues {
	r.passingScore, r.PassingScore = v, &r.passingScore
	return r
}

func (r *resultValues) withScaled(v float64) *resultValues {
	r.scaled, r.Scaled = v, &r.scaled
	return r
}

func (r *resultValues) withProgress(v float64) *resultValues {
	r.progress, r.Progress = v, &r.progress
	return r
}

func (r *resultValues) withPassed(v bool) *resultValues {
	r.passed, r.Passed = v, &r.passed
	return r
}

func (r *resultValues) withCompleted(v bool) *resultValues {
	r.completed, r.Completed = v, &r.completed
	return r
}
