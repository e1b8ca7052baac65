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
// to full precision. Likewise σ(a+δa) − σ(a) = −E·expm1(−δa)·σ(a)·σ(a+δa)
// with E = exp(−a). The quotient is the same, to about 1e-15 relative;
// numerical's, from two full losses, carries ~1e-12 of rounding.
type incremental struct {
	h float64
	f Forward // activations at θ

	// Column-major caches, so that the loops over the batch read memory in order.
	a1T, z1T, eT *mat.Dense // H×B: a1, z1 = σ(a1), E = exp(−a1)
	// S×B: for the nudge ±h·x[b][i] of a pre-activation, exp(∓h·x) and expm1(∓h·x).
	xp, xm1p, xm, xm1m *mat.Dense
	sd, sgn            []float64 // per sample: σ(d), d its logit margin; +1 for label 0, −1 for 1
	dPlus, dMinus      []float64 // per sample: the change of the margin d for +h and for −h
}

// progressEvery is how many cheap nudges pass between progress reports.
const progressEvery = 256

func (m *incremental) Compute(ctx context.Context, net *Network, batch Dataset, lo, hi int, g []float64, progress func(int)) (int, error) {
	checkRange(net, lo, hi, g)
	if err := ctx.Err(); err != nil || lo == hi {
		return 0, err
	}
	m.cache(net, batch)
	b, h, hh := len(batch.T), m.h, net.H
	a1T, z1T, eT := m.a1T.RawMatrix().Data, m.z1T.RawMatrix().Data, m.eT.RawMatrix().Data
	xp, xm1p, xm, xm1m := m.xp.RawMatrix().Data, m.xm1p.RawMatrix().Data, m.xm.RawMatrix().Data, m.xm1m.RawMatrix().Data
	w2 := net.W2.RawMatrix().Data
	ts := net.Tensors()
	tk := ticker{ctx, progress, progressEvery, hi - lo}
	// A bias nudges every sample alike: exp(∓h) and expm1(∓h).
	bias := [4][]float64{fill(b, math.Exp(-h)), fill(b, math.Expm1(-h)), fill(b, math.Exp(h)), fill(b, math.Expm1(h))}
	scale := 1 / (2 * h * float64(b))

	for k := lo; k < hi; k++ {
		var diff float64 // Σ_b loss_b(θ+h·e_k) − loss_b(θ−h·e_k)
		switch {
		case k < ts[1].Lo: // W1[i][j]: column j of a1 moves by ±h·x[:,i]
			i, j := k/hh, k%hh
			r, c := i*b, j*b
			u := hidden{a1T[c : c+b], z1T[c : c+b], eT[c : c+b], w2[2*j+1] - w2[2*j], h}
			diff = m.hiddenDiff(u, xp[r:r+b], xm1p[r:r+b], xm[r:r+b], xm1m[r:r+b], batch.X, i)
		case k < ts[2].Lo: // b1[j]: column j of a1 moves by ±h
			j := k - ts[1].Lo
			c := j * b
			u := hidden{a1T[c : c+b], z1T[c : c+b], eT[c : c+b], w2[2*j+1] - w2[2*j], h}
			diff = m.hiddenDiff(u, bias[0], bias[1], bias[2], bias[3], nil, 0)
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
	m.eT = reuse(m.eT, net.H, b)
	expNeg(m.eT.RawMatrix().Data, m.a1T.RawMatrix().Data)
	m.xp, m.xm1p = reuse(m.xp, s, b), reuse(m.xm1p, s, b)
	m.xm, m.xm1m = reuse(m.xm, s, b), reuse(m.xm1m, s, b)
	nudgeExps(m.xp, m.xm1p, m.xm, m.xm1m, batch.X, m.h)
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
	a, z, e []float64 // a1[:,j], z1[:,j] = σ(a), exp(−a)
	dw      float64   // W2[j][1] − W2[j][0]: a unit change of z1[b][j] moves the margin of label 0 by this
	h       float64
}

// hiddenDiff returns Σ_b of the loss change from a pre-activation nudge
// +δ_b minus that from −δ_b, given exp(−δ), expm1(−δ) (xp, xm1p) and
// exp(δ), expm1(δ) (xm, xm1m) per sample. x and i name the input of a
// weight nudge (δ = h·x[b][i]), for the rare samples that need the direct
// formula; x is nil for a bias (δ = h).
func (m *incremental) hiddenDiff(u hidden, xp, xm1p, xm, xm1m []float64, x *mat.Dense, i int) float64 {
	if d, ok := simd.HiddenDiff(u.e, u.z, xp, xm1p, xm, xm1m, m.sgn, m.sd, u.dw); ok {
		return d // the loops below, in SIMD128, when no sample needs a rare branch
	}
	dPlus, dMinus := m.dPlus[:len(u.e)], m.dMinus[:len(u.e)]
	xp, xm1p, xm, xm1m = xp[:len(u.e)], xm1p[:len(u.e)], xm[:len(u.e)], xm1m[:len(u.e)]
	z, sgn := u.z[:len(u.e)], m.sgn[:len(u.e)]
	for r, e := range u.e {
		var dp, dm float64 // change of z1[r][j] for +δ and −δ
		if e < 1e300 && z[r] > 0 {
			dp = -e * xm1p[r] * z[r] / (1 + e*xp[r])
			dm = -e * xm1m[r] * z[r] / (1 + e*xm[r])
		} else { // exp(−a) overflowed: subtract directly
			d := u.h
			if x != nil {
				d *= x.At(r, i)
			}
			dp, dm = sigmoid(u.a[r]+d)-z[r], sigmoid(u.a[r]-d)-z[r]
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

// fill returns n copies of v.
func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for k := range s {
		s[k] = v
	}
	return s
}
