package nn

import (
	"context"
	"math"
	"testing"

	"bibun/nn/simd"
)

// The SIMD kernels (package simd) change no bit of any gradient: every
// method, on the article's network and on odd shapes (odd batch and hidden
// sizes take the kernels' tails), and with a large h, where some samples
// take the rare branches left to the Go code. make test-wasm also runs the
// golden test both ways.
func TestSIMDSameGradients(t *testing.T) {
	if !simd.On() {
		t.Skip("the SIMD kernels are off (natively, or under BIBUN_NOSIMD): nothing to compare")
	}
	odd := Config{Size: 25, Hidden: 7, Batch: 33, LR: 0.3, H: 1e-4, Steps: 2, Train: 50, Test: 20, Std: 0.5, Seed: 3}
	bigH := odd
	bigH.H, bigH.Std = 0.3, 3
	var cases []Config
	for _, m := range Methods {
		a, o, b := Article(), odd, bigH
		if m == Numerical {
			a = quick(1, m) // the article's network takes a minute
		}
		a.Method, o.Method, b.Method = m, m, m
		cases = append(cases, a, o, b)
	}
	for _, c := range cases {
		with, without := gradients(t, c, true), gradients(t, c, false)
		for k := range with {
			if math.Float64bits(with[k]) != math.Float64bits(without[k]) {
				t.Errorf("%s: g[%d] is %v with the SIMD kernels, %v without", linkOf(c), k, with[k], without[k])
				break
			}
		}
	}
}

// gradients returns the gradients of c's first two steps, with or without
// the SIMD kernels.
func gradients(t *testing.T, c Config, kernels bool) []float64 {
	t.Helper()
	was := simd.Use(kernels)
	defer simd.Use(was)
	tr, err := NewTrainer(c)
	if err != nil {
		t.Fatal(err)
	}
	var all []float64
	for range 2 {
		g := make([]float64, c.Params())
		if _, err := tr.Gradient(context.Background(), 0, len(g), g, nil); err != nil {
			t.Fatal(err)
		}
		if err := tr.Apply(g); err != nil {
			t.Fatal(err)
		}
		all = append(all, g...)
	}
	return all
}
