package nn

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"bibun/nn/simd"
)

// biasSigmoid adds b1 to every row of a1 and sets z1 = σ(a1): the hidden
// layer of Forward. Under WebAssembly with SIMD128 package simd does it, to
// the same bits.
func biasSigmoid(z1, a1 *mat.Dense, b1 []float64) {
	za, aa := z1.RawMatrix(), a1.RawMatrix()
	if simd.On() && za.Stride == za.Cols && aa.Stride == aa.Cols {
		simd.BiasSigmoid(za.Data[:za.Rows*za.Cols], aa.Data[:aa.Rows*aa.Cols], b1)
		return
	}
	for r := range aa.Rows {
		a, z := a1.RawRowView(r), z1.RawRowView(r)
		for j, bj := range b1 {
			a[j] += bj
			z[j] = sigmoid(a[j])
		}
	}
}

// expNeg sets e[k] = exp(−a[k]) for every k of a: incremental's E.
func expNeg(e, a []float64) {
	e = e[:len(a)]
	for k, v := range a {
		e[k] = -v
	}
	simd.Exp(e, e)
}

// nudgeExps sets, for the nudge δ = h·x[r][i] of every input i of every
// sample r, exp(−δ), expm1(−δ), exp(δ) and expm1(δ) into element (i, r) of
// xp, xm1p, xm and xm1m (each S×B): incremental's caches of the nudges.
func nudgeExps(xp, xm1p, xm, xm1m, x *mat.Dense, h float64) {
	b, s := x.Dims()
	p, p1, q, q1 := xp.RawMatrix(), xm1p.RawMatrix(), xm.RawMatrix(), xm1m.RawMatrix()
	if !simd.On() || p.Stride != b || p1.Stride != b || q.Stride != b || q1.Stride != b {
		for r := range b {
			for i, v := range x.RawRowView(r) {
				xp.Set(i, r, math.Exp(-h*v))
				xm1p.Set(i, r, math.Expm1(-h*v))
				xm.Set(i, r, math.Exp(h*v))
				xm1m.Set(i, r, math.Expm1(h*v))
			}
		}
		return
	}
	n := s * b
	dp, dq := p.Data[:n], q.Data[:n] // −δ and δ first, then their exps
	for r := range b {
		for i, v := range x.RawRowView(r) {
			dp[i*b+r] = -h * v
			dq[i*b+r] = h * v
		}
	}
	simd.Expm1(p1.Data[:n], dp)
	simd.Exp(dp, dp)
	simd.Expm1(q1.Data[:n], dq)
	simd.Exp(dq, dq)
}
