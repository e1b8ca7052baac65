package nn

import (
	"context"
	"math"
	"testing"
	"time"
)

// Timing is for benchmarks and the page's cost view; here only the shape
// of the sizes and that a measurement comes back.
func TestCostSizes(t *testing.T) {
	cs := CostSizes(Article())
	for k, c := range cs {
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if k > 0 {
			if r := float64(c.Params()) / float64(cs[k-1].Params()); r < 1.8 || r > 2.2 {
				t.Errorf("P %d → %d: ratio %.2f, want about 2", cs[k-1].Params(), c.Params(), r)
			}
		}
	}
	ms, err := MeasureGradient(context.Background(), cs[0], time.Millisecond)
	if err != nil || ms <= 0 {
		t.Errorf("MeasureGradient = %v, %v", ms, err)
	}
}

// TestMeasureGradientFast checks that a gradient far shorter than a
// browser's clock tick (0.1 ms) still gets a time above zero. How short it
// is depends on the machine and its load, so its size is for make bench,
// whose cost rows show such times (backprop at P = 136).
func TestMeasureGradientFast(t *testing.T) {
	c := Article()
	c.Size, c.Hidden, c.Batch, c.Method = 4, 1, 1, Backprop
	ms, err := MeasureGradient(context.Background(), c, time.Millisecond)
	if err != nil || !(ms > 0) || math.IsInf(ms, 0) {
		t.Errorf("MeasureGradient of a 4-1 backprop gradient = %v ms, %v; want a finite time above 0", ms, err)
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
