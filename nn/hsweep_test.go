package nn

import (
	"context"
	"math"
	"testing"
)

func TestHSweepDrawsAV(t *testing.T) {
	tr, err := NewTrainer(Article())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Step(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	hs := HSteps()
	errs, err := HSweep(context.Background(), tr.Net, tr.Batch(), hs, SampleParams(tr.Net, 32), nil)
	if err != nil {
		t.Fatal(err)
	}
	best := 0
	for n := range errs {
		t.Logf("h = %.0e: relative error %.3g", hs[n], errs[n])
		if errs[n] < errs[best] {
			best = n
		}
	}
	if hs[best] < 1e-7 || hs[best] > 1e-3 {
		t.Errorf("smallest error at h = %g, want between 1e-7 and 1e-3", hs[best])
	}
	if errs[0] < 100*errs[best] || errs[len(errs)-1] < 100*errs[best] {
		t.Errorf("error does not grow at both ends: %v", errs)
	}
}

func TestSampleParams(t *testing.T) {
	net := NewNetwork(256, 64)
	idx := SampleParams(net, 32)
	// 8 from W1, b1 and W2 each, both of b2.
	if len(idx) != 26 {
		t.Fatalf("%d indices: %v", len(idx), idx)
	}
	for q := 1; q < len(idx); q++ {
		if idx[q] <= idx[q-1] || idx[q] >= len(net.Theta) {
			t.Fatalf("indices not increasing within θ: %v", idx)
		}
	}
}

func TestFitSlope(t *testing.T) {
	xs := []float64{10, 100, 1000, 10000}
	ys := []float64{3, 300, 30000, 3000000} // y = 0.03·x²
	if s := FitSlope(xs, ys); math.Abs(s-2) > 1e-12 {
		t.Errorf("slope %v, want 2", s)
	}
	if s := FitSlope([]float64{5}, []float64{1}); !math.IsNaN(s) {
		t.Errorf("one point gave slope %v", s)
	}
}
