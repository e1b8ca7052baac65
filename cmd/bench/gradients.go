package main

import (
	"fmt"

	"bibun/nn"
)

// numerical measures target 2 in the page: one numerical step of the
// article's network with 1 worker and with 2; each worker's forward-pass
// throughput (≥ 1 GFLOP/s) and the speedup of 2 workers over 1 (≥ 1.7).
func (p *Page) numerical() []Result {
	c := nn.Article()
	ms := map[int]float64{}
	var out []Result
	for _, w := range []int{1, 2} {
		r := Result{Group: GroupNumerical, Method: "numerical", Settings: articleSettings + ", 1 step",
			Where: "chromium", Workers: w, Target: "≥ 1 GFLOP/s per worker"}
		p.progress("chromium: numerical, article settings, %d worker(s), 1 step (33,156 forward passes; minutes)", w)
		steps, evals, err := p.gradMs(with(article, "grad=numerical", "steps=1", fmt.Sprintf("workers=%d", w)), 1, slowRun)
		if err != nil {
			out = append(out, r.failed(err))
			continue
		}
		r.Ms, ms[w] = steps[0], steps[0]
		r.GFlops = evals[0] * forwardFlops(c) / (r.Ms / 1000) / float64(w) / 1e9
		r.Verdict = verdict(r.GFlops >= 1)
		out = append(out, r)
	}
	speedup := Result{Group: GroupNumerical, Method: "numerical: 2 workers vs 1", Settings: articleSettings + ", 1 step",
		Where: "chromium", Workers: 2, Target: "t(1 worker) / t(2 workers) ≥ 1.7"}
	if ms[1] > 0 && ms[2] > 0 {
		s := ms[1] / ms[2]
		speedup.Value = fmt.Sprintf("speedup %.2f× on %d cores", s, cores())
		speedup.Verdict = verdict(s >= 1.7)
	} else {
		speedup = speedup.failed(fmt.Errorf("needs both runs above"))
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
