package nn

import (
	"bibun/nn/spec"

	"gonum.org/v1/gonum/mat"
)

// Bug is a mistake planted in backprop (see spec.Bug).
type Bug = spec.Bug

// The bugs a run may plant in backprop; Bugs lists them.
const (
	NoBug         = spec.NoBug
	SigmoidPrime  = spec.SigmoidPrime
	BiasNotSummed = spec.BiasNotSummed
	SoftmaxIndex  = spec.SoftmaxIndex
	W2Transposed  = spec.W2Transposed
)

// Bugs lists every bug a run may plant.
var Bugs = spec.Bugs

// NewBackprop returns backprop's gradient with bug planted in it; with
// NoBug it is NewGradient(Backprop, 0). It panics if bug is not NoBug or
// one of Bugs.
//
// Each bug writes one line of the chain rule (see backprop) wrong, as a
// hand-written backward pass might:
//
//   - SigmoidPrime: ∂L/∂a1 = ∂L/∂z1, σ′ = z1 ⊙ (1 − z1) left out (in full);
//   - BiasNotSummed: ∂L/∂b1 = the last row of ∂L/∂a1, an = for a += (plantB1);
//   - SoftmaxIndex: the one-hot label at the other class (onehot);
//   - W2Transposed: ∂L/∂W2's 2×H transpose laid into its H×2 place (plantW2).
//
// None of them touches the forward pass, so the loss, and with it the
// central differences of Numerical and Incremental, stay right.
func NewBackprop(bug Bug) Gradient {
	if bug != NoBug && bug.Breaks() == nil {
		panic("nn: unknown bug " + string(bug))
	}
	return &backprop{bug: bug}
}

// NewGradientOf returns the gradient a run of c computes: c.Method, with
// c.H where it nudges and c.Bug planted where it is backprop.
func NewGradientOf(c Config) Gradient {
	if c.Method == Backprop {
		return NewBackprop(c.Bug)
	}
	return NewGradient(c.Method, c.H)
}

// onehot returns the class whose one-hot ∂L/∂a2 subtracts for label t:
// t, or the other class with SoftmaxIndex planted.
func (m *backprop) onehot(t int) int {
	if m.bug == SoftmaxIndex {
		return 1 - t
	}
	return t
}

// plantW2 lays ∂L/∂W2 (H×2) out as its transpose (2×H, row-major) in the
// same numbers, with W2Transposed planted.
func (m *backprop) plantW2() {
	if m.bug != W2Transposed {
		return
	}
	var t mat.Dense
	t.CloneFrom(m.gW2.T())
	copy(m.gW2.RawMatrix().Data, t.RawMatrix().Data)
}

// plantB1 keeps only the batch's last row of ∂L/∂a1 as ∂L/∂b1, with
// BiasNotSummed planted.
func (m *backprop) plantB1(gb1 []float64) {
	if m.bug != BiasNotSummed {
		return
	}
	r, _ := m.dA1.Dims()
	copy(gb1, m.dA1.RawRowView(r-1))
}
