package main

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

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

// costSteps is the steps of each run of the cost sizes in the page: few
// for the slow numerical method, more for the fast ones, whose steps are a
// few ticks of the page's clock.
func costSteps(m nn.Method) int {
	if m == nn.Numerical {
		return 3
	}
	return 15
}

// minSizes is the fewest sizes a slope is fitted to.
const minSizes = 4

// how says how each place times a gradient.
var how = map[string]string{
	"native":   "fastest of ≥ 3 gradients",
	"chromium": "mean of the faster half of the steps",
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

// cost measures the cost sizes in the page: a run of costSteps steps with
// 1 worker per method and size, taking the mean of the faster half of its
// steps. The slower steps are dropped because a fresh worker runs its wasm
// in V8's baseline tier until the optimizing tier has compiled the hot
// functions, which on a busy machine can outlast a few short steps. The
// mean, not the minimum, because the page's clock (performance.now(),
// coarsened with jitter to 0.1 ms where the page is not cross-origin
// isolated) ticks about as often as a backprop step of the small sizes.
func (p *Page) cost(rep *Report) []Result {
	var out []Result
	for _, m := range nn.Methods {
		var ps, ms []float64
		var errs []string
		for _, c := range nn.CostSizes(nn.Article()) {
			p.progress("chromium: cost growth, %s, S=%d H=%d (P=%d)", m, c.Size, c.Hidden, c.Params())
			link := with(article, "grad="+string(m), fmt.Sprintf("size=%d", c.Size),
				fmt.Sprintf("hidden=%d", c.Hidden), fmt.Sprintf("steps=%d", costSteps(m)), "workers=1")
			steps, _, err := p.gradMs(link, costSteps(m), slowRun)
			if err != nil {
				errs = append(errs, fmt.Sprintf("S=%d: error: %v", c.Size, err))
				continue
			}
			t := fasterHalfMean(steps)
			if t <= 0 {
				errs = append(errs, fmt.Sprintf("S=%d: 0 ms, below the page clock's tick", c.Size))
				continue
			}
			ps, ms = append(ps, float64(c.Params())), append(ms, t)
		}
		out = append(out, costRow(m, "chromium", ps, ms, errs, rep))
	}
	return out
}

// fasterHalfMean returns the mean of the smaller half (rounded up) of xs,
// which it sorts.
func fasterHalfMean(xs []float64) float64 {
	slices.Sort(xs)
	n := (len(xs) + 1) / 2
	sum := 0.0
	for _, x := range xs[:n] {
		sum += x
	}
	return sum / float64(n)
}
