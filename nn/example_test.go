package nn_test

import (
	"context"
	"fmt"
	"log"

	"bibun/nn"
)

// Train the article's network (256 inputs, 64 hidden units, batch 100,
// learning rate 0.1) for its 15 steps. Like the article's own run
// (nn.ArticleLog), it goes from a coin toss to about 0.96 accuracy while
// the loss falls from 0.65 to 0.20. Config.Method is Incremental, the
// article's central differences from cached activations; Numerical takes
// the same steps (its gradient agrees to about 1e-10) with 33,156 forward
// passes each.
func Example() {
	tr, err := nn.NewTrainer(nn.Article())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("step  loss    train  test")
	for range tr.Config.Steps {
		m, err := tr.Step(context.Background(), nil)
		if err != nil {
			log.Fatal(err)
		}
		// Rounded: natively on amd64 math.Exp is assembly, whose last bits
		// differ from the pure Go that WebAssembly runs.
		fmt.Printf("%4d  %.4f  %.3f  %.3f\n", m.Step, m.Loss, m.TrainAcc, m.TestAcc)
	}
	// Output:
	// step  loss    train  test
	//    1  0.6493  0.500  0.500
	//    2  0.5878  0.500  0.500
	//    3  0.5723  0.500  0.500
	//    4  0.5182  0.500  0.500
	//    5  0.4755  0.953  0.905
	//    6  0.4403  0.950  0.950
	//    7  0.4125  0.960  0.950
	//    8  0.3679  0.960  0.950
	//    9  0.3433  0.970  0.960
	//   10  0.3100  0.960  0.960
	//   11  0.2853  0.960  0.950
	//   12  0.2648  0.950  0.950
	//   13  0.2664  0.950  0.950
	//   14  0.2360  0.960  0.950
	//   15  0.2009  0.960  0.950
}

// The three methods compute one gradient: that of the page's "Quick look"
// network (16 inputs, 8 hidden units) at its first batch. Numerical and
// incremental form the same central differences, so they err alike against
// the chain rule, by about h² with h = 1e-4. Numerical needs a forward pass
// for each of its 2P loss evaluations, incremental an O(B) update, and
// backprop one forward and one backward pass.
func ExampleNewGradient() {
	c := nn.Article()
	c.Size, c.Hidden, c.Std = 16, 8, 0.1
	tr, err := nn.NewTrainer(c)
	if err != nil {
		log.Fatal(err)
	}
	net, batch := tr.Net, tr.Batch()
	p := len(net.Theta)
	exact := make([]float64, p)
	if _, err := nn.NewGradient(nn.Backprop, c.H).Compute(context.Background(), net, batch, 0, p, exact, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("P = %d\n", p)
	fmt.Println("method       evals  ∂L/∂W1[0][0]  relative error to backprop")
	for _, m := range nn.Methods {
		g := make([]float64, p)
		evals, err := nn.NewGradient(m, c.H).Compute(context.Background(), net, batch, 0, p, g, nil)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-11s  %5d  %.6f      %.2g\n", m, evals, g[0], nn.RelErr(g, exact))
	}
	// Output:
	// P = 154
	// method       evals  ∂L/∂W1[0][0]  relative error to backprop
	// numerical      308  0.026539      1.5e-08
	// incremental    308  0.026539      1.5e-08
	// backprop         1  0.026539      0
}

// All P parameters live in one slice, Theta; Tensors says where each
// weight matrix and bias vector lies in it. The article's network:
func ExampleNetwork_Tensors() {
	net := nn.NewNetwork(256, 64)
	for _, t := range net.Tensors() {
		fmt.Printf("%s  θ[%d:%d]\n", t.Name, t.Lo, t.Hi)
	}
	fmt.Println("P =", len(net.Theta))
	// Output:
	// W1  θ[0:16384]
	// b1  θ[16384:16448]
	// W2  θ[16448:16576]
	// b2  θ[16576:16578]
	// P = 16578
}
