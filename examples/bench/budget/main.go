// Command budget checks the performance budgets of issue 14 from benchmark
// output on stdin:
//
//	library     pipeline (parse + validate + convert) / baseline-struct:
//	            geometric mean over every documented body <= 1.5, no body
//	            over 2; its allocations / baseline-struct's: geometric mean
//	            <= 1.3 (BenchmarkPipeline lines)
//	end to end  receiver (-store memory) / naive >= 1.1 on the 1 KB body and
//	            >= 1.5 on the 88 KB body; receiver / decode-only >= 0.8 on
//	            the 1 KB body (the medians that go run ./examples/bench
//	            -compare N prints)
//
// It prints the BENCHMARKS.md table (medians of every -count run) and the
// verdict of each budget, and exits 1 when one breaks (or 2 when stdin has
// neither kind of line). Timings are noisy on a shared machine, so this is
// not part of go test ./...; run it on a quiet one:
//
//	go test ./canonical -run '^$' -bench Pipeline -benchmem -count 6 > lib.txt
//	go run ./examples/bench -compare 5 > e2e.txt
//	cat lib.txt e2e.txt | go run ./examples/bench/budget
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// budgets are the limits, settable for experiments.
type budgets struct {
	geomean, worst, allocs        float64
	naiveSmall, naiveLarge, floor float64
}

func main() {
	var b budgets
	flag.Float64Var(&b.geomean, "geomean", 1.5, "pipeline / baseline-struct time: at most this, geometric mean over the bodies")
	flag.Float64Var(&b.worst, "worst", 2, "pipeline / baseline-struct time: at most this for every body")
	flag.Float64Var(&b.allocs, "allocs", 1.3, "pipeline / baseline-struct allocations: at most this, geometric mean")
	flag.Float64Var(&b.naiveSmall, "naive-1kb", 1.1, "end to end, receiver / naive on the 1 KB body: at least this")
	flag.Float64Var(&b.naiveLarge, "naive-88kb", 1.5, "end to end, receiver / naive on the 88 KB body: at least this")
	flag.Float64Var(&b.floor, "decode-only-1kb", 0.8, "end to end, receiver / decode-only on the 1 KB body: at least this")
	flag.Parse()
	in, err := read(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "budget:", err)
		os.Exit(2)
	}
	if len(in.order) == 0 && len(in.e2e) == 0 {
		fmt.Fprintln(os.Stderr, "budget: no BenchmarkPipeline lines and no -compare medians on stdin")
		os.Exit(2)
	}
	broken := 0
	if len(in.order) > 0 {
		broken += report(os.Stdout, in.runs, in.order, b)
	} else {
		fmt.Println("library budgets: not checked (no BenchmarkPipeline lines)")
	}
	broken += reportEndToEnd(os.Stdout, in.e2e, b)
	if broken > 0 {
		fmt.Printf("\n%d budgets break\n", broken)
		os.Exit(1)
	}
	fmt.Println("\nevery budget checked holds")
}

// measure is one benchmark line's numbers.
type measure struct{ ns, bytes, allocs float64 }

var (
	line    = regexp.MustCompile(`^BenchmarkPipeline/(.+)/([a-z-]+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:.*?\s([\d.]+) B/op\s+([\d.]+) allocs/op)?`)
	section = regexp.MustCompile(`^(1|88) KB `)
	ratio   = regexp.MustCompile(`^receiver / ([a-z-]+): median ([\d.]+)`)
)

// input is what stdin held: every run of every step by body, the bodies in
// order, and the end-to-end medians by "size/baseline" ("1/naive").
type input struct {
	runs  map[string]map[string][]measure
	order []string
	e2e   map[string]float64
}

func read(r io.Reader) (input, error) {
	in := input{runs: map[string]map[string][]measure{}, e2e: map[string]float64{}}
	size := ""
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if m := section.FindStringSubmatch(sc.Text()); m != nil {
			size = m[1]
			continue
		}
		if m := ratio.FindStringSubmatch(sc.Text()); m != nil && size != "" {
			v, _ := strconv.ParseFloat(m[2], 64)
			in.e2e[size+"/"+m[1]] = v
			continue
		}
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		body, step := m[1], m[2]
		if in.runs[body] == nil {
			in.runs[body] = map[string][]measure{}
			in.order = append(in.order, body)
		}
		ns, _ := strconv.ParseFloat(m[3], 64)
		b, _ := strconv.ParseFloat(m[4], 64)
		a, _ := strconv.ParseFloat(m[5], 64)
		in.runs[body][step] = append(in.runs[body][step], measure{ns, b, a})
	}
	return in, sc.Err()
}

func median(ms []measure) measure {
	if len(ms) == 0 {
		return measure{}
	}
	pick := func(get func(measure) float64) float64 {
		v := make([]float64, len(ms))
		for i, m := range ms {
			v[i] = get(m)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return measure{pick(func(m measure) float64 { return m.ns }), pick(func(m measure) float64 { return m.bytes }),
		pick(func(m measure) float64 { return m.allocs })}
}

// report prints the per-body table and the library budgets' verdicts, and
// returns how many of them break.
func report(w io.Writer, runs map[string]map[string][]measure, order []string, b budgets) int {
	steps := []string{"baseline-map", "baseline-struct", "parse", "convert", "encode", "pipeline"}
	fmt.Fprintf(w, "| body | %s | time / struct (<= %.1f) | allocs / struct |\n", strings.Join(steps, " | "), b.worst)
	fmt.Fprintf(w, "|---|%s---:|---:|\n", strings.Repeat("---:|", len(steps)))
	var logTime, logAllocs float64
	broken, over, n := 0, 0, 0
	for _, body := range order {
		if len(runs[body]["pipeline"]) == 0 || len(runs[body]["baseline-struct"]) == 0 {
			fmt.Fprintf(w, "| %s | (no pipeline or baseline-struct run: left out) |\n", body)
			continue
		}
		n++
		cells := make([]string, len(steps))
		for i, step := range steps {
			m := median(runs[body][step])
			cells[i] = fmt.Sprintf("%s<br>%.0f B, %.0f allocs", duration(m.ns), m.bytes, m.allocs)
		}
		pipeline, base := median(runs[body]["pipeline"]), median(runs[body]["baseline-struct"])
		toStruct, allocs := pipeline.ns/base.ns, pipeline.allocs/base.allocs
		logTime += math.Log(toStruct)
		logAllocs += math.Log(allocs)
		mark := ""
		if toStruct > b.worst {
			mark = " (over)"
			over++
		}
		fmt.Fprintf(w, "| %s | %s | %.2f%s | %.2f |\n", body, strings.Join(cells, " | "), toStruct, mark, allocs)
	}
	geoTime, geoAllocs := math.Exp(logTime/float64(n)), math.Exp(logAllocs/float64(n))
	fmt.Fprintln(w)
	broken += verdict(w, fmt.Sprintf("pipeline / struct, geometric mean over %d bodies", n), geoTime, b.geomean, false)
	broken += verdict(w, "bodies over "+strconv.FormatFloat(b.worst, 'f', -1, 64)+" x struct", float64(over), 0, false)
	broken += verdict(w, "pipeline / struct allocations, geometric mean", geoAllocs, b.allocs, false)
	return broken
}

// reportEndToEnd prints the end-to-end budgets' verdicts and returns how
// many break; a missing median is said, not counted.
func reportEndToEnd(w io.Writer, e2e map[string]float64, b budgets) int {
	broken := 0
	for _, c := range []struct {
		key, name string
		min       float64
	}{
		{"1/naive", "end to end, 1 KB, receiver / naive", b.naiveSmall},
		{"88/naive", "end to end, 88 KB, receiver / naive", b.naiveLarge},
		{"1/decode-only", "end to end, 1 KB, receiver / decode-only", b.floor},
	} {
		v, ok := e2e[c.key]
		if !ok {
			fmt.Fprintf(w, "%s: not checked (no -compare output)\n", c.name)
			continue
		}
		broken += verdict(w, c.name, v, c.min, true)
	}
	return broken
}

// verdict prints one budget's measure and whether it holds (at least limit
// when atLeast, else at most); it returns 1 when it breaks.
func verdict(w io.Writer, name string, got, limit float64, atLeast bool) int {
	holds, sign := got <= limit, "<="
	if atLeast {
		holds, sign = got >= limit, ">="
	}
	state := "holds"
	if !holds {
		state = fmt.Sprintf("MISSES by %.0f%%", math.Abs(got/limit-1)*100)
	}
	if limit == 0 {
		state = map[bool]string{true: "holds", false: "MISSES"}[holds]
	}
	fmt.Fprintf(w, "%s: %.2f (budget %s %.2f): %s\n", name, got, sign, limit, state)
	if holds {
		return 0
	}
	return 1
}

func duration(ns float64) string {
	if ns >= 1000 {
		return fmt.Sprintf("%.2f µs", ns/1000)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
