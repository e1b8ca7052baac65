// Package nn is the network of a Japanese blog post's experiment, a
// two-layer classifier trained by plain SGD, with its gradient computed
// three ways: the post's central differences, the same differences from
// cached activations, and backpropagation. They give the same numbers at
// very different costs, which is the point of the page built on it.
//
// # Overview
//
// The data (spec.Generate) are tiles of S values, each either noise or one
// flat value; the network tells them apart:
//
//	a1 = x·W1 + b1,  z1 = σ(a1),  a2 = z1·W2 + b2,  y = softmax(a2),
//
// with S inputs, H hidden units and 2 outputs (Network, Network.Forward).
// The loss L is the mean cross-entropy −log y[t] over a batch of B samples
// (Loss). All P = S·H + H + 2H + 2 parameters θ live in one slice,
// Network.Theta, with W1, b1, W2 and b2 as views into it (Network.Tensors),
// so that nudging one parameter is nudging one number, and a gradient
// ∂L/∂θ is a slice laid out like θ.
//
// A Trainer runs the experiment from a Config: it generates the data, draws
// the initial weights and each step's batch, and takes SGD steps
// θ ← θ − lr·∂L/∂θ, measuring Metrics after each. The article's own settings
// are Article: S = 256, H = 64, B = 100, P = 16,578.
//
// In the maths H counts hidden units and h is the nudge of a central
// difference. In Go names, where case means something else, the count is
// Network.Hidden and Config.Hidden, and H is only ever the nudge: Config.H.
//
// # Three gradients
//
// A Gradient computes ∂L/∂θ for a range [lo, hi) of parameters; NewGradient
// returns one of the three methods, and Config.Method chooses the
// Trainer's:
//
//   - Numerical, the article's way: ∂L/∂θ[k] ≈ (L(θ + h·e_k) − L(θ − h·e_k))/2h
//     with both losses from full forward passes: 2P passes of O(B·S·H)
//     each, 33,156 for the article's network.
//   - Incremental: the same quotient with the same h, but each nudged loss
//     is updated from the activations at θ in O(B), after a single forward
//     pass; it also avoids the cancellation of subtracting two whole losses.
//   - Backprop: the chain rule, one forward and one backward pass for all P
//     parameters at once.
//
// Numerical and incremental agree to about 1e-10; both differ from backprop
// by the truncation error of a central difference, about h² (1e-8 at the
// default h = 1e-4). The page's teaching views rest on a few helpers:
// RelErr, MaxRelErr and SampleParams check one gradient against another;
// HSweep and HSteps draw the error against h; CostSizes, MeasureGradient
// and FitSlope time the methods as P grows; a Wiggler shows one central
// difference up close, every number of it, with the digits its subtraction
// loses (SharedDigits).
//
// A Config may plant a Bug in backprop (NewBackprop, NewGradientOf): one
// line of the chain rule written wrong, for a class to find with the
// gradient check. It changes backprop alone; the central differences,
// which only run the network forward, stay right and catch it.
//
// Because a gradient can be computed a range at a time, the page splits
// the central differences across Web Workers, each holding a replica of
// the Trainer. For that, Trainer.Step also comes in pieces: Batch,
// Gradient (of a range), Apply (of the gathered whole) and Metrics.
//
// # Determinism
//
// A Config determines a run digit for digit. Every random stream (data,
// weights, batches) is its own generator seeded from Config.Seed
// (spec.NewStream), never the global source; every sum runs in a fixed
// order, the losses of a central difference in a compensated sum; and a
// gradient computed in ranges equals the gradient computed whole, so the
// number of workers changes nothing.
//
// The page runs under js/wasm, where nn installs the register-tiled
// kernel of package gemm for gonum's matrix products; it sums in gonum's
// order, so the digits are those of plain gonum. testdata/golden.json holds
// the first steps of a few runs at full precision, written under js/wasm,
// and the page's browser tests check them too. Natively on amd64, math.Exp
// is assembly whose last bits differ from pure Go's; central differences
// magnify them by 1/h, so there the losses agree with the table to about
// 1e-12, not to the last digit.
//
// # Errors
//
// Misuse panics: a batch of the wrong width, a gradient range outside θ,
// an unknown Method. Failures that depend on the data return an error: a
// Config out of range (*FieldError), a run whose loss or gradient stops
// being finite or passes MaxLoss (*DivergedError), a cancelled context.
package nn
