//go:build wasm

package nn

import (
	"gonum.org/v1/gonum/blas/blas64"

	"bibun/nn/gemm"
)

// WebAssembly has no assembly BLAS: gonum's pure-Go Dgemm runs at about
// 0.5 GFLOP/s there, the register-tiled kernel at 2–4. It sums in the same
// order as gonum's for every product nn makes, so the digits do not change
// (the golden table proves it). Natively gonum's assembly is faster.
func init() { blas64.Use(gemm.Implementation{}) }
