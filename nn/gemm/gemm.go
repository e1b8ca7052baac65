package gemm

//go:generate go run gen_kernels.go

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"bibun/nn/simd"
)

// Implementation is a blas.Float64 implementation whose Dgemm is the
// register-tiled, pure-Go kernel of this package. Every other BLAS routine is
// gonum's, through the embedded gonum.Implementation.
//
// Install it with
//
//	blas64.Use(gemm.Implementation{})
//
// The zero value is ready to use, holds no state and is safe for concurrent
// use.
type Implementation struct {
	gonum.Implementation
}

var _ blas.Float64 = Implementation{}

// Dgemm performs one of the matrix-matrix operations
//
//	C = alpha * A * B + beta * C
//	C = alpha * Aᵀ * B + beta * C
//	C = alpha * A * Bᵀ + beta * C
//	C = alpha * Aᵀ * Bᵀ + beta * C
//
// where A is an m×k or k×m dense matrix, B is a k×n or n×k dense matrix, C is
// an m×n matrix, all stored row-major with leading dimensions lda, ldb and
// ldc, and alpha and beta are scalars. tA and tB specify whether A or B are
// transposed (blas.ConjTrans is treated as blas.Trans).
//
// Arguments are checked exactly as gonum's Dgemm checks them: invalid
// arguments are handed to the embedded gonum.Implementation, which panics with
// its usual message.
//
// # Rounding
//
// For every element, Dgemm first forms the sum
//
//	s := 0.0
//	for l := 0; l < k; l++ {
//		s += float64(A[i][l] * B[l][j])
//	}
//
// in exactly that order: increasing l, starting from +0, each product rounded
// to float64 before it is added (never fused into an FMA), and then stores
//
//	C[i][j] = s                           if alpha == 1 and beta == 0
//	C[i][j] = alpha*s                     if alpha != 1 and beta == 0
//	C[i][j] = alpha*s + beta*C[i][j]      otherwise (each product rounded)
//
// With beta == 0, C is not read, so NaNs in C do not propagate. If alpha == 0
// or k == 0, A and B are not read and C is only scaled by beta (set to zero
// when beta == 0, left untouched when beta == 1), as the reference BLAS
// specifies and as gonum does for finite A and B.
//
// For alpha == 1 and beta == 0, the case this project uses, the result is
// therefore bit-identical to the naive triple loop above, and to what gonum's
// Dgemm produces for the NoTrans×NoTrans, Trans×NoTrans and Trans×Trans
// cases (gonum accumulates C[i][j] += A[i][l]*B[l][j] over increasing l), so
// installing this kernel never changes a digit of those results. Two
// documented exceptions on gonum's side: gonum skips the terms where A[i][l]
// is zero, which differs only when the matching B element is ±Inf or NaN
// (gonum gives a finite value where the naive sum gives NaN); and gonum's
// NoTrans×Trans case uses a dot product that, on amd64 with assembly, and on
// any platform in its parallel path for large m·n, sums in a different order,
// so there this kernel matches the naive loop and gonum may not.
//
// For alpha != 1 the rounding differs slightly from gonum's, which scales each
// term (alpha*A[i][l])*B[l][j] before accumulating rather than scaling the
// final sum; for beta ∉ {0, 1} gonum also rounds beta*C before adding the
// terms one at a time. Both results are correct to within normal
// floating-point error; callers in this project use alpha = 1, beta = 0.
//
// Dgemm is single-threaded and allocation-free, with no packing buffer.
// There is no cache blocking beyond the 2×4 register tiles (4×4 in the
// SIMD kernel of package simd, which takes alpha == 1, beta == 0 with B not
// transposed when the host has SIMD128); it is meant for the small and
// medium matrices (up to a few hundred on a side) of this project.
func (impl Implementation) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	if !validDgemm(tA, tB, m, n, k, a, lda, b, ldb, c, ldc) {
		// gonum panics here, with its own message.
		impl.Implementation.Dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	if m == 0 || n == 0 {
		return
	}
	if alpha == 0 || k == 0 {
		scaleC(m, n, beta, c, ldc)
		return
	}

	aTrans, bTrans := tA != blas.NoTrans, tB != blas.NoTrans
	// Under WebAssembly with SIMD128, the kernels of package simd compute
	// the same sums, two columns at a time.
	if alpha == 1 && beta == 0 && !bTrans && simd.Dgemm(aTrans, m, n, k, a, lda, b, ldb, c, ldc) {
		return
	}

	sc := scale{alpha: alpha, beta: beta}
	var ks *kernelSet
	switch {
	case !aTrans && !bTrans:
		ks = &kernelsNN
	case aTrans && !bTrans:
		ks = &kernelsTN
	case !aTrans && bTrans:
		ks = &kernelsNT
	default:
		ks = &kernelsTT
	}
	ks.run(m, n, k, a, lda, b, ldb, c, ldc, sc)
}

// validDgemm reports whether gonum's Dgemm would accept the arguments. It
// makes the same checks in the same order.
func validDgemm(tA, tB blas.Transpose, m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) bool {
	if !validTranspose(tA) || !validTranspose(tB) {
		return false
	}
	if m < 0 || n < 0 || k < 0 {
		return false
	}
	aTrans := tA != blas.NoTrans
	bTrans := tB != blas.NoTrans
	if aTrans {
		if lda < max(1, m) {
			return false
		}
	} else if lda < max(1, k) {
		return false
	}
	if bTrans {
		if ldb < max(1, k) {
			return false
		}
	} else if ldb < max(1, n) {
		return false
	}
	if ldc < max(1, n) {
		return false
	}
	if m == 0 || n == 0 {
		// gonum returns before checking the slice lengths.
		return true
	}
	if aTrans {
		if len(a) < (k-1)*lda+m {
			return false
		}
	} else if len(a) < (m-1)*lda+k {
		return false
	}
	if bTrans {
		if len(b) < (n-1)*ldb+k {
			return false
		}
	} else if len(b) < (k-1)*ldb+n {
		return false
	}
	return len(c) >= (m-1)*ldc+n
}

func validTranspose(t blas.Transpose) bool {
	return t == blas.NoTrans || t == blas.Trans || t == blas.ConjTrans
}

// scaleC sets C = beta*C, or C = 0 if beta == 0 (without reading C).
func scaleC(m, n int, beta float64, c []float64, ldc int) {
	if beta == 1 {
		return
	}
	for i := 0; i < m; i++ {
		row := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}

// scale stores a finished sum s into C according to alpha and beta.
type scale struct {
	alpha, beta float64
}

// put stores s into c[idx].
func (sc scale) put(c []float64, idx int, s float64) {
	switch {
	case sc.beta == 0 && sc.alpha == 1:
		c[idx] = s
	case sc.beta == 0:
		c[idx] = sc.alpha * s
	default:
		c[idx] = float64(sc.alpha*s) + float64(sc.beta*c[idx])
	}
}

// put4 stores s0..s3 into c[0..3].
func (sc scale) put4(c []float64, s0, s1, s2, s3 float64) {
	c = c[:4:4]
	switch {
	case sc.beta == 0 && sc.alpha == 1:
		c[0], c[1], c[2], c[3] = s0, s1, s2, s3
	case sc.beta == 0:
		c[0] = sc.alpha * s0
		c[1] = sc.alpha * s1
		c[2] = sc.alpha * s2
		c[3] = sc.alpha * s3
	default:
		c[0] = float64(sc.alpha*s0) + float64(sc.beta*c[0])
		c[1] = float64(sc.alpha*s1) + float64(sc.beta*c[1])
		c[2] = float64(sc.alpha*s2) + float64(sc.beta*c[2])
		c[3] = float64(sc.alpha*s3) + float64(sc.beta*c[3])
	}
}

// kernel is the signature of the generated kernels in kernels.go: rows
// i..i+R-1 of C, for the columns j0..j1-1 in tiles of C columns.
type kernel func(i, j0, j1, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int, sc scale)

// kernelSet holds the kernels of one transpose case, by tile shape.
type kernelSet struct {
	r2c4, r1c4, r2c1, r1c1 kernel
}

var (
	kernelsNN = kernelSet{rows2x4NN, rows1x4NN, rows2x1NN, rows1x1NN}
	kernelsTN = kernelSet{rows2x4TN, rows1x4TN, rows2x1TN, rows1x1TN}
	kernelsNT = kernelSet{rows2x4NT, rows1x4NT, rows2x1NT, rows1x1NT}
	kernelsTT = kernelSet{rows2x4TT, rows1x4TT, rows2x1TT, rows1x1TT}
)

// run computes C: rows in pairs, then a last odd row; in each band, the
// complete 4-column tiles and then the last n mod 4 columns one by one.
func (ks *kernelSet) run(m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int, sc scale) {
	n4 := n &^ 3
	i := 0
	for ; i+2 <= m; i += 2 {
		ks.r2c4(i, 0, n4, k, a, lda, b, ldb, c, ldc, sc)
		ks.r2c1(i, n4, n, k, a, lda, b, ldb, c, ldc, sc)
	}
	if i < m {
		ks.r1c4(i, 0, n4, k, a, lda, b, ldb, c, ldc, sc)
		ks.r1c1(i, n4, n, k, a, lda, b, ldb, c, ldc, sc)
	}
}
