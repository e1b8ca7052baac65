package main

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"bibun/internal/browser"
	"bibun/nn"
)

// Cost growth (target 5): the gradient's time against P over the networks
// of nn.CostSizes (S = 64 … 1024 at H = 2, P = 136 … 2056), and the slope
// of log(ms) against log(P). A numerical gradient is 2P forward passes of
// work ∝ P each, so ∝ P²; incremental and backprop grow like P.

// expectedSlope is the exponent each method's cost should show.
var expectedSlope = map[nn.Method]float64{nn.Numerical: 2, nn.Incremental: 1, nn.Backprop: 1}

// slopeTolerance is how far from the expected exponent a fit may land and
// still count as met: halfway between 1 and 2 is ambiguous.
const slopeTolerance = 0.4

// minSizes is the fewest sizes a slope is fitted to.
const minSizes = 4

// how says how each place times a gradient.
var how = map[string]string{
	"native":   "fastest of ≥ 3 gradients",
	"chromium": "the page's cost view (fastest of ≥ 3 rounds in a worker)",
}

// costRow fits the slope of ms against ps and returns the method's row;
// the figures of each size go in a note.
func costRow(m nn.Method, where string, ps, ms []float64, errs []string, rep *Report) Result {
	want := expectedSlope[m]
	r := Result{Group: GroupCost, Method: string(m), Where: where, Workers: 1,
		Settings: "cost sizes S=64…1024, H=2, B=100 (P=136…2056), " + how[where],
		Target:   fmt.Sprintf("≥ %d sizes, slope %g ± %g", minSizes, want, slopeTolerance)}
	var pts []string
	for i := range ps {
		pts = append(pts, fmt.Sprintf("P=%.0f: %s ms", ps[i], formatMs(ms[i])))
	}
	pts = append(pts, errs...)
	rep.note("cost growth, %s, %s: %s", m, where, strings.Join(pts, "; "))
	if len(ps) < minSizes {
		return r.failed(fmt.Errorf("only %d sizes measured: %s", len(ps), strings.Join(errs, "; ")))
	}
	s := nn.FitSlope(ps, ms)
	r.Value = fmt.Sprintf("slope %.2f over %d sizes, %s … %s ms", s, len(ps), formatMs(ms[0]), formatMs(ms[len(ms)-1]))
	r.Verdict = verdict(math.Abs(s-want) <= slopeTolerance)
	return r
}

// costNative measures the cost sizes natively with nn.MeasureGradient (the
// fastest of at least three gradients).
func costNative(rep *Report, progress func(string, ...any)) []Result {
	var out []Result
	for _, m := range nn.Methods {
		progress("native: cost growth, %s, 5 sizes", m)
		var ps, ms []float64
		var errs []string
		for _, c := range nn.CostSizes(nn.Article()) {
			c.Method = m
			t, err := nn.MeasureGradient(context.Background(), c, time.Second)
			if err != nil {
				errs = append(errs, fmt.Sprintf("S=%d: %v", c.Size, err))
				continue
			}
			ps, ms = append(ps, float64(c.Params())), append(ms, t)
		}
		out = append(out, costRow(m, "native", ps, ms, errs, rep))
	}
	return out
}

// measureCost measures the cost sizes in the page with its own cost-growth
// view (the "Measure cost" button): a worker times every method and size
// with nn.MeasureGradient, the networks taking turns, and the chart's
// points carry each time in data-ms. That is the figure a learner sees,
// and unlike a training step's grad-ms it holds no messaging or first-run
// compilation.
func measureCost(tab *browser.Tab) (map[string]browser.Series, error) {
	if err := tab.WaitEnabled("measure-cost", loadTimeout); err != nil {
		return nil, err
	}
	if err := tab.Click("measure-cost"); err != nil {
		return nil, err
	}
	if err := tab.WaitDone("cost", -1, slowRun); err != nil {
		return nil, err
	}
	series, _, err := tab.Cost()
	return series, err
}

// costPage returns each method's row of the page's cost growth, from the
// series measureCost read, or the error that kept it from reading them.
func costPage(series map[string]browser.Series, err error, rep *Report) []Result {
	var out []Result
	for _, m := range nn.Methods {
		var errs []string
		if err != nil {
			errs = append(errs, "error: "+err.Error())
		}
		s := series[string(m)]
		out = append(out, costRow(m, "chromium", s.P, s.Ms, errs, rep))
	}
	return out
}
