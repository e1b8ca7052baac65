package nn

import (
	"context"
	"math"
	"slices"
	"testing"
)

// tinyBuggyByHand returns the tiny net's ∂L/∂θ as backprop computes it
// with bug planted, one scalar at a time: tinyGradByHand's loops with the
// one line each bug writes wrong.
func tinyBuggyByHand(bug Bug) []float64 {
	x := [2][2]float64{{1, 2}, {0.5, -1}}
	t := [2]int{1, 0}
	w2 := [2][2]float64{{0.5, -0.6}, {0.7, 0.8}}
	_, z1, a2, _ := tinyByHand()
	var gW1, gW2 [2][2]float64
	var gb1, gb2 [2]float64
	for r := range 2 {
		p1 := 1 / (1 + math.Exp(a2[r][0]-a2[r][1]))
		dA2 := [2]float64{(1 - p1) / 2, p1 / 2}
		onehot := t[r]
		if bug == SoftmaxIndex {
			onehot = 1 - t[r] // the wrong class
		}
		dA2[onehot] -= 0.5
		for j := range 2 {
			for c := range 2 {
				gW2[j][c] += z1[r][j] * dA2[c]
			}
			dz := dA2[0]*w2[j][0] + dA2[1]*w2[j][1]
			da := dz * z1[r][j] * (1 - z1[r][j])
			if bug == SigmoidPrime {
				da = dz // σ′ left out
			}
			if bug == BiasNotSummed {
				gb1[j] = da // the last sample's wins
			} else {
				gb1[j] += da
			}
			for i := range 2 {
				gW1[i][j] += x[r][i] * da
			}
		}
		gb2[0] += dA2[0]
		gb2[1] += dA2[1]
	}
	if bug == W2Transposed { // the 2×2 transpose, row-major, in W2's place
		gW2[0][1], gW2[1][0] = gW2[1][0], gW2[0][1]
	}
	return []float64{gW1[0][0], gW1[0][1], gW1[1][0], gW1[1][1], gb1[0], gb1[1],
		gW2[0][0], gW2[0][1], gW2[1][0], gW2[1][1], gb2[0], gb2[1]}
}

// Each planted bug computes what its wrong line computes by hand, and the
// right one with none.
func TestTinyBuggyGradient(t *testing.T) {
	if !slices.Equal(tinyBuggyByHand(NoBug), tinyGradByHand()) {
		t.Fatal("tinyBuggyByHand without a bug is not tinyGradByHand")
	}
	for _, bug := range append([]Bug{NoBug}, Bugs...) {
		net, d := tiny()
		g := make([]float64, len(net.Theta))
		if _, err := NewBackprop(bug).Compute(context.Background(), net, d, 0, len(g), g, nil); err != nil {
			t.Fatal(err)
		}
		want := tinyBuggyByHand(bug)
		for k := range g {
			if !close(g[k], want[k], 1e-14) {
				t.Errorf("%q: ∂L/∂θ[%d] = %v, by hand %v", bug, k, g[k], want[k])
			}
		}
	}
}

// TestBugsSingleOutTensors is the exercise the page sets: with a bug
// planted, a gradient check of the article's network at its first step
// finds the tensors the bug breaks (relative error above 1e-2) and only
// those (below 1e-6 elsewhere), against the untouched differences.
func TestBugsSingleOutTensors(t *testing.T) {
	tr, err := NewTrainer(Article())
	if err != nil {
		t.Fatal(err)
	}
	ctx, p := context.Background(), len(tr.Net.Theta)
	diff := make([]float64, p)
	if _, err := NewGradient(Incremental, tr.Config.H).Compute(ctx, tr.Net, tr.Batch(), 0, p, diff, nil); err != nil {
		t.Fatal(err)
	}
	for _, bug := range Bugs {
		exact := make([]float64, p)
		if _, err := NewBackprop(bug).Compute(ctx, tr.Net, tr.Batch(), 0, p, exact, nil); err != nil {
			t.Fatal(err)
		}
		for _, tn := range tr.Net.Tensors() {
			e := RelErr(exact[tn.Lo:tn.Hi], diff[tn.Lo:tn.Hi])
			broken := slices.Contains(bug.Breaks(), tn.Name)
			t.Logf("%s: %s relative error %.3g", bug, tn.Name, e)
			if broken && !(e > 1e-2) {
				t.Errorf("%s breaks %s, but its relative error is only %.3g", bug, tn.Name, e)
			}
			if !broken && !(e < 1e-6) {
				t.Errorf("%s leaves %s alone, but its relative error is %.3g", bug, tn.Name, e)
			}
		}
	}
}

// A bug is backprop's alone: runs that compute the gradient by central
// differences give the same digits with any bug, and backprop with NoBug
// those of NewGradient(Backprop, 0).
func TestBugLeavesDifferencesAlone(t *testing.T) {
	for _, m := range []Method{Numerical, Incremental} {
		c := quick(3, m)
		c.Steps = 3
		want := run(t, c)
		for _, bug := range Bugs {
			c.Bug = bug
			got := run(t, c)
			for s := range want {
				w, g := want[s], got[s]
				if w.Loss != g.Loss || w.TrainAcc != g.TrainAcc || w.TestAcc != g.TestAcc || w.Evals != g.Evals {
					t.Errorf("%s with %s: step %d %+v, without %+v", m, bug, s+1, g, w)
				}
			}
		}
	}
	net, d := tiny()
	a, b := make([]float64, 12), make([]float64, 12)
	NewBackprop(NoBug).Compute(context.Background(), net, d, 0, 12, a, nil)
	NewGradient(Backprop, 0).Compute(context.Background(), net, d, 0, 12, b, nil)
	if !equal(a, b) {
		t.Errorf("backprop with no bug %v, plain %v", a, b)
	}
}

// A backprop run with a bug trains on the wrong gradient: its digits move.
func TestBugChangesBackpropRun(t *testing.T) {
	c := quick(3, Backprop)
	c.Steps = 2
	right := run(t, c)
	for _, bug := range Bugs {
		c.Bug = bug
		if got := run(t, c); got[1].Loss == right[1].Loss {
			t.Errorf("%s: the second step's loss %v is the right run's", bug, got[1].Loss)
		}
	}
}

func TestNewBackpropPanicsOnUnknownBug(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for an unknown bug")
		}
	}()
	NewBackprop("<script>")
}
