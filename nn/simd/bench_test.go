package simd

import (
	"math/rand/v2"
	"testing"
)

// paths runs the benchmark f with the SIMD kernels ("simd", when the host
// supplied them) and without ("go").
func paths(b *testing.B, f func(b *testing.B)) {
	for _, p := range []struct {
		name    string
		kernels bool
	}{{"simd", true}, {"go", false}} {
		b.Run(p.name, func(b *testing.B) {
			was := Use(p.kernels)
			defer Use(was)
			if p.kernels && !On() {
				b.Skip("the SIMD kernels are off")
			}
			f(b)
		})
	}
}

// BenchmarkExp times Exp over the 6,400 pre-activations of a forward pass
// of the article's network (B = 100, H = 64), values like theirs.
func BenchmarkExp(b *testing.B) {
	rnd := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 6400)
	for i := range x {
		x[i] = 2 * rnd.NormFloat64()
	}
	dst := make([]float64, len(x))
	paths(b, func(b *testing.B) {
		for b.Loop() {
			Exp(dst, x)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/exp")
	})
}

// BenchmarkExpm1 times Expm1 over one of incremental's caches of the
// article's network: the nudges h·x (h = 1e-4) of 256 inputs × 100 samples.
func BenchmarkExpm1(b *testing.B) {
	rnd := rand.New(rand.NewPCG(7, 8))
	x := make([]float64, 25600)
	for i := range x {
		x[i] = 1e-4 * rnd.Float64()
	}
	dst := make([]float64, len(x))
	paths(b, func(b *testing.B) {
		for b.Loop() {
			Expm1(dst, x)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/expm1")
	})
}

// BenchmarkBiasSigmoid times the hidden layer of a forward pass of the
// article's network: 100×64 biases added and sigmoids taken.
func BenchmarkBiasSigmoid(b *testing.B) {
	rnd := rand.New(rand.NewPCG(3, 4))
	a, z, bias := make([]float64, 6400), make([]float64, 6400), make([]float64, 64)
	for i := range a {
		a[i] = 2 * rnd.NormFloat64()
	}
	paths(b, func(b *testing.B) {
		for b.Loop() {
			BiasSigmoid(z, a, bias) // bias 0: a stays as it is
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(a)), "ns/sigmoid")
	})
}

// BenchmarkHiddenDiff times the incremental method's inner loop for one
// weight of the article's network: a batch of 100 samples.
func BenchmarkHiddenDiff(b *testing.B) {
	c := newHiddenCase(rand.New(rand.NewPCG(5, 6)), 100, 1e-4)
	paths(b, func(b *testing.B) {
		for b.Loop() {
			if _, ok := c.run(); !ok {
				hiddenDiffGo(c.e, c.z, c.xp, c.xm1p, c.xm, c.xm1m, c.sgn, c.sd, c.dw)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(c.e)), "ns/sample")
	})
}
