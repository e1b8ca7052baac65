// Package cost estimates what one training step costs: how many loss
// evaluations its gradient makes, and how long it takes at a measured speed.
//
// Work is counted in floating-point operations of forward passes: a forward
// pass of B samples through an S-H-2 network is the two products x·W1 and
// z1·W2, 2·B·H·(S+2) operations; the other work of a method is counted in
// the same unit (see perNudge). A machine's speed for each method is
// measured in that unit (replica.Measure, in the worker) and refined from real steps (Speed), so
// that work / speed is a time.
package cost

import (
	"time"

	"bibun/nn/spec"
)

// Forward returns the operations of one forward pass over a batch of c's
// network: 2·B·H·(S+2).
func Forward(c spec.Config) float64 {
	return 2 * float64(c.Batch) * float64(c.Hidden) * float64(c.Size+2)
}

// Evals returns how many times one step's gradient evaluates the batch
// loss: 2P for the central differences (two per parameter), 1 for
// backprop (its one forward pass; the backward pass costs about as much again).
func Evals(c spec.Config) int {
	if c.Method == spec.Backprop {
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
func Work(c spec.Config, n int) float64 {
	f := Forward(c)
	switch c.Method {
	case spec.Numerical:
		return 2 * float64(n) * f
	case spec.Incremental:
		return f + perNudge*float64(n)*float64(c.Batch)
	}
	return 3 * f // one forward pass and a backward pass of about twice its work, for every n
}

// Step returns the work of one step's gradient with c.Method.
func Step(c spec.Config) float64 {
	return Work(c, c.Params())
}

// Parallel returns how many workers share one step's gradient: all of them
// for the central differences, at most cores at once; one for backprop.
func Parallel(c spec.Config, workers, cores int) int {
	if c.Method == spec.Backprop {
		return 1
	}
	return max(1, min(workers, cores))
}

// Time returns the estimated wall time of one step's gradient at speed
// flopsPerMs per worker, shared by workers on cores cores.
func Time(c spec.Config, flopsPerMs float64, workers, cores int) time.Duration {
	ms := Step(c) / flopsPerMs / float64(Parallel(c, workers, cores))
	return time.Duration(ms * float64(time.Millisecond))
}

// Speed returns the speed a step of work Step(c), shared by workers on
// cores, shows when its gradient took ms milliseconds.
func Speed(c spec.Config, ms float64, workers, cores int) float64 {
	return Step(c) / ms / float64(Parallel(c, workers, cores))
}
