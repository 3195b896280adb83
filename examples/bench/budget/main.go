// Command budget reads the output of BenchmarkPipeline and checks the
// performance budgets of issue 7 for every documented body:
//
//	pipeline (parse + validate + convert) <= 1.5 x baseline-struct
//	pipeline at least 2 x faster than baseline-map
//
// It prints the BENCHMARKS.md table (medians of every -count run) and exits
// 1 when a budget breaks. Timings are noisy on a shared machine, so this is
// not part of go test ./...; run it on a quiet one:
//
//	go test ./canonical -run '^$' -bench Pipeline -benchmem -count 5 | go run ./examples/bench/budget
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	structBudget := flag.Float64("struct", 1.5, "pipeline may take at most this many times baseline-struct")
	mapBudget := flag.Float64("map", 2, "baseline-map must take at least this many times pipeline")
	flag.Parse()
	runs, order, err := read(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "budget:", err)
		os.Exit(2)
	}
	if len(order) == 0 {
		fmt.Fprintln(os.Stderr, "budget: no BenchmarkPipeline lines on stdin")
		os.Exit(2)
	}
	broken := report(os.Stdout, runs, order, *structBudget, *mapBudget)
	if broken > 0 {
		fmt.Printf("\n%d of %d bodies break a budget\n", broken, len(order))
		os.Exit(1)
	}
	fmt.Printf("\nall %d bodies within budget\n", len(order))
}

// measure is one benchmark line's numbers.
type measure struct{ ns, bytes, allocs float64 }

var line = regexp.MustCompile(`^BenchmarkPipeline/(.+)/([a-z-]+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:.*?\s([\d.]+) B/op\s+([\d.]+) allocs/op)?`)

// read collects every run of every step, by body, and the bodies in order.
func read(r io.Reader) (map[string]map[string][]measure, []string, error) {
	runs := map[string]map[string][]measure{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		body, step := m[1], m[2]
		if runs[body] == nil {
			runs[body] = map[string][]measure{}
			order = append(order, body)
		}
		ns, _ := strconv.ParseFloat(m[3], 64)
		b, _ := strconv.ParseFloat(m[4], 64)
		a, _ := strconv.ParseFloat(m[5], 64)
		runs[body][step] = append(runs[body][step], measure{ns, b, a})
	}
	return runs, order, sc.Err()
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

// report prints the table and returns how many bodies break a budget.
func report(w io.Writer, runs map[string]map[string][]measure, order []string, structBudget, mapBudget float64) int {
	steps := []string{"baseline-map", "baseline-struct", "parse", "convert", "encode", "pipeline"}
	fmt.Fprintf(w, "| body | %s | pipeline / struct (<= %.1f) | map / pipeline (>= %.1f) | budgets |\n",
		strings.Join(steps, " | "), structBudget, mapBudget)
	fmt.Fprintf(w, "|---|%s---:|---:|---|\n", strings.Repeat("---:|", len(steps)))
	broken := 0
	for _, body := range order {
		cells := make([]string, len(steps))
		for i, step := range steps {
			m := median(runs[body][step])
			cells[i] = fmt.Sprintf("%s<br>%.0f B, %.0f allocs", duration(m.ns), m.bytes, m.allocs)
		}
		pipeline := median(runs[body]["pipeline"]).ns
		toStruct := pipeline / median(runs[body]["baseline-struct"]).ns
		mapTo := median(runs[body]["baseline-map"]).ns / pipeline
		status := "ok"
		var fails []string
		if toStruct > structBudget {
			fails = append(fails, "struct")
		}
		if mapTo < mapBudget {
			fails = append(fails, "map")
		}
		if len(fails) > 0 {
			status = "over: " + strings.Join(fails, ", ")
			broken++
		}
		fmt.Fprintf(w, "| %s | %s | %.2f | %.2f | %s |\n", body, strings.Join(cells, " | "), toStruct, mapTo, status)
	}
	return broken
}

func duration(ns float64) string {
	if ns >= 1000 {
		return fmt.Sprintf("%.2f µs", ns/1000)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
