package gemm

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"bibun/nn/simd"
)

// impls are the kernels compared: this package's, with the SIMD kernels
// of package simd where the host supplied them (under js/wasm), the same
// without them, and gonum's.
var impls = []struct {
	name string
	impl blas.Float64
	simd bool // the SIMD kernels on, if supplied
}{
	{"gemm", Implementation{}, true},
	{"gemm-go", Implementation{}, false},
	{"gonum", gonum.Implementation{}, false},
}

// benchDgemm times C = op(A)·op(B) (alpha 1, beta 0) and reports GFLOP/s.
func benchDgemm(b *testing.B, impl blas.Float64, kernels bool, tA, tB blas.Transpose, m, n, k int) {
	was := simd.Use(kernels)
	defer simd.Use(was)
	rnd := rand.New(rand.NewPCG(1, 2))
	p := newProblem(rnd, tA, tB, m, n, k, 0, 0, 0)
	c := make([]float64, len(p.c.data))
	for b.Loop() {
		impl.Dgemm(tA, tB, m, n, k, 1, p.a.data, p.a.ld, p.b.data, p.b.ld, 0, c, p.c.ld)
	}
	elapsed := b.Elapsed().Seconds()
	b.ReportMetric(2*float64(m)*float64(n)*float64(k)*float64(b.N)/elapsed/1e9, "GFLOP/s")
}

// BenchmarkDgemm is the main case: a batch of 100 rows × 256 inputs times
// 256×64 weights, NoTrans×NoTrans. Under js/wasm:
//
//	GOOS=js GOARCH=wasm go test -run - -bench 'Dgemm$' -exec "$PWD/../simd/go_js_wasm_exec" .
func BenchmarkDgemm(b *testing.B) {
	for _, im := range impls {
		b.Run(im.name, func(b *testing.B) {
			benchDgemm(b, im.impl, im.simd, blas.NoTrans, blas.NoTrans, 100, 64, 256)
		})
	}
}

// BenchmarkDgemmShapes covers the other shapes and transpose cases the
// project uses. Names are op(A)op(B)_m×k·k×n.
func BenchmarkDgemmShapes(b *testing.B) {
	shapes := []struct {
		tA, tB  blas.Transpose
		m, n, k int
	}{
		{blas.NoTrans, blas.NoTrans, 300, 64, 256},
		{blas.NoTrans, blas.NoTrans, 200, 64, 256},
		{blas.NoTrans, blas.NoTrans, 100, 2, 64},
		{blas.NoTrans, blas.NoTrans, 1, 64, 256},
		{blas.Trans, blas.NoTrans, 256, 64, 100},
		{blas.NoTrans, blas.Trans, 100, 256, 64},
	}
	for _, s := range shapes {
		for _, im := range impls {
			name := fmt.Sprintf("%s%s_%dx%d·%dx%d/%s", tname(s.tA), tname(s.tB), s.m, s.k, s.k, s.n, im.name)
			b.Run(name, func(b *testing.B) {
				benchDgemm(b, im.impl, im.simd, s.tA, s.tB, s.m, s.n, s.k)
			})
		}
	}
}
