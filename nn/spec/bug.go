package spec

// Bug names a deliberate mistake planted in backprop, for a class to find
// with the gradient check: the link's bug= key. The zero Bug plants none.
// A bug changes backprop alone; the central differences (Numerical,
// Incremental) never look at it, so they stay the reference that catches it.
type Bug string

// The bugs a link may plant, each one line of backprop's chain rule
// written wrong (Bug.Line).
const (
	NoBug Bug = ""
	// SigmoidPrime leaves σ′ out: ∂L/∂a1 = ∂L/∂z1, as if the hidden units
	// were linear. It breaks W1 and b1.
	SigmoidPrime Bug = "sigmoid-prime"
	// BiasNotSummed takes ∂L/∂b1 from the batch's last sample alone instead
	// of summing it over the batch. It breaks b1 (for a batch above 1).
	BiasNotSummed Bug = "bias-not-summed"
	// SoftmaxIndex subtracts the one-hot label at the other class:
	// ∂L/∂a2 = (softmax(a2) − onehot(1 − t))/B. Every tensor's gradient
	// flows from ∂L/∂a2, so it breaks all four.
	SoftmaxIndex Bug = "softmax-index"
	// W2Transposed writes ∂L/∂W2 as its 2×H transpose into the H×2 place
	// of W2. It breaks W2 (for H above 1; at H = 1 both layouts agree).
	W2Transposed Bug = "w2-transposed"
)

// Bugs lists every bug a link may plant, in the order the page names them.
var Bugs = []Bug{SigmoidPrime, BiasNotSummed, SoftmaxIndex, W2Transposed}

// Breaks returns the tensors whose gradient b makes wrong ("W1", "b1",
// "W2", "b2"), in θ's order; none for NoBug or a name not in Bugs.
func (b Bug) Breaks() []string {
	switch b {
	case SigmoidPrime:
		return []string{"W1", "b1"}
	case BiasNotSummed:
		return []string{"b1"}
	case SoftmaxIndex:
		return []string{"W1", "b1", "W2", "b2"}
	case W2Transposed:
		return []string{"W2"}
	}
	return nil
}

// Line returns the line of backprop's chain rule that b breaks, as it
// should read and as b writes it (∂L/∂a1[B−1]: the last row only; a 2×H
// transpose laid into H×2); "" for NoBug or a name not in Bugs.
func (b Bug) Line() (right, planted string) {
	switch b {
	case SigmoidPrime:
		return "∂L/∂a1 = ∂L/∂z1 ⊙ z1 ⊙ (1 − z1)", "∂L/∂a1 = ∂L/∂z1"
	case BiasNotSummed:
		return "∂L/∂b1 = Σ_rows ∂L/∂a1", "∂L/∂b1 = ∂L/∂a1[B−1]"
	case SoftmaxIndex:
		return "∂L/∂a2 = (softmax(a2) − onehot(t)) / B", "∂L/∂a2 = (softmax(a2) − onehot(1 − t)) / B"
	case W2Transposed:
		return "∂L/∂W2 = z1ᵀ · ∂L/∂a2", "∂L/∂W2 = (∂L/∂a2)ᵀ · z1"
	}
	return "", ""
}

// ChainRule is backprop's chain rule for this network, from the loss back
// to the weights, one formula a line: each bug's right line is one of them.
var ChainRule = []string{
	"∂L/∂a2 = (softmax(a2) − onehot(t)) / B",
	"∂L/∂W2 = z1ᵀ · ∂L/∂a2",
	"∂L/∂b2 = Σ_rows ∂L/∂a2",
	"∂L/∂z1 = ∂L/∂a2 · W2ᵀ",
	"∂L/∂a1 = ∂L/∂z1 ⊙ z1 ⊙ (1 − z1)",
	"∂L/∂W1 = xᵀ · ∂L/∂a1",
	"∂L/∂b1 = Σ_rows ∂L/∂a1",
}
