package replica

import (
	"context"
	"time"

	"bibun/nn"
	"bibun/wasm/cost"
)

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
			work += cost.Work(c, chunk[m])
		}
		speeds[m] = work / (float64(time.Since(start).Nanoseconds()) / 1e6)
	}
	return speeds
}
