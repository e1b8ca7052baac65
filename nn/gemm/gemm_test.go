package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/mat"
)

var transposes = []blas.Transpose{blas.NoTrans, blas.Trans}

func tname(t blas.Transpose) string {
	if t == blas.NoTrans {
		return "N"
	}
	return "T"
}

// stored is a row-major matrix with padding: r×c elements at data[i*ld+j],
// every other element of data (padding) is NaN so that reading it shows up.
type stored struct {
	r, c, ld int
	data     []float64
}

// newStored returns an r×c matrix with leading dimension c+pad (at least 1)
// and a backing slice of exactly the minimum length gonum accepts.
func newStored(rnd *rand.Rand, r, c, pad int) stored {
	ld := max(1, c) + pad
	n := 0
	if r > 0 {
		n = (r-1)*ld + c
	}
	s := stored{r: r, c: c, ld: ld, data: make([]float64, n)}
	for i := range s.data {
		s.data[i] = math.NaN()
	}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			s.data[i*ld+j] = randValue(rnd)
		}
	}
	return s
}

// randValue returns values spread over many binades, with some exact zeros
// and integers, so that any change in summation order changes some result.
func randValue(rnd *rand.Rand) float64 {
	switch rnd.IntN(10) {
	case 0:
		return 0
	case 1:
		return float64(rnd.IntN(7) - 3)
	default:
		return math.Ldexp(rnd.NormFloat64(), rnd.IntN(41)-20)
	}
}

// op returns element (i, j) of op(X) where X is stored as s.
func (s stored) op(t blas.Transpose, i, j int) float64 {
	if t == blas.NoTrans {
		return s.data[i*s.ld+j]
	}
	return s.data[j*s.ld+i]
}

// naive returns the m×n matrix (dense, stride n) of the sequential sums
// Σ_l op(A)[i][l]*op(B)[l][j], summed in increasing l from 0, each product
// rounded before it is added.
func naive(tA, tB blas.Transpose, m, n, k int, a, b stored) []float64 {
	out := make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			s := 0.0
			for l := 0; l < k; l++ {
				s += float64(a.op(tA, i, l) * b.op(tB, l, j))
			}
			out[i*n+j] = s
		}
	}
	return out
}

// problem is one Dgemm call with its operands.
type problem struct {
	tA, tB  blas.Transpose
	m, n, k int
	a, b, c stored
}

func newProblem(rnd *rand.Rand, tA, tB blas.Transpose, m, n, k, padA, padB, padC int) problem {
	p := problem{tA: tA, tB: tB, m: m, n: n, k: k}
	if tA == blas.NoTrans {
		p.a = newStored(rnd, m, k, padA)
	} else {
		p.a = newStored(rnd, k, m, padA)
	}
	if tB == blas.NoTrans {
		p.b = newStored(rnd, k, n, padB)
	} else {
		p.b = newStored(rnd, n, k, padB)
	}
	p.c = newStored(rnd, m, n, padC)
	return p
}

func (p problem) String() string {
	return fmt.Sprintf("%s%s m=%d n=%d k=%d lda=%d ldb=%d ldc=%d",
		tname(p.tA), tname(p.tB), p.m, p.n, p.k, p.a.ld, p.b.ld, p.c.ld)
}

// run calls impl.Dgemm on a copy of C and returns the copy.
func (p problem) run(impl blas.Float64, alpha, beta float64) []float64 {
	c := append([]float64(nil), p.c.data...)
	impl.Dgemm(p.tA, p.tB, p.m, p.n, p.k, alpha, p.a.data, p.a.ld, p.b.data, p.b.ld, beta, c, p.c.ld)
	return c
}

// gonumSequential reports whether gonum's Dgemm (alpha = 1, beta = 0) sums
// every element sequentially in increasing l, so that it must agree bit for
// bit with the naive loop.
//
// gonum's NoTrans×NoTrans, Trans×NoTrans and Trans×Trans paths accumulate
// C[i][j] += A[i][l]*B[l][j] in increasing l (in assembly on amd64, whose
// axpy kernels use separate multiply and add instructions). Its
// NoTrans×Trans path instead adds dot products: on amd64 the assembly
// DotUnitary keeps several partial sums, and in the parallel path (4 or more
// 64×64 blocks of C) the k range is split into chunks of 64 whose dot
// products are added to C one by one. On other architectures gonum's pure-Go
// loops may be compiled with fused multiply-adds, so there is no exact
// expectation.
func gonumSequential(tA, tB blas.Transpose, m, n, k int) bool {
	switch runtime.GOARCH {
	case "wasm":
	case "amd64":
		if !gonumAsm {
			return false // pure Go, possibly fused at GOAMD64=v3
		}
	default:
		return false
	}
	if tA == blas.NoTrans && tB != blas.NoTrans {
		if gonumAsm {
			return k < 4
		}
		blocks := func(x int) int { return (x + 63) / 64 }
		return blocks(m)*blocks(n) < 4 || k <= 64
	}
	return true
}

// checkPadding fails if the padding of C was written.
func checkPadding(t *testing.T, p problem, got []float64) {
	t.Helper()
	for idx := range got {
		i, j := idx/p.c.ld, idx%p.c.ld
		if j < p.n && i < p.m {
			continue
		}
		if math.Float64bits(got[idx]) != math.Float64bits(p.c.data[idx]) {
			t.Fatalf("%v: padding C[%d] written: %v", p, idx, got[idx])
		}
	}
}

// checkExact checks alpha = 1, beta = 0 against the naive loop and, where
// applicable, against gonum, bit for bit.
func checkExact(t *testing.T, p problem) {
	t.Helper()
	want := naive(p.tA, p.tB, p.m, p.n, p.k, p.a, p.b)
	got := p.run(Implementation{}, 1, 0)
	checkPadding(t, p, got)
	for i := 0; i < p.m; i++ {
		for j := 0; j < p.n; j++ {
			g, w := got[i*p.c.ld+j], want[i*p.n+j]
			if math.Float64bits(g) != math.Float64bits(w) {
				t.Fatalf("%v: C[%d][%d] = %v (%#x), naive %v (%#x)", p, i, j, g, math.Float64bits(g), w, math.Float64bits(w))
			}
		}
	}
	if !gonumSequential(p.tA, p.tB, p.m, p.n, p.k) {
		return
	}
	ref := p.run(gonum.Implementation{}, 1, 0)
	for idx := range got {
		if math.Float64bits(got[idx]) != math.Float64bits(ref[idx]) {
			t.Fatalf("%v: C[%d] = %v, gonum %v", p, idx, got[idx], ref[idx])
		}
	}
}

var sizes = []int{1, 2, 3, 4, 5, 7, 17, 100}

func TestDgemmBitIdentical(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	ks := append(sizes, 8, 9, 64, 65, 256)
	for _, tA := range transposes {
		for _, tB := range transposes {
			for _, m := range sizes {
				for _, n := range sizes {
					for _, k := range ks {
						pad := func() int { return rnd.IntN(3) * rnd.IntN(4) }
						checkExact(t, newProblem(rnd, tA, tB, m, n, k, pad(), pad(), pad()))
					}
				}
			}
		}
	}
}

// TestDgemmProjectShapes checks the shapes the project multiplies.
func TestDgemmProjectShapes(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	shapes := []struct {
		tA, tB  blas.Transpose
		m, n, k int
	}{
		{blas.NoTrans, blas.NoTrans, 100, 64, 256},
		{blas.NoTrans, blas.NoTrans, 300, 64, 256},
		{blas.NoTrans, blas.NoTrans, 200, 64, 256},
		{blas.NoTrans, blas.NoTrans, 100, 2, 64},
		{blas.NoTrans, blas.NoTrans, 1, 64, 256},
		{blas.Trans, blas.NoTrans, 256, 64, 100},
		{blas.Trans, blas.NoTrans, 64, 2, 100},
		{blas.NoTrans, blas.Trans, 100, 256, 64},
		{blas.NoTrans, blas.Trans, 100, 64, 2},
		{blas.NoTrans, blas.Trans, 300, 256, 64},
		{blas.Trans, blas.Trans, 256, 64, 100},
	}
	for _, s := range shapes {
		checkExact(t, newProblem(rnd, s.tA, s.tB, s.m, s.n, s.k, 0, 0, 0))
		checkExact(t, newProblem(rnd, s.tA, s.tB, s.m, s.n, s.k, 3, 5, 1))
	}
}

func TestDgemmRandomShapes(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	n := 400
	if testing.Short() {
		n = 50
	}
	for range n {
		tA, tB := transposes[rnd.IntN(2)], transposes[rnd.IntN(2)]
		dim := func() int { return 1 + rnd.IntN(40) }
		checkExact(t, newProblem(rnd, tA, tB, dim(), dim(), dim(), rnd.IntN(5), rnd.IntN(5), rnd.IntN(5)))
	}
}

func TestDgemmConjTrans(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 8))
	p := newProblem(rnd, blas.Trans, blas.Trans, 9, 10, 11, 1, 2, 3)
	want := p.run(Implementation{}, 1, 0)
	got := append([]float64(nil), p.c.data...)
	Implementation{}.Dgemm(blas.ConjTrans, blas.ConjTrans, p.m, p.n, p.k, 1, p.a.data, p.a.ld, p.b.data, p.b.ld, 0, got, p.c.ld)
	for i := range got {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Fatalf("ConjTrans differs from Trans at %d: %v vs %v", i, got[i], want[i])
		}
	}
}

func TestDgemmAlphaBeta(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	for _, tA := range transposes {
		for _, tB := range transposes {
			for _, sh := range [][3]int{{1, 1, 1}, {3, 5, 7}, {4, 4, 4}, {17, 7, 100}, {100, 17, 5}, {5, 9, 0}} {
				for _, alpha := range []float64{1, 0, -0.5, 2.5} {
					for _, beta := range []float64{0, 1, 0.3, -2} {
						m, n, k := sh[0], sh[1], sh[2]
						p := newProblem(rnd, tA, tB, m, n, k, 2, 1, 3)
						if beta == 0 {
							// C must not be read: NaN in C must not propagate.
							for i := 0; i < m; i++ {
								for j := 0; j < n; j++ {
									p.c.data[i*p.c.ld+j] = math.NaN()
								}
							}
						}
						s := naive(tA, tB, m, n, k, p.a, p.b)
						got := p.run(Implementation{}, alpha, beta)
						checkPadding(t, p, got)
						for i := 0; i < m; i++ {
							for j := 0; j < n; j++ {
								as := alpha * s[i*n+j]
								bc := 0.0
								if beta != 0 {
									bc = beta * p.c.data[i*p.c.ld+j]
								}
								want := as + bc
								g := got[i*p.c.ld+j]
								if math.IsNaN(g) || math.Abs(g-want) > 1e-14*(math.Abs(as)+math.Abs(bc)) {
									t.Fatalf("%v alpha=%v beta=%v: C[%d][%d] = %v, want %v", p, alpha, beta, i, j, g, want)
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestDgemmZeroSizes checks that m, n or k zero behave like gonum.
func TestDgemmZeroSizes(t *testing.T) {
	rnd := rand.New(rand.NewPCG(11, 12))
	for _, sh := range [][3]int{{0, 5, 3}, {4, 0, 3}, {4, 5, 0}, {0, 0, 0}} {
		for _, beta := range []float64{0, 1, 0.5} {
			p := newProblem(rnd, blas.NoTrans, blas.Trans, sh[0], sh[1], sh[2], 1, 1, 1)
			got := p.run(Implementation{}, 1, beta)
			want := p.run(gonum.Implementation{}, 1, beta)
			for i := range got {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Fatalf("%v beta=%v: C[%d] = %v, gonum %v", p, beta, i, got[i], want[i])
				}
			}
		}
	}
}

// TestReferenceIsSensitive makes sure the test data is such that summing in
// another order changes results, so that bit-identity means something.
func TestReferenceIsSensitive(t *testing.T) {
	rnd := rand.New(rand.NewPCG(13, 14))
	m, n, k := 20, 20, 64
	p := newProblem(rnd, blas.NoTrans, blas.NoTrans, m, n, k, 0, 0, 0)
	want := naive(p.tA, p.tB, m, n, k, p.a, p.b)
	differ := 0
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			s := 0.0
			for l := k - 1; l >= 0; l-- {
				s += float64(p.a.op(p.tA, i, l) * p.b.op(p.tB, l, j))
			}
			if s != want[i*n+j] {
				differ++
			}
		}
	}
	if differ < m*n/4 {
		t.Fatalf("reversed summation changed only %d of %d results", differ, m*n)
	}
}

func TestDgemmPanics(t *testing.T) {
	a := make([]float64, 12)
	b := make([]float64, 12)
	c := make([]float64, 12)
	cases := []struct {
		name    string
		tA, tB  blas.Transpose
		m, n, k int
		a       []float64
		lda     int
		b       []float64
		ldb     int
		c       []float64
		ldc     int
	}{
		{"bad tA", 'X', blas.NoTrans, 3, 4, 3, a, 3, b, 4, c, 4},
		{"bad tB", blas.NoTrans, 'X', 3, 4, 3, a, 3, b, 4, c, 4},
		{"m < 0", blas.NoTrans, blas.NoTrans, -1, 4, 3, a, 3, b, 4, c, 4},
		{"n < 0", blas.NoTrans, blas.NoTrans, 3, -1, 3, a, 3, b, 4, c, 4},
		{"k < 0", blas.NoTrans, blas.NoTrans, 3, 4, -1, a, 3, b, 4, c, 4},
		{"lda", blas.NoTrans, blas.NoTrans, 3, 4, 3, a, 2, b, 4, c, 4},
		{"lda trans", blas.Trans, blas.NoTrans, 3, 4, 3, a, 2, b, 4, c, 4},
		{"ldb", blas.NoTrans, blas.NoTrans, 3, 4, 3, a, 3, b, 3, c, 4},
		{"ldb trans", blas.NoTrans, blas.Trans, 3, 4, 3, a, 3, b, 2, c, 4},
		{"ldc", blas.NoTrans, blas.NoTrans, 3, 4, 3, a, 3, b, 4, c, 3},
		{"short a", blas.NoTrans, blas.NoTrans, 3, 4, 3, a[:8], 3, b, 4, c, 4},
		{"short b", blas.NoTrans, blas.NoTrans, 3, 4, 3, a, 3, b[:11], 4, c, 4},
		{"short b trans", blas.NoTrans, blas.Trans, 3, 4, 3, a, 3, b[:10], 3, c, 4},
		{"short c", blas.NoTrans, blas.NoTrans, 3, 4, 3, a, 3, b, 4, c[:11], 4},
	}
	catch := func(impl blas.Float64, tc int) (v any) {
		defer func() { v = recover() }()
		x := cases[tc]
		impl.Dgemm(x.tA, x.tB, x.m, x.n, x.k, 1, x.a, x.lda, x.b, x.ldb, 0, x.c, x.ldc)
		return nil
	}
	for i, x := range cases {
		got := catch(Implementation{}, i)
		want := catch(gonum.Implementation{}, i)
		if want == nil {
			t.Fatalf("%s: gonum did not panic; bad test case", x.name)
		}
		if got != want {
			t.Errorf("%s: panic %v, gonum panics %v", x.name, got, want)
		}
	}
	// Valid edge cases must not panic: m == 0 with empty slices (gonum
	// returns before the length checks), and k == 0 with the minimum lengths.
	Implementation{}.Dgemm(blas.NoTrans, blas.NoTrans, 0, 4, 3, 1, nil, 3, nil, 4, 0, nil, 4)
	Implementation{}.Dgemm(blas.NoTrans, blas.NoTrans, 3, 4, 0, 1, a[:2], 1, nil, 4, 0, c, 4)
}

func TestDgemmNoAllocs(t *testing.T) {
	rnd := rand.New(rand.NewPCG(15, 16))
	for _, tA := range transposes {
		for _, tB := range transposes {
			p := newProblem(rnd, tA, tB, 33, 18, 40, 1, 1, 1)
			c := append([]float64(nil), p.c.data...)
			allocs := testing.AllocsPerRun(10, func() {
				Implementation{}.Dgemm(p.tA, p.tB, p.m, p.n, p.k, 1, p.a.data, p.a.ld, p.b.data, p.b.ld, 0.5, c, p.c.ld)
			})
			if allocs != 0 {
				t.Errorf("%v: %v allocations per call", p, allocs)
			}
		}
	}
}

// TestMatMul installs the kernel through gonum's seam and checks that
// mat.Dense.Mul gives the naive sums bit for bit.
func TestMatMul(t *testing.T) {
	old := blas64.Implementation()
	blas64.Use(Implementation{})
	t.Cleanup(func() { blas64.Use(old) })
	if _, ok := blas64.Implementation().(Implementation); !ok {
		t.Fatalf("blas64.Use did not install the kernel")
	}

	rnd := rand.New(rand.NewPCG(17, 18))
	dense := func(r, c int) (*mat.Dense, stored) {
		s := newStored(rnd, r, c, 0)
		return mat.NewDense(r, c, s.data), s
	}
	for _, sh := range [][3]int{{100, 64, 256}, {100, 2, 64}, {7, 5, 3}, {1, 64, 256}, {300, 64, 256}} {
		m, n, k := sh[0], sh[1], sh[2]
		for _, tA := range transposes {
			for _, tB := range transposes {
				var am, bm mat.Matrix
				var as, bs stored
				if tA == blas.NoTrans {
					d, s := dense(m, k)
					am, as = d, s
				} else {
					d, s := dense(k, m)
					am, as = d.T(), s
				}
				if tB == blas.NoTrans {
					d, s := dense(k, n)
					bm, bs = d, s
				} else {
					d, s := dense(n, k)
					bm, bs = d.T(), s
				}
				var got mat.Dense
				got.Mul(am, bm)
				want := naive(tA, tB, m, n, k, as, bs)
				for i := 0; i < m; i++ {
					for j := 0; j < n; j++ {
						if g, w := got.At(i, j), want[i*n+j]; math.Float64bits(g) != math.Float64bits(w) {
							t.Fatalf("%s%s %d×%d·%d: C[%d][%d] = %v, naive %v", tname(tA), tname(tB), m, k, n, i, j, g, w)
						}
					}
				}
			}
		}
	}
}
