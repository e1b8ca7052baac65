package nn

import (
	"context"
	"math"
)

// HSweep returns, for each h in hs, the relative error (RelErr) between
// the article's central differences with that h, full forward passes as
// numerical computes them, and backprop's gradient (with bug planted, as
// the run's is), over the parameters idx, at the network's current weights
// and the batch. It calls progress with the number of h values done.
//
// Large h errs by truncation (∝ h²), small h by round-off (∝ ε/h): the
// error against h draws a V, lowest near ε^(1/3) ≈ 6e-6.
func HSweep(ctx context.Context, net *Network, batch Dataset, bug Bug, hs []float64, idx []int, progress func(done int)) ([]float64, error) {
	p := len(net.Theta)
	exact := make([]float64, p)
	if _, err := NewBackprop(bug).Compute(ctx, net, batch, 0, p, exact, nil); err != nil {
		return nil, err
	}
	want := make([]float64, len(idx))
	for q, k := range idx {
		want[q] = exact[k]
	}
	errs := make([]float64, len(hs))
	g := make([]float64, p)
	got := make([]float64, len(idx))
	for n, h := range hs {
		num := NewGradient(Numerical, h)
		for q, k := range idx {
			if _, err := num.Compute(ctx, net, batch, k, k+1, g, nil); err != nil {
				return nil, err
			}
			got[q] = g[k]
		}
		errs[n] = RelErr(got, want)
		if progress != nil {
			progress(n + 1)
		}
	}
	return errs, nil
}

// HSteps returns the h values of the sweep: 1e-1, 1e-2, …, 1e-12.
func HSteps() []float64 {
	hs := make([]float64, 12)
	for n := range hs {
		hs[n] = math.Pow(10, -float64(n+1))
	}
	return hs
}
