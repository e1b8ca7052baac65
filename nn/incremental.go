package nn

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"

	"bibun/nn/simd"
)

// incremental computes the same central differences as numerical,
//
//	∂L/∂θ[k] ≈ (L(θ + h·e_k) − L(θ − h·e_k)) / 2h,
//
// with the same h, without a forward pass per nudge. Nudging one parameter
// changes little of the cached activations:
//
//	W1[i][j] ± h  moves column j of a1 by ±h·x[:,i], so z1[:,j] and both logits;
//	b1[j] ± h     moves column j of a1 by ±h;
//	W2[j][c] ± h  moves logit c by ±h·z1[:,j];
//	b2[c] ± h     moves logit c by ±h;
//
// so each nudged loss costs O(B) instead of O(B·S·H).
//
// It also avoids the cancellation in L(θ+h) − L(θ−h): a sample's loss is
// softplus(d) of its logit margin d (see Loss), and a nudge that moves d
// by Δ changes it by exactly log1p(σ(d)·expm1(Δ)), a small number computed
// to full precision. Likewise a shift δ of a hidden pre-activation a
// changes the unit's output by −E·expm1(−δ)·σ(a)·σ(a+δ), E = exp(−a)
// (see shift). The quotient is the same, to about 1e-15 relative;
// numerical's, from two full losses, carries ~1e-12 of rounding.
type incremental struct {
	h float64
	f Forward // activations at θ

	// Column-major caches, so that the loops over the batch read memory in order.
	a1T, z1T, eT  *mat.Dense // H×B: a1, z1 = σ(a1), E = exp(−a1)
	input         nudge      // S×B: row i moves a pre-activation by ±h·x[b][i], as W1[i][j] ± h does
	bias          nudge      // B: moves a pre-activation by ±h, as b1[j] ± h does
	sd, sgn       []float64  // per sample: σ(d), d its logit margin; +1 for label 0, −1 for 1
	dPlus, dMinus []float64  // per sample: the change of the margin d for +h and for −h
}

// shift is a change δ of a hidden unit's pre-activation a, one per sample,
// with the two factors that give the change of the unit's output σ(a)
// without cancellation:
//
//	σ(a+δ) − σ(a) = −E·expm1(−δ)·σ(a)·σ(a+δ),  σ(a+δ) = 1/(1 + E·exp(−δ)),  E = exp(−a).
type shift struct {
	delta, exp, expm1 []float64 // δ_b, exp(−δ_b), expm1(−δ_b) for each sample b
}

// nudge is the pair of shifts of a central difference, +δ and −δ: what
// θ[k] + h and θ[k] − h do to a hidden pre-activation.
type nudge struct{ plus, minus shift }

// set makes entry k the nudge ±d.
func (n nudge) set(k int, d float64) {
	n.plus.set(k, d)
	n.minus.set(k, -d)
}

// set makes entry k the shift d.
func (s shift) set(k int, d float64) {
	s.delta[k], s.exp[k], s.expm1[k] = d, math.Exp(-d), math.Expm1(-d)
}

// row returns row i of a nudge laid out in rows of b entries: for input i,
// its nudge of each of the b samples.
func (n nudge) row(i, b int) nudge {
	return nudge{n.plus.row(i, b), n.minus.row(i, b)}
}

// row returns row i of a shift laid out in rows of b entries.
func (s shift) row(i, b int) shift {
	lo, hi := i*b, (i+1)*b
	return shift{s.delta[lo:hi], s.exp[lo:hi], s.expm1[lo:hi]}
}

// resize gives n room for k entries, reusing its memory when it can.
func (n *nudge) resize(k int) {
	n.plus.resize(k)
	n.minus.resize(k)
}

// resize gives s room for k entries, reusing its memory when it can.
func (s *shift) resize(k int) {
	s.delta, s.exp, s.expm1 = resize(s.delta, k), resize(s.exp, k), resize(s.expm1, k)
}

// progressEvery is how many cheap nudges pass between progress reports.
const progressEvery = 256

func (m *incremental) Compute(ctx context.Context, net *Network, batch Dataset, lo, hi int, g []float64, progress func(int)) (int, error) {
	checkRange(net, lo, hi, g)
	if err := ctx.Err(); err != nil || lo == hi {
		return 0, err
	}
	m.cache(net, batch)
	b, h := len(batch.T), m.h
	z1T := m.z1T.RawMatrix().Data
	ts := net.Tensors()
	tk := ticker{ctx, progress, progressEvery, hi - lo}
	scale := 1 / (2 * h * float64(b))

	for k := lo; k < hi; k++ {
		var diff float64 // Σ_b loss_b(θ+h·e_k) − loss_b(θ−h·e_k)
		switch {
		case k < ts[1].Lo: // W1[i][j]: column j of a1 moves by ±h·x[:,i]
			i, j := k/net.Hidden, k%net.Hidden
			diff = m.hiddenDiff(m.unit(net, j, b), m.input.row(i, b))
		case k < ts[2].Lo: // b1[j]: column j of a1 moves by ±h
			diff = m.hiddenDiff(m.unit(net, k-ts[1].Lo, b), m.bias)
		case k < ts[3].Lo: // W2[j][c]: logit c moves by ±h·z1[:,j]
			j, c := (k-ts[2].Lo)/Outputs, (k-ts[2].Lo)%Outputs
			diff = m.logitDiff(z1T[j*b:(j+1)*b], c, h)
		default: // b2[c]: logit c moves by ±h
			diff = m.logitDiff(nil, k-ts[3].Lo, h)
		}
		g[k] = diff * scale
		if err := tk.tick(k - lo + 1); err != nil {
			return 2 * (k - lo + 1), err
		}
	}
	return 2 * (hi - lo), nil
}

// cache runs the forward pass at θ and fills the caches the nudges read.
func (m *incremental) cache(net *Network, batch Dataset) {
	f := net.Forward(&m.f, batch.X)
	b, s := batch.X.Dims()
	m.a1T = transpose(m.a1T, f.A1)
	m.z1T = transpose(m.z1T, f.Z1)
	m.eT = reuse(m.eT, net.Hidden, b)
	expNeg(m.eT.RawMatrix().Data, m.a1T.RawMatrix().Data)
	m.input.resize(s * b)
	for r := range b {
		for i, x := range batch.X.RawRowView(r) {
			d := m.h * x
			m.input.plus.delta[i*b+r], m.input.minus.delta[i*b+r] = d, -d
		}
	}
	m.input.exps()
	m.bias.resize(b)
	for r := range b {
		m.bias.set(r, m.h)
	}
	m.sd, m.sgn = resize(m.sd, b), resize(m.sgn, b)
	m.dPlus, m.dMinus = resize(m.dPlus, b), resize(m.dMinus, b)
	for r, t := range batch.T {
		a2 := f.A2.RawRowView(r)
		m.sgn[r] = 1 - 2*float64(t) // d = sgn·(a2[1] − a2[0])
		m.sd[r] = sigmoid(m.sgn[r] * (a2[1] - a2[0]))
	}
}

// hidden is one hidden unit j seen across the batch.
type hidden struct {
	a, z, e []float64 // a1[:,j], z1[:,j] = σ(a), E = exp(−a)
	dw      float64   // W2[j][1] − W2[j][0]: a unit change of z1[b][j] moves the margin of label 0 by this
}

// unit returns hidden unit j over the b samples of the cached batch.
func (m *incremental) unit(net *Network, j, b int) hidden {
	lo, hi := j*b, (j+1)*b
	w2 := net.W2.RawRowView(j)
	return hidden{
		a:  m.a1T.RawMatrix().Data[lo:hi],
		z:  m.z1T.RawMatrix().Data[lo:hi],
		e:  m.eT.RawMatrix().Data[lo:hi],
		dw: w2[1] - w2[0],
	}
}

// hiddenDiff returns Σ_b of the loss change when u's pre-activation moves
// by n.plus minus that when it moves by n.minus.
func (m *incremental) hiddenDiff(u hidden, n nudge) float64 {
	if d, ok := simd.HiddenDiff(u.e, u.z, n.plus.exp, n.plus.expm1, n.minus.exp, n.minus.expm1, m.sgn, m.sd, u.dw); ok {
		return d // the loop below, in SIMD128, when no sample needs a rare branch
	}
	nb := len(u.e)
	dPlus, dMinus := m.dPlus[:nb], m.dMinus[:nb]
	z, sgn := u.z[:nb], m.sgn[:nb]
	// The factors of each shift as plain slices, which the loop indexes without bounds checks.
	plusExp, plusExpm1 := n.plus.exp[:nb], n.plus.expm1[:nb]
	minusExp, minusExpm1 := n.minus.exp[:nb], n.minus.expm1[:nb]
	for r, e := range u.e {
		var dp, dm float64 // change of z1[r][j] for +δ and −δ
		if e < 1e300 && z[r] > 0 {
			dp = -e * plusExpm1[r] * z[r] / (1 + e*plusExp[r])
			dm = -e * minusExpm1[r] * z[r] / (1 + e*minusExp[r])
		} else { // exp(−a) overflowed: subtract directly
			dp, dm = sigmoid(u.a[r]+n.plus.delta[r])-z[r], sigmoid(u.a[r]+n.minus.delta[r])-z[r]
		}
		k := sgn[r] * u.dw
		dPlus[r], dMinus[r] = dp*k, dm*k
	}
	return sumSteps(m.sd, dPlus) - sumSteps(m.sd, dMinus)
}

// logitDiff returns Σ_b of the loss change from moving logit c by +h·z[b]
// minus that from −h·z[b] (z nil: by ±h).
func (m *incremental) logitDiff(z []float64, c int, h float64) float64 {
	dir := float64(2*c - 1) // logit 1 raises the margin of label 0, logit 0 lowers it
	for r, sg := range m.sgn {
		d := h
		if z != nil {
			d *= z[r]
		}
		m.dPlus[r], m.dMinus[r] = d*sg*dir, -d*sg*dir
	}
	return sumSteps(m.sd, m.dPlus) - sumSteps(m.sd, m.dMinus)
}

// sumSteps returns Σ_b softplus(d_b+Δ_b) − softplus(d_b), given
// s_b = σ(d_b) and Δ_b. Each term is log1p(σ(d)·expm1(Δ)), computed without
// cancellation; for |Δ| below 1/1024 from the Taylor series of expm1 and
// log1p, to full precision and several times faster than the library calls.
func sumSteps(s, delta []float64) float64 {
	var total float64
	s = s[:len(delta)]
	for r, d := range delta {
		if d >= 1.0/1024 || d <= -1.0/1024 {
			total += math.Log1p(s[r] * math.Expm1(d))
			continue
		}
		u := s[r] * d * (1 + d/2*(1+d/3*(1+d/4*(1+d/5*(1+d/6))))) // σ(d)·expm1(Δ), error below Δ⁷/5040
		total += u * (1 - u*(0.5-u*(1.0/3-u*(0.25-u*(0.2-u*(1.0/6-u/7))))))
	}
	return total
}

// transpose returns mᵀ, reusing dst when it has the right shape.
func transpose(dst, m *mat.Dense) *mat.Dense {
	r, c := m.Dims()
	dst = reuse(dst, c, r)
	dst.Copy(m.T())
	return dst
}

// resize returns s with length n, reusing its memory when it can.
func resize(s []float64, n int) []float64 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]float64, n)
}
