package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// tiny is a 2-2-2 network and a batch of two samples, small enough to
// work out by hand below.
func tiny() (*Network, Dataset) {
	n := NewNetwork(2, 2)
	copy(n.Theta, []float64{
		0.1, -0.2, 0.3, 0.4, // W1 = [[0.1 −0.2] [0.3 0.4]]
		0.01, -0.02, // b1
		0.5, -0.6, 0.7, 0.8, // W2 = [[0.5 −0.6] [0.7 0.8]]
		0.05, -0.05, // b2
	})
	x := mat.NewDense(2, 2, []float64{1, 2, 0.5, -1})
	return n, Dataset{X: x, T: []int{Flat, Noise}}
}

func sig(a float64) float64 { return 1 / (1 + math.Exp(-a)) }

// tinyByHand returns the tiny net's activations worked out term by term.
func tinyByHand() (a1, z1, a2 [2][2]float64, loss float64) {
	// sample 0, x = (1, 2), label 1
	a1[0] = [2]float64{1*0.1 + 2*0.3 + 0.01, 1*-0.2 + 2*0.4 - 0.02} // (0.71, 0.58)
	// sample 1, x = (0.5, −1), label 0
	a1[1] = [2]float64{0.5*0.1 - 1*0.3 + 0.01, 0.5*-0.2 - 1*0.4 - 0.02} // (−0.24, −0.52)
	for r := range 2 {
		z1[r] = [2]float64{sig(a1[r][0]), sig(a1[r][1])}
		a2[r] = [2]float64{
			z1[r][0]*0.5 + z1[r][1]*0.7 + 0.05,
			z1[r][0]*-0.6 + z1[r][1]*0.8 - 0.05,
		}
	}
	// −log softmax: sample 0 wants class 1, sample 1 class 0.
	l0 := -math.Log(math.Exp(a2[0][1]) / (math.Exp(a2[0][0]) + math.Exp(a2[0][1])))
	l1 := -math.Log(math.Exp(a2[1][0]) / (math.Exp(a2[1][0]) + math.Exp(a2[1][1])))
	return a1, z1, a2, (l0 + l1) / 2
}

func close(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*max(1, math.Abs(a), math.Abs(b))
}

func TestTinyForward(t *testing.T) {
	n, d := tiny()
	var f Forward
	n.Forward(&f, d.X)
	a1, z1, a2, loss := tinyByHand()
	for r := range 2 {
		for j := range 2 {
			if !close(f.A1.At(r, j), a1[r][j], 1e-15) || !close(f.Z1.At(r, j), z1[r][j], 1e-15) {
				t.Errorf("a1/z1[%d][%d] = %v/%v, by hand %v/%v", r, j, f.A1.At(r, j), f.Z1.At(r, j), a1[r][j], z1[r][j])
			}
			if !close(f.A2.At(r, j), a2[r][j], 1e-15) {
				t.Errorf("a2[%d][%d] = %v, by hand %v", r, j, f.A2.At(r, j), a2[r][j])
			}
		}
	}
	got := Loss(f.A2, d.T)
	if !close(got, loss, 1e-15) {
		t.Errorf("loss = %v, by hand %v", got, loss)
	}
	// The same loss, from an independent program (Python, log-sum-exp form).
	if !close(got, 0.8046793452564751, 1e-15) {
		t.Errorf("loss = %v, want 0.8046793452564751", got)
	}
	p := Probs(f.A2)
	for r := range 2 {
		want := math.Exp(a2[r][1]) / (math.Exp(a2[r][0]) + math.Exp(a2[r][1]))
		if !close(p.At(r, 1), want, 1e-15) || !close(p.At(r, 0)+p.At(r, 1), 1, 1e-15) {
			t.Errorf("probs row %d = %v, want p1 %v", r, mat.Row(nil, r, p), want)
		}
	}
	// Sample 0: a2 ≈ (0.83, 0.06) → class 0, wrong; sample 1: a2 ≈ (0.53, −0.02) → class 0, right.
	if acc := n.Accuracy(&f, d); acc != 0.5 {
		t.Errorf("accuracy = %v, want 0.5", acc)
	}
}

func TestSoftplusExtremes(t *testing.T) {
	for _, c := range []struct{ d, want float64 }{
		{0, math.Ln2}, {800, 800}, {-800, 0}, {1e-20, math.Ln2}, {40, 40 + math.Exp(-40)},
	} {
		if got := softplus(c.d); !close(got, c.want, 1e-15) {
			t.Errorf("softplus(%v) = %v, want %v", c.d, got, c.want)
		}
	}
}

func TestTensorsLayout(t *testing.T) {
	n := NewNetwork(256, 64)
	if got := len(n.Theta); got != 16578 {
		t.Fatalf("P = %d, want the article's 16578", got)
	}
	want := []Tensor{{"W1", 0, 16384}, {"b1", 16384, 16448}, {"W2", 16448, 16576}, {"b2", 16576, 16578}}
	for i, tn := range n.Tensors() {
		if tn != want[i] {
			t.Errorf("tensor %d = %+v, want %+v", i, tn, want[i])
		}
	}
	// The views share Theta: W1[i][j] is Theta[i·H+j], W2[j][c] is Theta[b1.Hi + 2j + c].
	n.W1.Set(3, 5, 7)
	n.W2.Set(10, 1, 9)
	n.B1[2], n.B2[1] = 11, 13
	if n.Theta[3*64+5] != 7 || n.Theta[16448+21] != 9 || n.Theta[16386] != 11 || n.Theta[16577] != 13 {
		t.Error("views do not write through to Theta")
	}
}

func TestInit(t *testing.T) {
	n := NewNetwork(256, 64)
	n.Init(0.01, rand.New(rand.NewPCG(1, 2)))
	for _, tn := range n.Tensors() {
		var sum, sq float64
		for _, v := range n.Theta[tn.Lo:tn.Hi] {
			sum += v
			sq += v * v
		}
		cnt := float64(tn.Hi - tn.Lo)
		switch tn.Name {
		case "b1", "b2":
			if sq != 0 {
				t.Errorf("%s not zero", tn.Name)
			}
		case "W1": // 16384 draws: std within 2%
			if std := math.Sqrt(sq/cnt - (sum/cnt)*(sum/cnt)); math.Abs(std-0.01) > 0.0002 {
				t.Errorf("W1 std = %v, want 0.01", std)
			}
		}
	}
}

func TestGenerate(t *testing.T) {
	d := Generate(300, 256, 0, rand.New(rand.NewPCG(1, 2)))
	if d.Len() != 300 {
		t.Fatalf("len %d", d.Len())
	}
	for n := range 300 {
		i := n + 1 // the article counts from 1
		row := d.X.RawRowView(n)
		if d.T[n] != i%2 {
			t.Fatalf("label of sample %d = %d", i, d.T[n])
		}
		if d.T[n] == Flat {
			want := float64(i%100) / 10
			for _, v := range row {
				if v != want {
					t.Fatalf("flat sample %d holds %v, want %v", i, v, want)
				}
			}
		} else if row[0] == row[1] && row[1] == row[2] {
			t.Fatalf("noise sample %d looks flat", i)
		}
	}
	// Test set: offset S+1 = 257, so sample 1 is (1+257) mod 100 / 10 = 5.8.
	c := Article()
	if v := TestSet(c).X.At(0, 0); v != 5.8 {
		t.Errorf("test sample 1 = %v, want 5.8", v)
	}
	// Same seed, same data; other seed, other noise.
	a, b := TrainingSet(c), TrainingSet(c)
	if !mat.Equal(a.X, b.X) {
		t.Error("training set differs between two calls with the same seed")
	}
	c.Seed = 2
	if mat.Equal(a.X, TrainingSet(c).X) {
		t.Error("seed 2 gives the same training set as seed 1")
	}
}
