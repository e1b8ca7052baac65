package nn

import (
	"context"
	"testing"
)

// BenchmarkGradient times one whole gradient of each method on the
// article's network and first batch. Run with -benchtime=1x for the
// numerical method (33,156 forward passes); under js/wasm too:
//
//	go test -run - -bench Gradient -benchtime 1x ./nn
func BenchmarkGradient(b *testing.B) {
	for _, m := range Methods {
		b.Run(string(m), func(b *testing.B) {
			c := Article()
			c.Method = m
			tr, err := NewTrainer(c)
			if err != nil {
				b.Fatal(err)
			}
			g := make([]float64, c.Params())
			tr.Batch()
			evals := 0
			b.ResetTimer()
			for b.Loop() {
				evals, err = tr.Gradient(context.Background(), 0, len(g), g, nil)
				if err != nil {
					b.Fatal(err)
				}
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(sec*1000, "ms/grad")
			b.ReportMetric(float64(evals), "evals/grad")
			if m == Numerical {
				// Each evaluation is a forward pass: 2·B·(S·H + H·2) flops of matrix products.
				flops := float64(evals) * 2 * float64(c.Batch) * float64(c.Size*c.Hidden+c.Hidden*Outputs)
				b.ReportMetric(flops/sec/1e9, "GFLOP/s")
			}
		})
	}
}

// BenchmarkForward times one forward pass over the article's batch, the
// unit of work of the numerical method.
func BenchmarkForward(b *testing.B) {
	tr, _ := NewTrainer(Article())
	batch := tr.Batch()
	var f Forward
	for b.Loop() {
		tr.Net.Forward(&f, batch.X)
	}
	c := tr.Config
	flops := 2 * float64(c.Batch) * float64(c.Size*c.Hidden+c.Hidden*Outputs)
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}
