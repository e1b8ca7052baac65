// Package gemm is a faster float64 matrix-multiply (Dgemm) kernel for
// WebAssembly, written in Go (with a SIMD128 path, see below) and installed
// through gonum's BLAS seam:
//
//	import (
//		"gonum.org/v1/gonum/blas/blas64"
//
//		"bibun/nn/gemm"
//	)
//
//	func init() { blas64.Use(gemm.Implementation{}) }
//
// After that, gonum's mat package (mat.Dense.Mul and friends) and every
// direct blas64.Gemm call use this kernel. Implementation embeds
// gonum.Implementation, so all other BLAS routines are unchanged.
//
// # Why
//
// gonum ships its float64 assembly kernels only for amd64. On
// GOARCH=wasm its Dgemm runs the generic pure-Go path, an axpy per element of
// A with a function call and a short inner loop each time, which reaches
// about 0.4–0.7 GFLOP/s under Node. This package computes C in 2×4 register
// tiles: eight running sums stay in locals while the k loop (unrolled four
// times) streams through A and B with bounds-check-friendly slicing, so each
// loaded element is used two or four times. Under WebAssembly (Node) that is
// 4–6 times faster than gonum for the shapes of this project. The tile shape
// was chosen by measurement: Go's wasm backend has 16 float64 registers, and
// 4×4 or larger tiles spill accumulators to memory and run slower.
//
// Under WebAssembly with SIMD128 the products with alpha = 1, beta = 0 and
// B not transposed (every large one nn makes) go further, to the f64x2
// kernel of package bibun/nn/simd, which sums in the same order and so
// gives the same bits as the Go kernels here; the others, and every product
// when the host has no SIMD128, run the Go kernels.
//
// On amd64 gonum's SSE2 assembly, and its goroutines for larger products, are
// faster than this kernel (by about 1.2–2× for these shapes), so for speed
// alone install it only in js/wasm builds. Installing it everywhere buys
// identical results on every platform, including for A·Bᵀ, where gonum's
// amd64 assembly sums in a different order (see Implementation.Dgemm).
//
// # Determinism
//
// The key contract: for alpha == 1 and beta == 0 every C[i][j] is
// bit-identical to the naive sequential sum
//
//	s := 0.0
//	for l := 0; l < k; l++ {
//		s += float64(A[i][l] * B[l][j])
//	}
//	C[i][j] = s
//
// summed in increasing l from +0, each product rounded to float64 before it
// is added. The kernel writes every product as float64(x*y), which the Go
// specification guarantees is never fused into an FMA, so the contract holds
// on every GOARCH and GOAMD64 level, not only on wasm and amd64 v1. Register
// tiling and unrolling only interleave independent sums; they never reorder
// the terms of one sum. This is also what gonum's own Dgemm produces for
// alpha == 1, beta == 0 (see Implementation.Dgemm for the exact cases), so
// swapping kernels does not change a digit of a trained network.
//
// For other alpha and beta, C = alpha*s + beta*C with s the same sequential
// sum; this rounds slightly differently from gonum, which scales each term by
// alpha. Callers in this project use alpha = 1 and beta = 0.
//
// The kernels are single-threaded (no goroutines), allocation-free and use
// no packing buffer; they are safe for concurrent use.
package gemm
