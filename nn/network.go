package nn

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Network is the article's two-layer classifier:
//
//	a1 = x·W1 + b1,  z1 = σ(a1),  a2 = z1·W2 + b2,  y = softmax(a2),
//
// trained on the cross-entropy −log y[t] averaged over a batch.
//
// All P parameters live in one slice, Theta, laid out W1 (row-major), b1,
// W2 (row-major), b2; W1, B1, W2 and B2 are views into it, so nudging
// Theta[k] nudges the matching weight and a gradient is a slice like Theta.
type Network struct {
	S      int        // inputs per sample
	Hidden int        // H, hidden units (not the nudge h of a central difference, Config.H)
	Theta  []float64  // every parameter θ, length P
	W1     *mat.Dense // S×H input-to-hidden weights, a view of Theta
	B1     []float64  // H hidden biases, a view of Theta
	W2     *mat.Dense // H×2 hidden-to-output weights, a view of Theta
	B2     []float64  // 2 output biases, a view of Theta
}

// Tensor names a contiguous range [Lo, Hi) of Theta.
type Tensor struct {
	Name   string // "W1", "b1", "W2" or "b2"
	Lo, Hi int
}

// NewNetwork returns a network of s inputs, one layer of hidden units and
// two outputs, with every parameter zero. It panics if s or hidden is below 1.
func NewNetwork(s, hidden int) *Network {
	if s < 1 || hidden < 1 {
		panic("nn: network needs at least one input and one hidden unit")
	}
	p := Config{Size: s, Hidden: hidden}.Params()
	n := &Network{S: s, Hidden: hidden, Theta: make([]float64, p)}
	t := n.Tensors()
	n.W1 = mat.NewDense(s, hidden, n.Theta[t[0].Lo:t[0].Hi])
	n.B1 = n.Theta[t[1].Lo:t[1].Hi]
	n.W2 = mat.NewDense(hidden, Outputs, n.Theta[t[2].Lo:t[2].Hi])
	n.B2 = n.Theta[t[3].Lo:t[3].Hi]
	return n
}

// Tensors returns where W1, b1, W2 and b2 lie in Theta, in that order.
func (n *Network) Tensors() []Tensor {
	w1 := n.S * n.Hidden
	b1 := w1 + n.Hidden
	w2 := b1 + n.Hidden*Outputs
	return []Tensor{{"W1", 0, w1}, {"b1", w1, b1}, {"W2", b1, w2}, {"b2", w2, w2 + Outputs}}
}

// Init sets every weight to std·N(0,1), drawn from rng in Theta order
// (W1 then W2), and every bias to zero.
func (n *Network) Init(std float64, rng *rand.Rand) {
	clear(n.Theta)
	for _, w := range [][]float64{n.W1.RawMatrix().Data, n.W2.RawMatrix().Data} {
		for k := range w {
			w[k] = std * rng.NormFloat64()
		}
	}
}

// Forward holds the activations of one forward pass over a batch of B samples.
// Its matrices are reused from pass to pass when the shapes allow.
type Forward struct {
	A1 *mat.Dense // B×H hidden pre-activations x·W1 + b1
	Z1 *mat.Dense // B×H hidden outputs σ(a1)
	A2 *mat.Dense // B×2 logits z1·W2 + b2
}

// Forward runs x (B×S) through the network into f and returns f.
// It panics if x does not have S columns.
func (n *Network) Forward(f *Forward, x *mat.Dense) *Forward {
	b, s := x.Dims()
	if s != n.S {
		panic(mat.ErrShape)
	}
	f.A1 = reuse(f.A1, b, n.Hidden)
	f.Z1 = reuse(f.Z1, b, n.Hidden)
	f.A2 = reuse(f.A2, b, Outputs)
	product(f.A1, x, asIs, n.W1, asIs)
	biasSigmoid(f.Z1, f.A1, n.B1) // a1 += b1 row by row, z1 = σ(a1)
	product(f.A2, f.Z1, asIs, n.W2, asIs)
	for r := range b {
		a2 := f.A2.RawRowView(r)
		a2[0] += n.B2[0]
		a2[1] += n.B2[1]
	}
	return f
}

// reuse returns m when it is r×c, else a new r×c matrix.
func reuse(m *mat.Dense, r, c int) *mat.Dense {
	if m != nil {
		if mr, mc := m.Dims(); mr == r && mc == c {
			return m
		}
	}
	return mat.NewDense(r, c, nil)
}

// Loss returns the mean cross-entropy of the logits a2 (B×2) for labels t.
//
// With two classes, −log softmax(a2)[t] = log(1 + exp(a2[o] − a2[t])),
// o the other class: a softplus of the logit margin, computed without
// overflow.
func Loss(a2 *mat.Dense, t []int) float64 {
	return lossSum(a2, t).value() / float64(len(t))
}

// lossSum returns the compensated sum of the per-sample losses.
func lossSum(a2 *mat.Dense, t []int) sum {
	var s sum
	for r, tr := range t {
		row := a2.RawRowView(r)
		s.add(softplus(row[1-tr] - row[tr]))
	}
	return s
}

// Loss returns the mean cross-entropy of the network on the samples d,
// using f as the workspace.
func (n *Network) Loss(f *Forward, d Dataset) float64 {
	return Loss(n.Forward(f, d.X).A2, d.T)
}

// Probs returns the B×2 class probabilities softmax(a2) of the logits a2.
func Probs(a2 *mat.Dense) *mat.Dense {
	b, _ := a2.Dims()
	y := mat.NewDense(b, Outputs, nil)
	for r := range b {
		row := a2.RawRowView(r)
		p1 := sigmoid(row[1] - row[0]) // softmax of two logits
		y.Set(r, 0, 1-p1)
		y.Set(r, 1, p1)
	}
	return y
}

// Predict returns the class of larger logit for each row of a2 (ties: Noise).
func Predict(a2 *mat.Dense) []int {
	b, _ := a2.Dims()
	c := make([]int, b)
	for r := range b {
		if a2.At(r, 1) > a2.At(r, 0) {
			c[r] = Flat
		}
	}
	return c
}

// Accuracy returns the fraction of samples in d the network classifies
// correctly, using f as the workspace.
func (n *Network) Accuracy(f *Forward, d Dataset) float64 {
	right := 0
	for r, c := range Predict(n.Forward(f, d.X).A2) {
		if c == d.T[r] {
			right++
		}
	}
	return float64(right) / float64(d.Len())
}

// sigmoid is the logistic function 1/(1+exp(−a)). (The article writes
// 1/(1+exp(a)), which is σ(−a); W1 absorbs the sign either way.)
func sigmoid(a float64) float64 {
	return 1 / (1 + math.Exp(-a))
}

// softplus is log(1+exp(d)), exact to rounding for every finite d.
func softplus(d float64) float64 {
	if d > 0 {
		return d + math.Log1p(math.Exp(-d))
	}
	return math.Log1p(math.Exp(d))
}
