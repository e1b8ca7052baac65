package simd

import (
	"math"
	"unsafe"
)

// maxLen bounds the lengths and strides handed to the kernels, so that
// every byte offset fits their 32-bit arithmetic. Anything longer (2 GiB of
// float64s) takes the Go path.
const maxLen = 1 << 28

var (
	supplied = available() != 0 // the host gave the kernels; asked once, at start
	on       = supplied         // the kernels run (Use can turn them off)
)

// On reports whether the SIMD kernels run: the program runs under
// WebAssembly, the host supplied them, and Use has not turned them off.
func On() bool { return on }

// Use turns the kernels on or off and reports whether they were on. They
// stay off when the host did not supply them. It is for tests and
// benchmarks that compare the two paths, which give the same bits; it must
// not be called while another goroutine computes.
func Use(kernels bool) (was bool) {
	was, on = on, kernels && supplied
	return was
}

// ptr returns the address of s's first element.
func ptr(s []float64) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(s)) }

// Exp sets dst[i] = math.Exp(x[i]) for every i < len(x), bit for bit what
// math.Exp returns under WebAssembly. dst may be x itself but must not
// otherwise overlap it. Exp panics if dst is shorter than x.
func Exp(dst, x []float64) {
	dst = dst[:len(x)]
	if !on || len(x) == 0 || len(x) > maxLen {
		for i, v := range x {
			dst[i] = math.Exp(v)
		}
		return
	}
	exp(ptr(dst), ptr(x), int32(len(x)))
}

// ln2Half bounds the arguments whose Expm1 the kernel computes: math.Expm1
// reduces the others first, and Expm1 leaves them to it.
const ln2Half = 3.46573590279972654709e-01

// Expm1 sets dst[i] = math.Expm1(x[i]) for every i < len(x), bit for bit
// what math.Expm1 returns under WebAssembly. The kernel takes the arguments
// up to ln2/2 in size, the branch of math.Expm1 without argument reduction,
// and math.Expm1 the others, which it finds again in x afterwards: so dst
// must not overlap x. Expm1 panics if dst is shorter than x or is x.
func Expm1(dst, x []float64) {
	dst = dst[:len(x)]
	if len(x) > 0 && &dst[0] == &x[0] {
		panic("simd: Expm1 in place")
	}
	if !on || len(x) == 0 || len(x) > maxLen {
		for i, v := range x {
			dst[i] = math.Expm1(v)
		}
		return
	}
	if expm1(ptr(dst), ptr(x), int32(len(x))) == 0 {
		return
	}
	for i, v := range x { // the kernel left dst[i] = x[i]
		if !(math.Abs(v) <= ln2Half) {
			dst[i] = math.Expm1(v)
		}
	}
}

// BiasSigmoid adds bias to every row of a, a matrix of len(bias) columns
// stored row after row without gaps, and sets z (the same shape) to the
// sigmoid of the sums, element by element:
//
//	a[r][j] += bias[j]
//	z[r][j] = 1 / (1 + math.Exp(-a[r][j]))
//
// which is nn's hidden layer. z must not overlap a. BiasSigmoid panics if
// len(a) is not a multiple of len(bias) or len(z) != len(a).
func BiasSigmoid(z, a, bias []float64) {
	cols := len(bias)
	if len(z) != len(a) || cols == 0 && len(a) != 0 || cols != 0 && len(a)%cols != 0 {
		panic("simd: BiasSigmoid: z and a must both be rows of len(bias) columns")
	}
	if !on || len(a) == 0 || len(a) > maxLen {
		for r := 0; r < len(a); r += cols {
			ar, zr := a[r:r+cols], z[r:r+cols]
			for j, bj := range bias {
				ar[j] += bj
				zr[j] = 1 / (1 + math.Exp(-ar[j]))
			}
		}
		return
	}
	biasSigmoid(ptr(z), ptr(a), ptr(bias), int32(len(a)/cols), int32(cols))
}

// Dgemm sets C = op(A)·B and reports true, or does nothing and reports
// false when the kernels are off (or the matrices are too large for them),
// for the caller to compute C itself. Every C[i][j] is the sequential sum
//
//	s := 0.0
//	for l := 0; l < k; l++ {
//		s += op(A)[i][l] * B[l][j]
//	}
//
// with each product rounded before it is added, the contract of package
// gemm. op(A) is m×k: A[i][l] = a[i*lda+l], or with aTrans, Aᵀ of the k×m
// matrix A stored at a[l*lda+i]. B is k×n at b[l*ldb+j]; C is m×n at
// c[i*ldc+j], and only those elements of c are written. Dgemm panics if a
// slice is too short for its matrix or a leading dimension too small.
func Dgemm(aTrans bool, m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) bool {
	if !on || m <= 0 || n <= 0 || k <= 0 {
		return false
	}
	sai, sal, ar, ac := lda, 1, m, k // A[i][l] = a[i*sai + l*sal], stored ar×ac
	if aTrans {
		sai, sal, ar, ac = 1, lda, k, m
	}
	if lda < ac || ldb < n || ldc < n ||
		len(a) < (ar-1)*lda+ac || len(b) < (k-1)*ldb+n || len(c) < (m-1)*ldc+n {
		panic("simd: Dgemm: a slice is too short for its matrix, or a leading dimension too small")
	}
	if max(m, n, k, lda, ldb, ldc) > maxLen {
		return false
	}
	dgemm(int32(m), int32(n), int32(k), ptr(a), int32(8*sai), int32(8*sal), ptr(b), int32(8*ldb), ptr(c), int32(8*ldc))
	return true
}

// HiddenDiff is the fast path of nn's incremental method for one hidden
// unit and a batch of len(e) samples (see nn/incremental.go, hiddenDiff and
// sumSteps, whose Go code is the reference). Per sample r it forms the
// changes of the logit margin for a pre-activation nudge +δ and −δ,
//
//	dp := -e[r] * xm1p[r] * z[r] / (1 + e[r]*xp[r]) * (sgn[r] * dw)
//	dm := -e[r] * xm1m[r] * z[r] / (1 + e[r]*xm[r]) * (sgn[r] * dw)
//
// and returns Σ_r step(sd[r], dp) − Σ_r step(sd[r], dm), both sums in
// increasing r from +0, where step(s, d) = log1p(s·expm1(d)) is taken by
// sumSteps' Taylor series.
//
// It reports false, and the caller computes the whole difference itself,
// when the kernels are off or a sample needs a branch the series does not
// cover: e[r] ≥ 1e300 or z[r] ≤ 0 (or NaN), or |dp| or |dm| ≥ 1/1024.
// HiddenDiff panics if a slice is shorter than e.
func HiddenDiff(e, z, xp, xm1p, xm, xm1m, sgn, sd []float64, dw float64) (diff float64, ok bool) {
	n := len(e)
	for _, s := range [][]float64{z, xp, xm1p, xm, xm1m, sgn, sd} {
		if len(s) < n {
			panic("simd: HiddenDiff: a slice is shorter than e")
		}
	}
	if !on || n == 0 || n > maxLen {
		return 0, false
	}
	ok = hiddenDiff(unsafe.Pointer(&diff), int32(n), ptr(e), ptr(z), ptr(xp), ptr(xm1p), ptr(xm), ptr(xm1m), ptr(sgn), ptr(sd), dw) != 0
	return diff, ok
}
