package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
)

// Group orders the rows of the table: the reference, then each method,
// then the page, then cost growth.
type Group int

const (
	GroupNumpy Group = iota
	GroupNumerical
	GroupForward
	GroupIncremental
	GroupBackprop
	GroupPage
	GroupCost
)

// Result is one row of the table: one figure, where it was measured, and
// the target for it, if it has one.
type Result struct {
	Group    Group
	Method   string  // numerical, incremental, backprop, forward pass, page, …
	Settings string  // the network and run, e.g. "article 256-64-2, B=100"
	Where    string  // native, node-wasm, chromium, python3
	Ms       float64 // time of one step's gradient in ms; 0 when the row is not a step time
	Value    string  // what the time column shows when Ms is 0 (a size, a slope, …)
	GFlops   float64 // forward-pass GFLOP/s per worker; 0 when not measured
	Workers  int     // 0 when not applicable
	Target   string  // the target, "" when the row is for the record
	Verdict  string  // met, missed…, n/a…; "" when there is no target
	Err      error   // the figure could not be measured
}

// failed returns r with its error set.
func (r Result) failed(err error) Result {
	r.Err = err
	return r
}

// verdict returns "met" when ok, else "missed".
func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "missed"
}

// Report is the whole table and the notes printed under it.
type Report struct {
	Machine string
	NumpyMs float64 // the article's numpy program's median step in ms; 0 when unknown
	Rows    []Result
	Notes   []string
}

func (r *Report) add(rows ...Result) { r.Rows = append(r.Rows, rows...) }

func (r *Report) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// measured reports whether any row holds a figure.
func (r *Report) measured() bool {
	return slices.ContainsFunc(r.Rows, func(x Result) bool { return x.Err == nil })
}

var header = []string{"method", "settings", "where", "time per step (gradient ms)",
	"ratio to numpy step", "GFLOP/s", "workers", "target", "met/missed"}

// cells returns the columns of each row, in group order.
func (r *Report) cells() [][]string {
	rows := slices.Clone(r.Rows)
	slices.SortStableFunc(rows, func(a, b Result) int { return int(a.Group) - int(b.Group) })
	var out [][]string
	for _, x := range rows {
		time, ratio, gflops, workers, verdict := x.Value, "—", "—", "—", x.Verdict
		if x.Ms > 0 {
			time = formatMs(x.Ms)
			ratio = "n/a"
			if r.NumpyMs > 0 {
				ratio = formatRatio(r.NumpyMs / x.Ms)
			}
		}
		if x.GFlops > 0 {
			gflops = fmt.Sprintf("%.2f", x.GFlops)
		}
		if x.Workers > 0 {
			workers = fmt.Sprint(x.Workers)
		}
		if x.Target == "" || verdict == "" {
			verdict = "—"
		}
		if x.Err != nil {
			time, ratio, gflops, verdict = "error: "+x.Err.Error(), "—", "—", "error"
		}
		target := x.Target
		if target == "" {
			target = "—"
		}
		out = append(out, []string{x.Method, x.Settings, x.Where, time, ratio, gflops, workers, target, verdict})
	}
	return out
}

// WriteText writes the machine line, the table aligned in columns, and the notes.
func (r *Report) WriteText(w io.Writer) {
	fmt.Fprintln(w, "machine:", r.Machine)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	dashes := make([]string, len(header))
	for i, h := range header {
		dashes[i] = strings.Repeat("-", len([]rune(h)))
	}
	fmt.Fprintln(tw, strings.Join(dashes, "\t"))
	for _, c := range r.cells() {
		fmt.Fprintln(tw, strings.Join(c, "\t"))
	}
	tw.Flush()
	for _, n := range r.Notes {
		fmt.Fprintln(w, "- "+n)
	}
}

// WriteMarkdown writes the same as WriteText, as Markdown.
func (r *Report) WriteMarkdown(w io.Writer) {
	fmt.Fprintf(w, "Machine: %s\n\n", r.Machine)
	row := func(c []string) {
		esc := make([]string, len(c))
		for i, s := range c {
			esc[i] = strings.ReplaceAll(s, "|", `\|`)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(esc, " | "))
	}
	row(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	row(sep)
	for _, c := range r.cells() {
		row(c)
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range r.Notes {
			fmt.Fprintln(w, "- "+n)
		}
	}
}

// formatMs writes milliseconds with three or four significant digits.
func formatMs(ms float64) string {
	switch {
	case ms >= 100:
		return fmt.Sprintf("%.0f", ms)
	case ms >= 10:
		return fmt.Sprintf("%.1f", ms)
	case ms >= 1:
		return fmt.Sprintf("%.2f", ms)
	}
	return fmt.Sprintf("%.3f", ms)
}

// formatRatio writes how many times shorter than numpy's step a step is.
func formatRatio(x float64) string {
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x):
		return "n/a"
	case x >= 100:
		return fmt.Sprintf("%.0f×", x)
	case x >= 10:
		return fmt.Sprintf("%.1f×", x)
	case x >= 1:
		return fmt.Sprintf("%.2f×", x)
	}
	return fmt.Sprintf("%.3f× (%.1f× slower)", x, 1/x)
}

// median returns the median of xs (which it sorts), or NaN if there are none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
