package nn

import (
	"context"
	"math"
	"time"
)

// CostSizes returns the networks of the cost-growth view: c with 8 hidden
// units and 32, 64, 128, 256 and 512 inputs, so that P ≈ 8S doubles from
// one to the next (282 … 4122) and a forward pass, ∝ B·S·H, grows like P
// once the matrix product outweighs the H sigmoids per sample. Even the
// numerical method takes seconds, not minutes.
func CostSizes(c Config) []Config {
	var cs []Config
	for _, s := range []int{32, 64, 128, 256, 512} {
		d := c
		d.Size, d.Hidden = s, 8
		cs = append(cs, d)
	}
	return cs
}

// MeasureGradient returns the wall-clock milliseconds of one whole
// gradient of c's method at c's initial weights and first batch: the
// fastest of at least three runs, repeated until minTime has passed.
// (Interruptions only ever add time, so the minimum is the steadiest
// figure on a busy machine.)
func MeasureGradient(ctx context.Context, c Config, minTime time.Duration) (float64, error) {
	t, err := NewTrainer(c)
	if err != nil {
		return 0, err
	}
	g := make([]float64, c.Params())
	t.Batch()
	best := time.Duration(math.MaxInt64)
	for n, start := 0, time.Now(); n < 3 || time.Since(start) < minTime; n++ {
		t0 := time.Now()
		if _, err := t.Gradient(ctx, 0, len(g), g, nil); err != nil {
			return 0, err
		}
		best = min(best, time.Since(t0))
	}
	return float64(best.Microseconds()) / 1000, nil
}
