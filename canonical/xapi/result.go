package xapi

import (
	"math"

	"github.com/lmshooks/lmshooks/canonical"
)

// result is the xAPI result of a statement about r: score, success,
// completion, response and progress, nil when none is known (never {}).
// A completed statement carries completion = true and never progress.
func result(r *canonical.Result, completed bool) *Result {
	var out Result
	if r != nil {
		out = Result{Score: score(r), Success: r.Passed, Completion: r.Completed, Response: r.Response}
	}
	if completed {
		out.Completion = ptr(true)
	}
	if r != nil && r.Progress != nil && (out.Completion == nil || !*out.Completion) {
		out.Extensions = map[string]any{ExtensionProgress: int(math.Round(*r.Progress))}
	}
	if out.Score == nil && out.Success == nil && out.Completion == nil && out.Response == "" && out.Extensions == nil {
		return nil
	}
	return &out
}

// outcomeResult is the result of a course's #outcome statement: success
// and score only.
func outcomeResult(r *canonical.Result) *Result {
	return &Result{Score: score(r), Success: r.Passed}
}

// score is the xAPI score of r: raw = score; min = 0 and max = max_score
// when 0 <= score <= max_score and max_score > 0 (else raw alone); scaled
// when within [0, 1]. Nil when no score is known.
func score(r *canonical.Result) *Score {
	if r.Score == nil {
		return nil
	}
	s := &Score{Raw: ptr(*r.Score)}
	if r.MaxScore != nil && *r.MaxScore > 0 && 0 <= *r.Score && *r.Score <= *r.MaxScore {
		s.Min, s.Max = ptr(0.0), ptr(*r.MaxScore)
	}
	if r.Scaled != nil && 0 <= *r.Scaled && *r.Scaled <= 1 {
		s.Scaled = ptr(*r.Scaled)
	}
	return s
}

// masteryScore is passing_score / max_score rounded to 4 decimals, when
// both are known and the fraction is within [0, 1].
func masteryScore(r *canonical.Result) (float64, bool) {
	if r == nil || r.PassingScore == nil || r.MaxScore == nil || *r.MaxScore <= 0 {
		return 0, false
	}
	m := *r.PassingScore / *r.MaxScore
	if !(0 <= m && m <= 1) {
		return 0, false
	}
	return math.Round(m*1e4) / 1e4, true
}

func ptr[T any](v T) *T { return &v }
