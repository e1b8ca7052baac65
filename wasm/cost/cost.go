// Package cost estimates what one training step costs: how many loss
// evaluations its gradient makes, and how long it takes at a measured speed.
//
// Work is counted in floating-point operations of forward passes: a forward
// pass of B samples through an S-H-2 network is the two products x·W1 and
// z1·W2, 2·B·H·(S+2) operations; the other work of a method is counted in
// the same unit (see perNudge). A machine's speed for each method is
// measured in that unit (Measure) and refined from real steps (Speed), so
// that work / speed is a time.
package cost

import (
	"context"
	"time"

	"bibun/nn"
)

// Forward returns the operations of one forward pass over a batch of c's
// network: 2·B·H·(S+2).
func Forward(c nn.Config) float64 {
	return 2 * float64(c.Batch) * float64(c.Hidden) * float64(c.Size+2)
}

// Evals returns how many times one step's gradient evaluates the batch
// loss: 2P for the central differences (two per parameter), 1 for
// backprop (its one forward pass; the backward pass costs about as much again).
func Evals(c nn.Config) int {
	if c.Method == nn.Backprop {
		return 1
	}
	return 2 * c.Params()
}

// perNudge is the work of one nudged loss of one sample in the incremental
// method, in forward-pass operations: two sigmoids and two softplus, each
// an exp or a log. Measured natively on the article's network: one
// incremental step takes about 170 forward passes, 170·F / (P·B) ≈ 330.
const perNudge = 330

// Work returns the work of the derivatives of n parameters with c.Method.
func Work(c nn.Config, n int) float64 {
	f := Forward(c)
	switch c.Method {
	case nn.Numerical:
		return 2 * float64(n) * f
	case nn.Incremental:
		return f + perNudge*float64(n)*float64(c.Batch)
	}
	return 3 * f // one forward pass and a backward pass of about twice its work, for every n
}

// Step returns the work of one step's gradient with c.Method.
func Step(c nn.Config) float64 {
	return Work(c, c.Params())
}

// Parallel returns how many workers share one step's gradient: all of them
// for the central differences, at most cores at once; one for backprop.
func Parallel(c nn.Config, workers, cores int) int {
	if c.Method == nn.Backprop {
		return 1
	}
	return max(1, min(workers, cores))
}

// Time returns the estimated wall time of one step's gradient at speed
// flopsPerMs per worker, shared by workers on cores cores.
func Time(c nn.Config, flopsPerMs float64, workers, cores int) time.Duration {
	ms := Step(c) / flopsPerMs / float64(Parallel(c, workers, cores))
	return time.Duration(ms * float64(time.Millisecond))
}

// Speed returns the speed a step of work Step(c), shared by workers on
// cores, shows when its gradient took ms milliseconds.
func Speed(c nn.Config, ms float64, workers, cores int) float64 {
	return Step(c) / ms / float64(Parallel(c, workers, cores))
}

// chunk is how many parameters Measure differentiates at a time with
// each method: a call of some milliseconds.
var chunk = map[nn.Method]int{nn.Numerical: 4, nn.Incremental: 2048, nn.Backprop: 1}

// Measure times the gradient of each method on the article's network for
// at least d each, and returns their speeds in operations per millisecond.
// Machines differ in how fast they multiply matrices (the forward passes)
// and how fast they take exponentials (the incremental nudges), so each
// method is timed.
func Measure(d time.Duration) map[nn.Method]float64 {
	speeds := make(map[nn.Method]float64, len(nn.Methods))
	for _, m := range nn.Methods {
		c := nn.Article()
		c.Method = m
		t, err := nn.NewTrainer(c)
		if err != nil {
			panic(err) // the article's settings are valid
		}
		g := make([]float64, c.Params())
		var work float64
		start := time.Now()
		for lo := 0; work == 0 || time.Since(start) < d; lo = (lo + chunk[m]) % (c.Params() - chunk[m]) {
			if _, err := t.Gradient(context.Background(), lo, lo+chunk[m], g, nil); err != nil {
				panic(err) // the context is never cancelled
			}
			work += Work(c, chunk[m])
		}
		speeds[m] = work / (float64(time.Since(start).Nanoseconds()) / 1e6)
	}
	return speeds
}
