package nn

import (
	"context"
	"math"
	"time"
)

// CostSizes returns the networks of the cost-growth view: c with 2 hidden
// units and 64, 128, 256, 512 and 1024 inputs, so that P ≈ 2S doubles
// from one to the next (136 … 2056). A forward pass costs B·S·H
// multiply-adds for the products and B·H exponentials for the sigmoids;
// in WebAssembly an exponential costs some 200 multiply-adds, so the
// products outweigh them, and numerical's cost shows its P², only when S
// is in the hundreds. Few hidden units keep the largest numerical gradient
// to a second or two.
func CostSizes(c Config) []Config {
	var cs []Config
	for _, s := range []int{64, 128, 256, 512, 1024} {
		d := c
		d.Size, d.Hidden = s, 2
		cs = append(cs, d)
	}
	return cs
}

// FitSlope returns the slope of the least-squares line through the points
// (log x, log y): the exponent a of y ∝ xᵃ, as the cost-growth view fits
// a gradient's milliseconds against P over CostSizes. It returns NaN for
// fewer than two points or when every x is the same.
func FitSlope(xs, ys []float64) float64 {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for k := range xs {
		x, y := math.Log(xs[k]), math.Log(ys[k])
		sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
	}
	den := n*sxx - sx*sx
	if len(xs) < 2 || den == 0 {
		return math.NaN()
	}
	return (n*sxy - sx*sy) / den
}

// MeasureGradient returns the wall-clock milliseconds of one whole
// gradient of c's method at c's initial weights and first batch: the
// fastest of at least three rounds of a GradientTimer, repeated until
// minTime has passed. (Interruptions only ever add time, so the minimum is
// the steadiest figure on a busy machine.)
func MeasureGradient(ctx context.Context, c Config, minTime time.Duration) (float64, error) {
	tm, err := NewGradientTimer(c)
	if err != nil {
		return 0, err
	}
	for start := time.Now(); tm.Rounds < 3 || time.Since(start) < minTime; {
		if err := tm.Time(ctx, 0); err != nil {
			return 0, err
		}
	}
	return tm.Ms(), nil
}

// A GradientTimer times one whole gradient of one network and method in
// rounds, keeping the fastest: MeasureGradient in pieces, so that the
// rounds of several networks can take turns, and a busy spell of the
// machine slows only some of each network's rounds.
//
// A round runs the gradient n times, n doubling until a round lasts
// minRound, so that a clock as coarse as a browser's (0.1 ms) still
// resolves a gradient of microseconds.
type GradientTimer struct {
	Rounds int // rounds timed

	t    *Trainer
	g    []float64     // the gradient, written and ignored
	n    int           // gradients a round
	best time.Duration // the fastest gradient of any round
}

// minRound is the shortest round a GradientTimer counts: fifty times a
// browser's clock resolution.
const minRound = 5 * time.Millisecond

// NewGradientTimer returns a timer of c's gradient at c's initial weights
// and first batch. It fails if c is not valid.
func NewGradientTimer(c Config) (*GradientTimer, error) {
	t, err := NewTrainer(c)
	if err != nil {
		return nil, err
	}
	t.Batch()
	return &GradientTimer{t: t, g: make([]float64, c.Params()), n: 1, best: math.MaxInt64}, nil
}

// Time times rounds until it has timed one and d has passed.
func (tm *GradientTimer) Time(ctx context.Context, d time.Duration) error {
	for start, timed := time.Now(), false; !timed || time.Since(start) < d; {
		t0 := time.Now()
		for range tm.n {
			if _, err := tm.t.Gradient(ctx, 0, len(tm.g), tm.g, nil); err != nil {
				return err
			}
		}
		round := time.Since(t0)
		if round < minRound {
			tm.n *= 2 // too short for the clock: not a figure
			continue
		}
		tm.best = min(tm.best, round/time.Duration(tm.n))
		tm.Rounds++
		timed = true
	}
	return nil
}

// Ms returns the fastest gradient timed, in milliseconds; 0 before the
// first round.
func (tm *GradientTimer) Ms() float64 {
	if tm.Rounds == 0 {
		return 0
	}
	return float64(tm.best.Nanoseconds()) / 1e6
}
