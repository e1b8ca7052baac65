package main

import (
	"fmt"
	"strings"

	"bibun/nn"
)

// numericalRounds is how many numerical steps cmd/bench times with each
// worker count, a round being one step with 1 worker and then one with 2:
// the cores of this shared machine change speed by a third from one
// minute to the next. The throughput is the fastest step's; the speedup
// the median of the rounds' ratios.
const numericalRounds = 3

// numerical measures target 2 in the page: numerical steps of the
// article's network with 1 worker and with 2; the worker's forward-pass
// throughput with 1 (≥ 1 GFLOP/s), the step with 2 against numpy's (at
// least half numpy's speed: a step at most twice numpy's step, numpyMs)
// and the speedup of 2 workers over 1 (≥ 1.7).
func (p *Page) numerical(numpyMs float64) []Result {
	c := nn.Article()
	best := map[int]float64{}   // the fastest step with w workers
	evals := map[int]float64{}  // its forward passes
	times := map[int][]string{} // every step's time, for the table
	failed := map[int]error{}
	var ratios []float64 // each round's t(1 worker) / t(2 workers)
	for round := range numericalRounds {
		var t [3]float64 // this round's step with 1 and 2 workers
		for _, w := range []int{1, 2} {
			p.progress("chromium: numerical, article settings, %d worker(s), 1 step (33,156 forward passes; minutes), round %d of %d", w, round+1, numericalRounds)
			steps, ev, err := p.gradMs(with(article, "grad=numerical", "steps=1", fmt.Sprintf("workers=%d", w)), 1, slowRun)
			if err != nil {
				failed[w] = err
				continue
			}
			times[w] = append(times[w], fmt.Sprintf("%.1f", steps[0]/1000))
			t[w] = steps[0]
			if best[w] == 0 || steps[0] < best[w] {
				best[w], evals[w] = steps[0], ev[0]
			}
		}
		if t[1] > 0 && t[2] > 0 {
			ratios = append(ratios, t[1]/t[2])
		}
	}
	var out []Result
	for _, w := range []int{1, 2} {
		r := Result{Group: GroupNumerical, Method: "numerical", Where: "chromium", Workers: w, Target: "≥ 1 GFLOP/s per worker",
			Settings: fmt.Sprintf("%s, 1 step, fastest of %d (steps: %s s)", articleSettings, len(times[w]), strings.Join(times[w], ", "))}
		if w == 2 {
			r.Target = "≥ 0.5× numpy's speed (a step ≤ 2× numpy's)"
		}
		if best[w] == 0 {
			out = append(out, r.failed(failed[w]))
			continue
		}
		r.Ms = best[w]
		r.GFlops = workerGFlops(c, evals[w], r.Ms, w)
		switch {
		case w == 1:
			r.Verdict = verdict(r.GFlops >= 1)
		case numpyMs > 0:
			r.Verdict = verdict(numpyMs/r.Ms >= 0.5)
		default:
			r.Verdict = "n/a: no numpy figure"
		}
		out = append(out, r)
	}
	speedup := Result{Group: GroupNumerical, Method: "numerical: 2 workers vs 1", Settings: articleSettings + ", 1 step, each round's pair",
		Where: "chromium", Workers: 2, Target: "t(1 worker) / t(2 workers) ≥ 1.7"}
	if len(ratios) > 0 {
		// The median of the rounds: each compares two steps a minute apart,
		// which the machine's drift touches less than the fastest of each.
		each := make([]string, len(ratios))
		for i, r := range ratios {
			each[i] = fmt.Sprintf("%.2f", r)
		}
		s := median(ratios)
		speedup.Value = fmt.Sprintf("speedup %.2f× on %d cores (median of the rounds: %s)", s, cores(), strings.Join(each, ", "))
		speedup.Verdict = verdict(s >= 1.7)
	} else {
		speedup = speedup.failed(fmt.Errorf("needs a round with both steps"))
	}
	return append(out, speedup)
}

// backprop measures target 3 in the page: the median gradient of 15
// backprop steps of the article's network, at most 10 ms.
func (p *Page) backprop() Result {
	r := Result{Group: GroupBackprop, Method: "backprop", Settings: articleSettings + ", 15 steps, median",
		Where: "chromium", Workers: 1, Target: "≤ 10 ms"}
	p.progress("chromium: backprop, article settings, 1 worker, 15 steps")
	ms, _, err := p.gradMs(with(article, "grad=backprop", "workers=1"), 15, quickRun)
	if err != nil {
		return r.failed(err)
	}
	r.Ms = median(ms)
	r.Verdict = verdict(r.Ms <= 10)
	return r
}

// workerGFlops returns each worker's forward-pass throughput in GFLOP/s
// during a gradient of c's network: evals forward passes in ms
// milliseconds, shared by workers.
func workerGFlops(c nn.Config, evals, ms float64, workers int) float64 {
	return evals * forwardFlops(c) / (ms / 1000) / float64(workers) / 1e9
}
