package nn

import "context"

// numerical is the article's method: for each parameter θ[k],
//
//	∂L/∂θ[k] ≈ (L(θ + h·e_k) − L(θ − h·e_k)) / 2h,
//
// each L a full forward pass over the batch: 2 passes per parameter. (The
// losses are summed with compensation, see sum.)
type numerical struct {
	h float64
	f Forward // workspace of the forward passes
}

func (m *numerical) Compute(ctx context.Context, net *Network, batch Dataset, lo, hi int, g []float64, progress func(int)) (int, error) {
	checkRange(net, lo, hi, g)
	tk := ticker{ctx, progress, 1, hi - lo}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	theta := net.Theta
	for k := lo; k < hi; k++ {
		orig := theta[k]
		theta[k] = orig + m.h
		plus := lossSum(net.Forward(&m.f, batch.X).A2, batch.T)
		theta[k] = orig - m.h
		minus := lossSum(net.Forward(&m.f, batch.X).A2, batch.T)
		theta[k] = orig
		g[k] = centralDiff(plus, minus, m.h, len(batch.T))
		if err := tk.tick(k - lo + 1); err != nil {
			return 2 * (k - lo + 1), err
		}
	}
	return 2 * (hi - lo), nil
}
