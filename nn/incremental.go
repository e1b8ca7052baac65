package nn

import (
	"context"

	"gonum.org/v1/gonum/mat"
)

// incremental computes the same central differences as numerical, with
// the same h, without a forward pass per nudge. Nudging one parameter
// changes little of the cached activations:
//
//	W1[i][j] ± h  moves column j of a1 by ±h·x[:,i], so z1[:,j] and both logits;
//	b1[j] ± h     moves column j of a1 by ±h;
//	W2[j][c] ± h  moves logit c by ±h·z1[:,j];
//	b2[c] ± h     moves logit c by ±h;
//
// so each nudged loss costs O(B) instead of O(B·S·H). Its results equal
// numerical's up to rounding (about 1e-10 relative).
type incremental struct {
	h float64
	f Forward // activations at θ

	// Column-major copies, so that the loops over the batch read memory in order.
	xT, a1T, z1T *mat.Dense // S×B inputs, H×B pre-activations, H×B hidden outputs
}

// progressEvery is how many cheap nudges pass between progress reports.
const progressEvery = 256

func (m *incremental) Compute(ctx context.Context, net *Network, batch Dataset, lo, hi int, g []float64, progress func(int)) (int, error) {
	checkRange(net, lo, hi, g)
	if err := ctx.Err(); err != nil || lo == hi {
		return 0, err
	}
	net.Forward(&m.f, batch.X)
	m.xT = transpose(m.xT, batch.X)
	m.a1T = transpose(m.a1T, m.f.A1)
	m.z1T = transpose(m.z1T, m.f.Z1)

	b, h, hh := len(batch.T), m.h, net.H
	xT, a1T, z1T := m.xT.RawMatrix().Data, m.a1T.RawMatrix().Data, m.z1T.RawMatrix().Data
	a2, w2 := m.f.A2.RawMatrix().Data, net.W2.RawMatrix().Data
	t := batch.T
	ts := net.Tensors()
	tk := ticker{ctx, progress, progressEvery, hi - lo}

	for k := lo; k < hi; k++ {
		var plus, minus sum // B·L(θ+h·e_k), B·L(θ−h·e_k)
		switch {
		case k < ts[1].Lo: // W1[i][j]
			i, j := k/hh, k%hh
			plus, minus = hiddenNudge(h, xT[i*b:(i+1)*b], a1T[j*b:(j+1)*b], z1T[j*b:(j+1)*b], w2[2*j], w2[2*j+1], a2, t)
		case k < ts[2].Lo: // b1[j]
			j := k - ts[1].Lo
			plus, minus = hiddenNudge(h, nil, a1T[j*b:(j+1)*b], z1T[j*b:(j+1)*b], w2[2*j], w2[2*j+1], a2, t)
		case k < ts[3].Lo: // W2[j][c]
			j, c := (k-ts[2].Lo)/Outputs, (k-ts[2].Lo)%Outputs
			plus, minus = logitNudge(h, z1T[j*b:(j+1)*b], c, a2, t)
		default: // b2[c]
			plus, minus = logitNudge(h, nil, k-ts[3].Lo, a2, t)
		}
		g[k] = centralDiff(plus, minus, h, b)
		if err := tk.tick(k - lo + 1); err != nil {
			return 2 * (k - lo + 1), err
		}
	}
	return 2 * (hi - lo), nil
}

// hiddenNudge returns the summed losses after moving hidden pre-activation
// column a1j by +h·x and by −h·x (x nil means x = 1, a bias), given that
// column's outputs z1j, the hidden unit's outgoing weights w0, w1, the
// B×2 logits a2 (row-major) and the labels t.
func hiddenNudge(h float64, x, a1j, z1j []float64, w0, w1 float64, a2 []float64, t []int) (plus, minus sum) {
	z1j = z1j[:len(a1j)]
	a2 = a2[:2*len(a1j)]
	for r, a := range a1j {
		dh := h
		if x != nil {
			dh = h * x[r]
		}
		dp := sigmoid(a+dh) - z1j[r] // change of z1[r][j] for +h
		dm := sigmoid(a-dh) - z1j[r] // and for −h
		l0, l1 := a2[2*r], a2[2*r+1]
		plus.add(margin(l0+dp*w0, l1+dp*w1, t[r]))
		minus.add(margin(l0+dm*w0, l1+dm*w1, t[r]))
	}
	return plus, minus
}

// logitNudge returns the summed losses after moving logit column c of a2 by
// +h·z and by −h·z (z nil means z = 1, a bias).
func logitNudge(h float64, z []float64, c int, a2 []float64, t []int) (plus, minus sum) {
	b := len(t)
	a2 = a2[:2*b]
	for r := range b {
		dl := h
		if z != nil {
			dl = h * z[r]
		}
		l := [2]float64{a2[2*r], a2[2*r+1]}
		base := l[c]
		l[c] = base + dl
		plus.add(margin(l[0], l[1], t[r]))
		l[c] = base - dl
		minus.add(margin(l[0], l[1], t[r]))
	}
	return plus, minus
}

// margin is the cross-entropy of logits (l0, l1) for label t.
func margin(l0, l1 float64, t int) float64 {
	if t == Noise {
		return softplus(l1 - l0)
	}
	return softplus(l0 - l1)
}

// transpose returns mᵀ, reusing dst when it has the right shape.
func transpose(dst, m *mat.Dense) *mat.Dense {
	r, c := m.Dims()
	dst = reuse(dst, c, r)
	dst.Copy(m.T())
	return dst
}
