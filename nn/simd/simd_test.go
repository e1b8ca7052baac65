package simd

import (
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"
)

// needKernels skips a test that compares the kernels with Go when they do
// not run (natively, or under BIBUN_NOSIMD).
func needKernels(t *testing.T) {
	t.Helper()
	if !On() {
		t.Skipf("the SIMD kernels are off on %s/%s (BIBUN_NOSIMD=%q): nothing to compare", runtime.GOOS, runtime.GOARCH, os.Getenv("BIBUN_NOSIMD"))
	}
}

// goPath runs f with the kernels off.
func goPath(f func()) {
	was := Use(false)
	defer Use(was)
	f()
}

// TestHost checks that the host supplied the kernels exactly when it
// should: under js/wasm with nn/simd/go_js_wasm_exec unless BIBUN_NOSIMD
// is set (as a browser without SIMD128), and never natively.
func TestHost(t *testing.T) {
	want := runtime.GOARCH == "wasm" && os.Getenv("BIBUN_NOSIMD") == ""
	if On() != want {
		t.Errorf("On() = %v on %s/%s with BIBUN_NOSIMD=%q, want %v", On(), runtime.GOOS, runtime.GOARCH, os.Getenv("BIBUN_NOSIMD"), want)
	}
	if was := Use(false); was != want || On() {
		t.Errorf("Use(false) = %v, then On() = %v; want %v, false", was, On(), want)
	}
	if was := Use(true); was || On() != want {
		t.Errorf("Use(true) = %v, then On() = %v; want false, %v", was, On(), want)
	}
}

// expInputs returns arguments of exp that probe every branch of Go's exp
// and Ldexp: special values, the edges of each branch and the ulps around
// them, results in the subnormal range, and random values, bit patterns
// and NaN payloads.
func expInputs(rnd *rand.Rand) []float64 {
	const (
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)
	)
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, math.Ln2, -math.Ln2, 708, -708, 709.7, -709,
		math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0x7ff8_dead_beef_0001), math.Float64frombits(0xfff0_0000_0000_0001),
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64,
		-1022 * math.Ln2, -1074 * math.Ln2, -1075 * math.Ln2, 1023 * math.Ln2, 1024 * math.Ln2}
	for _, edge := range []float64{overflow, underflow, nearZero, -nearZero, -1022 * math.Ln2, -1074 * math.Ln2, 1024 * math.Ln2} {
		xs = appendAround(xs, edge)
	}
	for range 20000 {
		xs = append(xs, 1500*rnd.Float64()-750)
	}
	for range 5000 {
		xs = append(xs, underflow+40*rnd.Float64()) // subnormal results
	}
	for range 5000 {
		xs = append(xs, math.Ldexp(rnd.NormFloat64(), rnd.IntN(60)-40))
	}
	for range 5000 {
		xs = append(xs, math.Float64frombits(rnd.Uint64()))
	}
	return xs
}

// appendAround appends edge and the four floats on either side of it.
func appendAround(xs []float64, edge float64) []float64 {
	x := edge
	for range 4 {
		x = math.Nextafter(x, math.Inf(-1))
	}
	for range 9 {
		xs = append(xs, x)
		x = math.Nextafter(x, math.Inf(1))
	}
	return xs
}

func sameBits(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func TestExp(t *testing.T) {
	needKernels(t)
	xs := expInputs(rand.New(rand.NewPCG(1, 2)))
	for _, n := range []int{len(xs), len(xs) - 1, 1, 2, 3} { // even and odd lengths
		got := make([]float64, n)
		Exp(got, xs[:n])
		for i, x := range xs[:n] {
			if want := math.Exp(x); !sameBits(got[i], want) {
				t.Errorf("Exp(%v) = %v (%#x), math.Exp gives %v (%#x)", x, got[i], math.Float64bits(got[i]), want, math.Float64bits(want))
			}
		}
	}
	// in place
	in := append([]float64(nil), xs[:1001]...)
	Exp(in, in)
	for i, x := range xs[:1001] {
		if !sameBits(in[i], math.Exp(x)) {
			t.Fatalf("Exp in place: element %d (exp(%v)) is %v", i, x, in[i])
		}
	}
}

func TestExpGoPath(t *testing.T) {
	xs := expInputs(rand.New(rand.NewPCG(3, 4)))[:2000]
	got := make([]float64, len(xs))
	goPath(func() { Exp(got, xs) })
	for i, x := range xs {
		if !sameBits(got[i], math.Exp(x)) {
			t.Fatalf("Exp(%v) without kernels = %v, want %v", x, got[i], math.Exp(x))
		}
	}
}

// expm1Inputs returns arguments of expm1 around its branches: 2**-54,
// ln2/2 (the edge of the kernel's part), 1.5·ln2 and 56·ln2, with special
// values, and random values at every scale.
func expm1Inputs(rnd *rand.Rand) []float64 {
	xs := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0x7ff8_dead_beef_0001),
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 1e-300, -1e-300, math.MaxFloat64, -math.MaxFloat64, 710, -710, 40, -40}
	for _, edge := range []float64{0x1p-54, 3.46573590279972654709e-01, 1.03972077083991796413e+00, 3.88162421113569373274e+01} {
		xs = appendAround(appendAround(xs, edge), -edge)
	}
	for range 20000 {
		xs = append(xs, 0.8*rnd.Float64()-0.4) // mostly the kernel's part
	}
	for range 5000 {
		xs = append(xs, math.Ldexp(rnd.NormFloat64(), rnd.IntN(80)-70))
	}
	for range 2000 {
		xs = append(xs, 100*rnd.NormFloat64())
	}
	return xs
}

func TestExpm1(t *testing.T) {
	needKernels(t)
	xs := expm1Inputs(rand.New(rand.NewPCG(13, 14)))
	for _, n := range []int{len(xs), len(xs) - 1, 1, 2, 3} {
		got := make([]float64, n)
		Expm1(got, xs[:n])
		for i, x := range xs[:n] {
			if want := math.Expm1(x); !sameBits(got[i], want) {
				t.Errorf("Expm1(%v) = %v (%#x), math.Expm1 gives %v (%#x)", x, got[i], math.Float64bits(got[i]), want, math.Float64bits(want))
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Expm1 in place did not panic")
		}
	}()
	Expm1(xs, xs)
}

func TestExpm1GoPath(t *testing.T) {
	xs := expm1Inputs(rand.New(rand.NewPCG(15, 16)))[:2000]
	got := make([]float64, len(xs))
	goPath(func() { Expm1(got, xs) })
	for i, x := range xs {
		if !sameBits(got[i], math.Expm1(x)) {
			t.Fatalf("Expm1(%v) without kernels = %v, want %v", x, got[i], math.Expm1(x))
		}
	}
}

func TestBiasSigmoid(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	xs := expInputs(rnd)
	for _, shape := range [][2]int{{100, 64}, {3, 7}, {1, 1}, {5, 1}, {2, 2}, {0, 3}, {17, 33}} {
		rows, cols := shape[0], shape[1]
		a := make([]float64, rows*cols)
		bias := make([]float64, cols)
		for i := range a {
			a[i] = xs[rnd.IntN(len(xs))] / (1 + float64(rnd.IntN(3)))
		}
		for j := range bias {
			bias[j] = rnd.NormFloat64()
		}
		wantA := append([]float64(nil), a...)
		want := make([]float64, len(a))
		for r := range rows {
			for j := range cols {
				wantA[r*cols+j] += bias[j]
				want[r*cols+j] = 1 / (1 + math.Exp(-wantA[r*cols+j]))
			}
		}
		for _, kernels := range []bool{true, false} {
			gotA := append([]float64(nil), a...)
			got := make([]float64, len(a))
			was := Use(kernels)
			BiasSigmoid(got, gotA, bias)
			Use(was)
			for i := range a {
				if !sameBits(gotA[i], wantA[i]) || !sameBits(got[i], want[i]) {
					t.Fatalf("%d×%d, kernels %v: element %d: a %v z %v, want a %v z %v", rows, cols, kernels && On(), i, gotA[i], got[i], wantA[i], want[i])
				}
			}
		}
	}
}

func TestBiasSigmoidPanics(t *testing.T) {
	for _, c := range []struct{ z, a, bias int }{{6, 6, 4}, {5, 6, 3}, {1, 1, 0}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("BiasSigmoid with len(z), len(a), len(bias) = %d, %d, %d did not panic", c.z, c.a, c.bias)
				}
			}()
			BiasSigmoid(make([]float64, c.z), make([]float64, c.a), make([]float64, c.bias))
		}()
	}
}

// hiddenDiffGo is nn's hiddenDiff and sumSteps (nn/incremental.go) for
// samples that take neither's rare branch, the reference of HiddenDiff.
func hiddenDiffGo(e, z, xp, xm1p, xm, xm1m, sgn, sd []float64, dw float64) float64 {
	dPlus, dMinus := make([]float64, len(e)), make([]float64, len(e))
	for r := range e {
		dp := -e[r] * xm1p[r] * z[r] / (1 + e[r]*xp[r])
		dm := -e[r] * xm1m[r] * z[r] / (1 + e[r]*xm[r])
		k := sgn[r] * dw
		dPlus[r], dMinus[r] = dp*k, dm*k
	}
	sumSteps := func(delta []float64) float64 {
		var total float64
		for r, d := range delta {
			u := sd[r] * d * (1 + d/2*(1+d/3*(1+d/4*(1+d/5*(1+d/6)))))
			total += u * (1 - u*(0.5-u*(1.0/3-u*(0.25-u*(0.2-u*(1.0/6-u/7))))))
		}
		return total
	}
	return sumSteps(dPlus) - sumSteps(dMinus)
}

// hiddenCase is one hidden unit over a batch, as nn's incremental method
// caches it: a = pre-activations, nudged by ±δ = ±h·x.
type hiddenCase struct {
	e, z, xp, xm1p, xm, xm1m, sgn, sd []float64
	dw                                float64
}

func newHiddenCase(rnd *rand.Rand, n int, h float64) hiddenCase {
	var c hiddenCase
	for _, s := range []*[]float64{&c.e, &c.z, &c.xp, &c.xm1p, &c.xm, &c.xm1m, &c.sgn, &c.sd} {
		*s = make([]float64, n)
	}
	for r := range n {
		a := 3 * rnd.NormFloat64()
		c.e[r] = math.Exp(-a)
		c.z[r] = 1 / (1 + c.e[r])
		d := h * rnd.Float64()
		c.xp[r], c.xm1p[r], c.xm[r], c.xm1m[r] = math.Exp(-d), math.Expm1(-d), math.Exp(d), math.Expm1(d)
		c.sgn[r] = float64(1 - 2*rnd.IntN(2))
		c.sd[r] = 1 / (1 + math.Exp(-rnd.NormFloat64()))
	}
	c.dw = 0.1 * rnd.NormFloat64()
	return c
}

func (c hiddenCase) run() (float64, bool) {
	return HiddenDiff(c.e, c.z, c.xp, c.xm1p, c.xm, c.xm1m, c.sgn, c.sd, c.dw)
}

func TestHiddenDiff(t *testing.T) {
	needKernels(t)
	rnd := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{100, 1, 2, 3, 37, 1000} {
		for _, h := range []float64{1e-4, 1e-8, 1e-2} { // |step| < 1/1024: no rare branch
			for range 20 {
				c := newHiddenCase(rnd, n, h)
				got, ok := c.run()
				if !ok {
					t.Fatalf("n %d, h %g: HiddenDiff reports a rare branch where there is none", n, h)
				}
				if want := hiddenDiffGo(c.e, c.z, c.xp, c.xm1p, c.xm, c.xm1m, c.sgn, c.sd, c.dw); !sameBits(got, want) {
					t.Fatalf("n %d, h %g: HiddenDiff = %v, the Go code %v", n, h, got, want)
				}
			}
		}
	}
}

// HiddenDiff leaves every sample that needs a rare branch to the Go code,
// wherever it is in the batch.
func TestHiddenDiffRare(t *testing.T) {
	needKernels(t)
	rnd := rand.New(rand.NewPCG(9, 10))
	spoil := []struct {
		name string
		f    func(c hiddenCase, r int)
	}{
		{"exp(-a) overflowed", func(c hiddenCase, r int) { c.e[r] = math.Inf(1) }},
		{"exp(-a) at 1e300", func(c hiddenCase, r int) { c.e[r] = 1e300 }},
		{"z == 0", func(c hiddenCase, r int) { c.z[r] = 0 }},
		{"e NaN", func(c hiddenCase, r int) { c.e[r] = math.NaN() }},
		{"large +δ step", func(c hiddenCase, r int) { c.e[r], c.z[r], c.xm1p[r] = 1, 0.5, -1/(c.dw*c.sgn[r]) }},
		{"large −δ step", func(c hiddenCase, r int) { c.e[r], c.z[r], c.xm1m[r] = 1, 0.5, 1/(c.dw*c.sgn[r]) }},
	}
	for _, s := range spoil {
		for _, r := range []int{0, 1, 50, 98, 99} {
			c := newHiddenCase(rnd, 100, 1e-4)
			s.f(c, r)
			if d, ok := c.run(); ok {
				t.Errorf("%s at sample %d: HiddenDiff = %v, ok; want the Go code to take over", s.name, r, d)
			}
		}
	}
	was := Use(false)
	defer Use(was)
	if _, ok := newHiddenCase(rnd, 100, 1e-4).run(); ok {
		t.Error("HiddenDiff with the kernels off reports ok")
	}
}

// TestDgemm compares the product with the sequential sums, for shapes
// that use every tile (m and n of every remainder mod 4) and both layouts
// of A, with padded leading dimensions whose padding must stay untouched.
// Package gemm's tests check it again through gemm.Implementation.
func TestDgemm(t *testing.T) {
	needKernels(t)
	rnd := rand.New(rand.NewPCG(11, 12))
	value := func() float64 { return math.Ldexp(rnd.NormFloat64(), rnd.IntN(41)-20) }
	for _, aTrans := range []bool{false, true} {
		for m := 1; m <= 9; m++ {
			for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 64} {
				for _, k := range []int{1, 2, 7, 100} {
					ar, ac := m, k
					if aTrans {
						ar, ac = k, m
					}
					lda, ldb, ldc := ac+rnd.IntN(3), n+rnd.IntN(3), n+rnd.IntN(3)
					sai, sal := lda, 1 // A[i][l] = a[i*sai+l*sal]
					if aTrans {
						sai, sal = 1, lda
					}
					a, b := make([]float64, (ar-1)*lda+ac), make([]float64, (k-1)*ldb+n)
					for i := range a {
						a[i] = value()
					}
					for i := range b {
						b[i] = value()
					}
					c := make([]float64, (m-1)*ldc+n+1) // one element past C
					for i := range c {
						c[i] = math.NaN()
					}
					if !Dgemm(aTrans, m, n, k, a, lda, b, ldb, c, ldc) {
						t.Fatal("Dgemm reports the kernels off while On() is true")
					}
					for i := range m {
						for j := range n {
							s := 0.0
							for l := range k {
								x := a[i*sai+l*sal]
								s += x * b[l*ldb+j]
							}
							if !sameBits(c[i*ldc+j], s) {
								t.Fatalf("aTrans %v, %d×%d·%d×%d: C[%d][%d] = %v, the sequential sum %v", aTrans, m, k, k, n, i, j, c[i*ldc+j], s)
							}
						}
					}
					for idx, v := range c {
						if (idx%ldc >= n || idx >= (m-1)*ldc+n) && !math.IsNaN(v) {
							t.Fatalf("aTrans %v, %d×%d·%d×%d: c[%d], outside C, was written", aTrans, m, k, k, n, idx)
						}
					}
				}
			}
		}
	}
}

func TestDgemmPanics(t *testing.T) {
	was := Use(true)
	defer Use(was)
	if !On() {
		t.Skip("the kernels are off: Dgemm reports false before checking anything")
	}
	s := make([]float64, 12)
	for _, c := range []struct {
		name          string
		m, n, k       int
		lda, ldb, ldc int
		a, b, c       []float64
	}{
		{"short a", 4, 3, 3, 3, 3, 3, s[:11], s, s},
		{"short b", 4, 3, 3, 3, 3, 3, s, s[:8], s},
		{"short c", 4, 3, 3, 3, 3, 3, s, s, s[:11]},
		{"small lda", 4, 3, 3, 2, 3, 3, s, s, s},
		{"small ldb", 4, 3, 3, 3, 2, 3, s, s, s},
		{"small ldc", 4, 3, 3, 3, 3, 2, s, s, s},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Dgemm with a %s did not panic", c.name)
				}
			}()
			Dgemm(false, c.m, c.n, c.k, c.a, c.lda, c.b, c.ldb, c.c, c.ldc)
		}()
	}
}

// The kernels' wrappers allocate nothing: incremental calls HiddenDiff
// 16,384 times a gradient.
func TestNoAllocs(t *testing.T) {
	c := newHiddenCase(rand.New(rand.NewPCG(17, 18)), 100, 1e-4)
	x, y := make([]float64, 100), make([]float64, 100)
	a, b, m := make([]float64, 64), make([]float64, 64), make([]float64, 64)
	for name, f := range map[string]func(){
		"HiddenDiff":  func() { c.run() },
		"Exp":         func() { Exp(y, x) },
		"Expm1":       func() { Expm1(y, x) },
		"BiasSigmoid": func() { BiasSigmoid(y, x, a[:10]) },
		"Dgemm":       func() { Dgemm(false, 8, 8, 8, a, 8, b, 8, m, 8) },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times a call (kernels on: %v)", name, n, On())
		}
	}
}
