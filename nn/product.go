package nn

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// The transposes of product: take an operand as it is, or its transpose.
const (
	asIs       = blas.NoTrans
	transposed = blas.Trans
)

// product sets c = op(a)·op(b), op each operand as it is or transposed
// (ta, tb). It makes the call mat.Dense.Mul makes for two dense operands,
// blas64.Gemm(ta, tb, 1, a, b, 0, c) — the same kernel (nn/gemm's under
// js/wasm), so the same digits — without the rest of Mul, whose type switch
// over triangular, symmetric and banded operands links BLAS routines the
// network never uses into every wasm binary (about 60 kB of code).
//
// c must already be op(a)'s rows × op(b)'s columns and share no memory with
// a or b; blas64.Gemm panics on shapes that do not agree.
func product(c *mat.Dense, a *mat.Dense, ta blas.Transpose, b *mat.Dense, tb blas.Transpose) {
	blas64.Gemm(ta, tb, 1, a.RawMatrix(), b.RawMatrix(), 0, c.RawMatrix())
}
