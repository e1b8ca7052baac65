package nn

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"bibun/nn/spec"
)

// Wiggle is one central difference up close (see spec.Wiggle).
type Wiggle = spec.Wiggle

// Wiggler computes Wiggles of a network, keeping its workspaces from one
// to the next: at the largest settings, a forward pass's activations are
// tens of megabytes. The zero value plants no bug.
type Wiggler struct {
	Bug   Bug      // planted in backprop's value, as in the run's
	exact backprop // backprop, whose forward pass the nudged losses share
}

// Wiggle returns the central difference of parameter k with nudge h, at
// the network's weights on batch: θ_k ± h, both mean losses from full
// forward passes, their difference and quotient, backprop's value, the
// relative error between them and the digits the subtraction lost. It
// leaves the network unchanged. It panics if k is not an index of θ.
func (w *Wiggler) Wiggle(net *Network, batch Dataset, k int, h float64) Wiggle {
	if k < 0 || k >= len(net.Theta) {
		panic(fmt.Sprintf("nn: parameter %d is not in θ of %d", k, len(net.Theta)))
	}
	theta := net.Theta
	orig := theta[k]
	wg := Wiggle{K: k, H: h, Theta: orig, Plus: orig + h, Minus: orig - h}
	theta[k] = wg.Plus
	wg.LossPlus = net.Loss(&w.exact.f, batch)
	theta[k] = wg.Minus
	wg.LossMinus = net.Loss(&w.exact.f, batch)
	theta[k] = orig
	wg.Diff = wg.LossPlus - wg.LossMinus
	wg.Quotient = wg.Diff / (2 * h)
	w.exact.bug = w.Bug
	w.exact.full(net, batch)
	wg.Backprop = w.exact.grad[k]
	if den := max(math.Abs(wg.Quotient), math.Abs(wg.Backprop)); den > 0 {
		wg.RelErr = math.Abs(wg.Quotient-wg.Backprop) / den
	}
	wg.DigitsLost = SharedDigits(wg.LossPlus, wg.LossMinus)
	return wg
}

// SharedDigits returns how many leading significant decimal digits a and
// b share, both written to 17 significant digits as d.dddddddddddddddd×10^e
// (strconv's 'e' format): 17 when a == b; 0 when their signs or exponents
// differ, or either is not finite. These are the digits a − b throws away.
//
// A carry can hide digits that cancel all the same: 0.70000 and 0.69999
// share none written out, though their difference is five digits down.
// For the losses of a central difference it is rare, as L+ and L− differ
// by about 2h·∂L/∂θ.
func SharedDigits(a, b float64) int {
	if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
		return 0
	}
	if a == b {
		return 17
	}
	ma, ea, _ := strings.Cut(strconv.FormatFloat(a, 'e', 16, 64), "e")
	mb, eb, _ := strings.Cut(strconv.FormatFloat(b, 'e', 16, 64), "e")
	if ea != eb {
		return 0
	}
	n := 0
	for i := range min(len(ma), len(mb)) {
		if ma[i] != mb[i] {
			break
		}
		if ma[i] >= '0' && ma[i] <= '9' {
			n++
		}
	}
	return n
}
