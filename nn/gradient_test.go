package nn

import (
	"context"
	"errors"
	"math"
	"testing"
)

// tinyGradByHand returns ∂L/∂θ of the tiny net by the chain rule, one
// scalar at a time, laid out like Theta.
func tinyGradByHand() []float64 {
	x := [2][2]float64{{1, 2}, {0.5, -1}}
	t := [2]int{1, 0}
	w2 := [2][2]float64{{0.5, -0.6}, {0.7, 0.8}}
	_, z1, a2, _ := tinyByHand()
	var gW1, gW2 [2][2]float64
	var gb1, gb2 [2]float64
	for r := range 2 {
		p1 := 1 / (1 + math.Exp(a2[r][0]-a2[r][1])) // softmax(a2)[1]
		dA2 := [2]float64{(1 - p1) / 2, p1 / 2}     // (p − y)/B with B = 2
		dA2[t[r]] -= 0.5
		for j := range 2 {
			for c := range 2 {
				gW2[j][c] += z1[r][j] * dA2[c]
			}
			dz := dA2[0]*w2[j][0] + dA2[1]*w2[j][1]
			da := dz * z1[r][j] * (1 - z1[r][j])
			gb1[j] += da
			for i := range 2 {
				gW1[i][j] += x[r][i] * da
			}
		}
		gb2[0] += dA2[0]
		gb2[1] += dA2[1]
	}
	return []float64{gW1[0][0], gW1[0][1], gW1[1][0], gW1[1][1], gb1[0], gb1[1],
		gW2[0][0], gW2[0][1], gW2[1][0], gW2[1][1], gb2[0], gb2[1]}
}

func TestTinyGradient(t *testing.T) {
	want := tinyGradByHand()
	// Anchors from an independent program (Python, central differences, h = 1e-6).
	if !close(want[2], 0.21599394472993083, 1e-9) || !close(want[7], -0.1486639233938547, 1e-9) {
		t.Fatalf("hand gradient disagrees with the Python anchors: %v", want)
	}
	// Central differences with h = 1e-4 carry a truncation error ∝ h² ≈ 1e-8.
	tol := map[Method]float64{Numerical: 1e-8, Incremental: 1e-8, Backprop: 1e-14}
	for _, m := range Methods {
		net, d := tiny()
		g := make([]float64, len(net.Theta))
		evals, err := NewGradient(m, 1e-4).Compute(context.Background(), net, d, 0, len(g), g, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k := range g {
			if !close(g[k], want[k], tol[m]) {
				t.Errorf("%s: ∂L/∂θ[%d] = %v, by hand %v", m, k, g[k], want[k])
			}
		}
		wantEvals := map[Method]int{Numerical: 24, Incremental: 24, Backprop: 1}[m]
		if evals != wantEvals {
			t.Errorf("%s: %d loss evaluations, want %d", m, evals, wantEvals)
		}
		if fresh, _ := tiny(); !equal(net.Theta, fresh.Theta) {
			t.Errorf("%s changed the network", m)
		}
	}
}

// articleGradients returns the three methods' gradients at the article's
// initial weights on its first batch, numerical only over the ranges
// given (a full one is 33,156 forward passes: too slow for a test).
func articleGradients(t *testing.T, ranges [][2]int) (num, inc, bp []float64) {
	tr, err := NewTrainer(Article())
	if err != nil {
		t.Fatal(err)
	}
	p := len(tr.Net.Theta)
	num, inc, bp = make([]float64, p), make([]float64, p), make([]float64, p)
	ctx := context.Background()
	for _, r := range ranges {
		if _, err := NewGradient(Numerical, 1e-4).Compute(ctx, tr.Net, tr.Batch(), r[0], r[1], num, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := NewGradient(Incremental, 1e-4).Compute(ctx, tr.Net, tr.Batch(), 0, p, inc, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := NewGradient(Backprop, 0).Compute(ctx, tr.Net, tr.Batch(), 0, p, bp, nil); err != nil {
		t.Fatal(err)
	}
	return num, inc, bp
}

func TestArticleMethodsAgree(t *testing.T) {
	net := NewNetwork(256, 64)
	ts := net.Tensors()
	// Numerical over: W1 rows 0, 1 and 255, all of b1, W2 and b2.
	ranges := [][2]int{{0, 128}, {255 * 64, 256 * 64}, {ts[1].Lo, ts[3].Hi}}
	num, inc, bp := articleGradients(t, ranges)
	for _, tn := range ts {
		var n, i, b []float64 // the tensor's checked entries
		for _, r := range ranges {
			lo, hi := max(r[0], tn.Lo), min(r[1], tn.Hi)
			if lo < hi {
				n, i, b = append(n, num[lo:hi]...), append(i, inc[lo:hi]...), append(b, bp[lo:hi]...)
			}
		}
		if e := RelErr(n, i); e > 1e-9 {
			t.Errorf("%s: numerical vs incremental relative error %.3g > 1e-9", tn.Name, e)
		}
		full := bp[tn.Lo:tn.Hi]
		if e := RelErr(inc[tn.Lo:tn.Hi], full); e > 1e-6 {
			t.Errorf("%s: incremental vs backprop relative error %.3g > 1e-6", tn.Name, e)
		}
		if e := RelErr(n, b); e > 1e-6 {
			t.Errorf("%s: numerical vs backprop relative error %.3g > 1e-6", tn.Name, e)
		}
		t.Logf("%s: %d entries; num~inc %.2g, inc~bp %.2g, num~bp %.2g", tn.Name, len(n),
			RelErr(n, i), RelErr(inc[tn.Lo:tn.Hi], full), RelErr(n, b))
	}
}

// A gradient computed in k ranges and joined is bit-identical to the whole:
// what lets any number of workers give the same digits.
func TestRangesJoinBitIdentical(t *testing.T) {
	for _, m := range Methods {
		c := Config{Size: 16, Hidden: 8, Batch: 50, LR: 0.3, H: 1e-4, Steps: 1, Train: 100, Test: 10, Std: 0.1, Seed: 7, Method: m}
		tr, err := NewTrainer(c)
		if err != nil {
			t.Fatal(err)
		}
		p := c.Params()
		whole := make([]float64, p)
		if _, err := tr.Gradient(context.Background(), 0, p, whole, nil); err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{2, 3, 7} {
			joined := make([]float64, p)
			evals := 0
			for w := range k {
				e, err := tr.Gradient(context.Background(), w*p/k, (w+1)*p/k, joined, nil)
				if err != nil {
					t.Fatal(err)
				}
				evals += e
			}
			if !equal(whole, joined) {
				t.Errorf("%s: gradient in %d ranges differs from the whole", m, k)
			}
			if m != Backprop && evals != 2*p {
				t.Errorf("%s: %d ranges made %d evaluations, want 2P = %d", m, k, evals, 2*p)
			}
		}
	}
}

func TestProgressAndCancel(t *testing.T) {
	for _, m := range []Method{Numerical, Incremental} {
		net, d := tiny()
		g := make([]float64, len(net.Theta))
		var seen []int
		if _, err := NewGradient(m, 1e-4).Compute(context.Background(), net, d, 2, 12, g, func(done int) { seen = append(seen, done) }); err != nil {
			t.Fatal(err)
		}
		if len(seen) == 0 || seen[len(seen)-1] != 10 {
			t.Errorf("%s: progress %v, want it to end at 10", m, seen)
		}
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		_, err := NewGradient(m, 1e-4).Compute(ctx, net, d, 0, 12, g, func(int) {
			if n++; n == 1 {
				cancel()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: cancelled run returned %v", m, err)
		}
	}
}

func TestComputePanicsOnBadRange(t *testing.T) {
	net, d := tiny()
	defer func() {
		if recover() == nil {
			t.Error("no panic for a range past P")
		}
	}()
	NewGradient(Backprop, 0).Compute(context.Background(), net, d, 0, 13, make([]float64, 12), nil)
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}
