package msg

import (
	"math"
	"slices"
	"testing"

	"bibun/nn/spec"
)

// deriving holds one message of each kind of derive.go, with values that
// are hard to carry: losses of 17 digits, a relative error of NaN, a
// subnormal, every byte.
var deriving = []Message{
	&Wiggle{Run: 5, Param: 16577, H: 1e-12},
	&Wiggled{Run: 5, Step: 3, Wiggle: spec.Wiggle{K: 16577, H: 1e-4, Theta: -0.012345678901234568, Plus: 0.087654321098765432,
		Minus: -0.11234567890123457, LossPlus: 0.69309718180994528, LossMinus: 0.69319718180994527, Diff: -1.0000000000000000e-4,
		Quotient: -0.49999999999994493, Backprop: -0.5, RelErr: math.NaN(), DigitsLost: 3}},
	&Wiggled{Run: 5, Wiggle: spec.Wiggle{RelErr: 5e-324, DigitsLost: 17}},
	&ShowWeights{Run: 5},
	&Weights{Run: 5, Step: 1, Size: 2, Hidden: 128, Scale: 0.1 + 0.2, Levels: func() []byte {
		b := make([]byte, 256)
		for i := range b {
			b[i] = byte(i)
		}
		return b
	}()},
	&Weights{Run: 5, Levels: []byte{}},
}

func TestDerivingRoundTrip(t *testing.T) { roundTrips(t, deriving) }

func TestDerivingKinds(t *testing.T) {
	for _, m := range deriving {
		if _, ok := kinds[m.kind()]; !ok {
			t.Errorf("kind %q is not in the table", m.kind())
		}
	}
}

// TestNewWeights checks the levels of a 2×3 W1 worked out by hand: the
// scale is the largest |w|, 2, so w becomes 128 + round(w/2·127).
func TestNewWeights(t *testing.T) {
	w1 := []float64{
		1, -0.5, 0, // W1[0][·]: input 0 into units 0, 1, 2
		0.25, 2, -2, // W1[1][·]
	}
	w := NewWeights(7, 4, 2, 3, w1)
	if w.Run != 7 || w.Step != 4 || w.Size != 2 || w.Hidden != 3 || w.Scale != 2 {
		t.Errorf("got %+v", w)
	}
	// Unit 0: 1 → 128+round(63.5) = 192, 0.25 → 128+round(15.875) = 144;
	// unit 1: −0.5 → 128−round(31.75) = 96, 2 → 255; unit 2: 0 → 128, −2 → 1.
	want := []byte{192, 144, 96, 255, 128, 1}
	if !slices.Equal(w.Levels, want) {
		t.Errorf("levels %v, want %v", w.Levels, want)
	}
	if !slices.Equal(w.Unit(1), []byte{96, 255}) || w.Unit(3) != nil || w.Unit(-1) != nil {
		t.Errorf("unit 1 %v, unit 3 %v", w.Unit(1), w.Unit(3))
	}
	if z := NewWeights(1, 0, 1, 2, []float64{0, 0}); z.Scale != 0 || !slices.Equal(z.Levels, []byte{128, 128}) {
		t.Errorf("all zero: %+v", z)
	}
}
