package nn

import (
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

// exps fills the exps of both shifts of n from their deltas.
func (n nudge) exps() {
	n.plus.exps()
	n.minus.exps()
}

// exps sets exp(−δ) and expm1(−δ) of every δ of s: as shift.set does
// one by one, in SIMD128 when the kernels run (the same bits either way).
func (s shift) exps() {
	e := s.exp[:len(s.delta)]
	for k, d := range s.delta {
		e[k] = -d
	}
	simd.Expm1(s.expm1[:len(e)], e)
	simd.Exp(e, e)
}
