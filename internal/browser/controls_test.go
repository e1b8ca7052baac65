package browser

import (
	"math"
	"testing"
)

func TestRoundFormat(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{math.Pow(10, -4), "0.0001"},
		{math.Pow(10, math.Log10(0.1)), "0.1"},
		{math.Pow(10, -6), "1e-06"},
		{math.Log10(0.01), "-2"},
		{64, "64"},
	} {
		if got := roundFormat(c.x); got != c.want {
			t.Errorf("roundFormat(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}
