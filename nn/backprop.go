package nn

import (
	"context"

	"gonum.org/v1/gonum/mat"
)

// backprop is the analytic gradient by the chain rule, one forward and one
// backward pass for every parameter at once:
//
//	∂L/∂a2 = (softmax(a2) − onehot(t)) / B        (B×2)
//	∂L/∂W2 = z1ᵀ · ∂L/∂a2,   ∂L/∂b2 = Σ_rows ∂L/∂a2
//	∂L/∂z1 = ∂L/∂a2 · W2ᵀ                          (B×H)
//	∂L/∂a1 = ∂L/∂z1 ⊙ z1 ⊙ (1 − z1)                 (σ' from the cached z1)
//	∂L/∂W1 = xᵀ · ∂L/∂a1,    ∂L/∂b1 = Σ_rows ∂L/∂a1
//
// A Bug planted in it writes one of these lines wrong (bug.go).
type backprop struct {
	bug      Bug        // the mistake planted, NoBug for none
	f        Forward    // activations at θ
	dA2      *mat.Dense // B×2 ∂L/∂a2
	dA1      *mat.Dense // B×H ∂L/∂z1, then ∂L/∂a1 in place
	grad     []float64  // the whole gradient, laid out like Theta
	gW1, gW2 *mat.Dense // views of grad
}

func (m *backprop) Compute(ctx context.Context, net *Network, batch Dataset, lo, hi int, g []float64, progress func(int)) (int, error) {
	checkRange(net, lo, hi, g)
	if err := ctx.Err(); err != nil || lo == hi {
		return 0, err
	}
	m.full(net, batch)
	copy(g[lo:hi], m.grad[lo:hi])
	if progress != nil {
		progress(hi - lo)
	}
	return 1, nil
}

// full computes the whole gradient into m.grad.
func (m *backprop) full(net *Network, batch Dataset) {
	if len(m.grad) != len(net.Theta) {
		m.grad = make([]float64, len(net.Theta))
		ts := net.Tensors()
		m.gW1 = mat.NewDense(net.S, net.Hidden, m.grad[ts[0].Lo:ts[0].Hi])
		m.gW2 = mat.NewDense(net.Hidden, Outputs, m.grad[ts[2].Lo:ts[2].Hi])
	}
	ts := net.Tensors()
	gb1, gb2 := m.grad[ts[1].Lo:ts[1].Hi], m.grad[ts[3].Lo:ts[3].Hi]
	clear(gb1)
	clear(gb2)

	f := net.Forward(&m.f, batch.X)
	b := len(batch.T)
	m.dA2 = reuse(m.dA2, b, Outputs)
	m.dA1 = reuse(m.dA1, b, net.Hidden)
	n := float64(b)
	for r, t := range batch.T {
		a2, d := f.A2.RawRowView(r), m.dA2.RawRowView(r)
		p1 := sigmoid(a2[1] - a2[0]) // softmax(a2)[1]
		d[0], d[1] = (1-p1)/n, p1/n
		d[m.onehot(t)] -= 1 / n
		gb2[0] += d[0]
		gb2[1] += d[1]
	}
	product(m.gW2, f.Z1, transposed, m.dA2, asIs)
	m.plantW2()
	product(m.dA1, m.dA2, asIs, net.W2, transposed)
	prime := m.bug != SigmoidPrime
	for r := range b {
		d, z := m.dA1.RawRowView(r), f.Z1.RawRowView(r)
		for j, zj := range z {
			if prime {
				d[j] *= zj * (1 - zj)
			}
			gb1[j] += d[j]
		}
	}
	m.plantB1(gb1)
	product(m.gW1, batch.X, transposed, m.dA1, asIs)
}
