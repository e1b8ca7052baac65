package nn

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestSharedDigits checks the digits a subtraction loses on pairs worked
// out by hand from their 17-digit forms.
func TestSharedDigits(t *testing.T) {
	cases := []struct {
		a, b float64
		want int
		why  string
	}{
		{1.5, 1.25, 1, "1.5000… and 1.2500…: the 1"},
		{1, 1 + 0x1p-52, 16, "1.0000000000000000 and 1.0000000000000002: all but the last"},
		{0.69314718055994531, 0.69314718055994531, 17, "equal: every digit"},
		{123.25, 123.5, 3, "1.2325000… and 1.2350000…: 123"},
		{123.456, 123.457, 6, "1.2345600000000000 and 1.2345699999999999 (123.457 is not a binary fraction): 123456"},
		{2, 1.96875, 0, "2.0000… and 1.96875…: a carry hides the cancelling digits"},
		{2, -2, 0, "opposite signs"},
		{-3.25, -3.5, 1, "−3.25 and −3.5: the 3"},
		{1e-5, 1e-6, 0, "different exponents"},
		{math.NaN(), math.NaN(), 0, "not numbers"},
		{math.Inf(1), math.Inf(1), 0, "not finite"},
	}
	for _, c := range cases {
		if got := SharedDigits(c.a, c.b); got != c.want {
			t.Errorf("SharedDigits(%v, %v) = %d, want %d (%s)", c.a, c.b, got, c.want, c.why)
		}
	}
}

// zeroNet is a 1-1-2 network with every parameter zero and one sample of
// class Flat: a1 = 0, z1 = ½, both logits 0, so L = log 2 whatever x is.
// Nudging b2[1] (θ_5) by ±h moves the margin a2[0] − a2[1] by ∓h:
//
//	L+ = log(1 + e^−h) ≈ log 2 − h/2,   L− = log(1 + e^h) ≈ log 2 + h/2,
//
// so L+ − L− = −h exactly, the quotient −½, and backprop's
// (softmax(a2) − onehot(1))[1] = ½ − 1 = −½ exactly too.
func zeroNet() (*Network, Dataset) {
	return NewNetwork(1, 1), Dataset{X: mat.NewDense(1, 1, []float64{3}), T: []int{Flat}}
}

// TestWiggleByHand checks a wiggle of the zero network against the values
// above. The digits lost follow from L± = 0.69314718… ∓ h/2: with h = 1e-4
// they read 0.69309718… and 0.69319718…, sharing 6, 9, 3: three digits;
// with h = 1e-8, 0.69314717555… and 0.69314718555…, sharing 6931471: seven.
func TestWiggleByHand(t *testing.T) {
	for _, c := range []struct {
		h    float64
		lost int
	}{{1e-4, 3}, {1e-8, 7}} {
		net, d := zeroNet()
		var w Wiggler
		got := w.Wiggle(net, d, 5, c.h)
		if got.K != 5 || got.H != c.h || got.Theta != 0 || got.Plus != c.h || got.Minus != -c.h {
			t.Errorf("h = %g: θ_k %v, θ_k ± h %v %v", c.h, got.Theta, got.Plus, got.Minus)
		}
		if !close(got.LossPlus, math.Log1p(math.Exp(-c.h)), 1e-15) || !close(got.LossMinus, math.Log1p(math.Exp(c.h)), 1e-15) {
			t.Errorf("h = %g: L+ = %.17g, L− = %.17g, want log(1+e^∓h) = %.17g, %.17g",
				c.h, got.LossPlus, got.LossMinus, math.Log1p(math.Exp(-c.h)), math.Log1p(math.Exp(c.h)))
		}
		if got.Diff != got.LossPlus-got.LossMinus || got.Quotient != got.Diff/(2*c.h) {
			t.Errorf("h = %g: difference %v and quotient %v do not follow from the losses", c.h, got.Diff, got.Quotient)
		}
		// Round-off: each loss within ε·log 2 of the truth, magnified by 1/2h.
		if tol := 2 * 0x1p-52 / (2 * c.h); math.Abs(got.Quotient+0.5) > tol {
			t.Errorf("h = %g: quotient %.17g, want −½ within %.1g", c.h, got.Quotient, tol)
		}
		if got.Backprop != -0.5 {
			t.Errorf("h = %g: backprop %v, want −½", c.h, got.Backprop)
		}
		if want := math.Abs(got.Quotient+0.5) / 0.5; math.Abs(got.RelErr-want) > 1e-15 {
			t.Errorf("h = %g: relative error %v, want %v", c.h, got.RelErr, want)
		}
		if got.DigitsLost != c.lost {
			t.Errorf("h = %g: %d digits lost (L+ %.17g, L− %.17g), by hand %d", c.h, got.DigitsLost, got.LossPlus, got.LossMinus, c.lost)
		}
		if !slices.Equal(net.Theta, make([]float64, 6)) {
			t.Errorf("h = %g: the wiggle left θ = %v", c.h, net.Theta)
		}
	}
}

// TestWiggleArticle wiggles parameters of every tensor of the article's
// network at its first step: the quotient agrees with backprop's value to
// 1e-6 and with the gradient the numerical method computes (which sums
// the same losses with compensation) to 1e-9, and the network is left
// as it was. With a bug planted, only backprop's value changes.
func TestWiggleArticle(t *testing.T) {
	tr, err := NewTrainer(Article())
	if err != nil {
		t.Fatal(err)
	}
	net, batch := tr.Net, tr.Batch()
	before := slices.Clone(net.Theta)
	idx := SampleParams(net, 16)
	num := make([]float64, len(net.Theta))
	var w, buggy Wiggler
	buggy.Bug = SigmoidPrime
	for _, k := range idx {
		got := w.Wiggle(net, batch, k, 1e-4)
		if got.RelErr > 1e-6 {
			t.Errorf("θ_%d: quotient %.17g, backprop %.17g: relative error %.3g > 1e-6", k, got.Quotient, got.Backprop, got.RelErr)
		}
		if got.DigitsLost < 3 || got.DigitsLost > 12 {
			t.Errorf("θ_%d: %d digits lost, L+ %.17g, L− %.17g", k, got.DigitsLost, got.LossPlus, got.LossMinus)
		}
		if _, err := NewGradient(Numerical, 1e-4).Compute(t.Context(), net, batch, k, k+1, num, nil); err != nil {
			t.Fatal(err)
		}
		if !close(got.Quotient, num[k], 1e-9) {
			t.Errorf("θ_%d: quotient %.17g, numerical method %.17g", k, got.Quotient, num[k])
		}
		b := buggy.Wiggle(net, batch, k, 1e-4)
		b.Backprop, b.RelErr = got.Backprop, got.RelErr
		if b != got {
			t.Errorf("θ_%d: a bug changed more than backprop's value:\n%+v\n%+v", k, b, got)
		}
		t.Logf("θ_%d: L± %.17g %.17g, q %.6g, bp %.6g, rel %.2g, %d digits lost", k, got.LossPlus, got.LossMinus, got.Quotient, got.Backprop, got.RelErr, got.DigitsLost)
	}
	if !equal(net.Theta, before) {
		t.Error("wiggling changed the network")
	}
}

// TestWiggleH: a large h errs by truncation, a tiny h by round-off, and
// the article's h sits between them.
func TestWiggleH(t *testing.T) {
	tr, err := NewTrainer(Article())
	if err != nil {
		t.Fatal(err)
	}
	var w Wiggler
	k := tr.Net.Tensors()[2].Lo // W2[0][0], a derivative of size
	errAt := func(h float64) float64 { return w.Wiggle(tr.Net, tr.Batch(), k, h).RelErr }
	large, mid, tiny := errAt(0.5), errAt(1e-4), errAt(1e-12)
	t.Logf("relative error: h = 0.5: %.3g, 1e-4: %.3g, 1e-12: %.3g", large, mid, tiny)
	if !(large > 100*mid && tiny > 100*mid) {
		t.Errorf("the error is not smallest in the middle: %.3g, %.3g, %.3g", large, mid, tiny)
	}
	if lost := w.Wiggle(tr.Net, tr.Batch(), k, 1e-12).DigitsLost; lost < 10 {
		t.Errorf("h = 1e-12 lost only %d digits", lost)
	}
}

func TestWigglePanicsOutsideTheta(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for a parameter past P")
		}
	}()
	net, d := tiny()
	var w Wiggler
	w.Wiggle(net, d, 12, 1e-4)
}
