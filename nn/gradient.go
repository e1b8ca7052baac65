package nn

import (
	"context"
	"fmt"
)

// A Gradient computes ∂L/∂θ, the gradient of the mean batch loss L with
// respect to the parameters θ of a network.
type Gradient interface {
	// Compute writes ∂L/∂θ[k] into g[k] for every k in [lo, hi), where g has
	// length P, and returns how many loss evaluations it made. It leaves the
	// rest of g and the network unchanged. It calls progress (when not nil)
	// from time to time with the number of parameters of [lo, hi) done, and
	// stops with ctx.Err() when ctx is cancelled.
	//
	// Compute panics if lo, hi or len(g) do not fit the network.
	Compute(ctx context.Context, net *Network, batch Dataset, lo, hi int, g []float64, progress func(done int)) (evals int, err error)
}

// NewGradient returns the gradient method m, nudging by h where it nudges.
// It panics if m is not one of Methods.
func NewGradient(m Method, h float64) Gradient {
	switch m {
	case Numerical:
		return &numerical{h: h}
	case Incremental:
		return &incremental{h: h}
	case Backprop:
		return &backprop{}
	}
	panic(fmt.Sprintf("nn: unknown gradient method %q", string(m)))
}

// checkRange panics unless [lo, hi) lies in θ and g is as long as θ.
func checkRange(net *Network, lo, hi int, g []float64) {
	if lo < 0 || hi < lo || hi > len(net.Theta) || len(g) != len(net.Theta) {
		panic(fmt.Sprintf("nn: gradient range [%d, %d) or length %d does not fit P = %d", lo, hi, len(g), len(net.Theta)))
	}
}

// ticker paces progress reports and cancellation checks: every `every`
// parameters, and after the last of total, it reports and looks at ctx.
type ticker struct {
	ctx      context.Context
	progress func(done int)
	every    int
	total    int
}

// tick is called after done parameters; it returns ctx.Err() when cancelled.
func (t ticker) tick(done int) error {
	if done%t.every != 0 && done != t.total {
		return nil
	}
	if t.progress != nil {
		t.progress(done)
	}
	return t.ctx.Err()
}
