//go:build wasm

package simd

import "unsafe"

// The kernels of kernels.wasm, as the host supplies them (simd.js): calls
// into another WebAssembly instance that shares Go's memory. Pointers are
// addresses in that memory, strides are in bytes. No Go code runs during a
// call, so nothing the pointers reach can move or be freed meanwhile, and the
// kernels keep no pointer after they return (hence go:noescape).

//go:wasmimport bibun_simd available
func available() int32

//go:wasmimport bibun_simd dgemm
//go:noescape
func dgemm(m, n, k int32, a unsafe.Pointer, sai, sal int32, b unsafe.Pointer, ldb int32, c unsafe.Pointer, ldc int32)

//go:wasmimport bibun_simd exp
//go:noescape
func exp(dst, src unsafe.Pointer, n int32)

//go:wasmimport bibun_simd expm1
//go:noescape
func expm1(dst, src unsafe.Pointer, n int32) int32

//go:wasmimport bibun_simd bias_sigmoid
//go:noescape
func biasSigmoid(z, a, bias unsafe.Pointer, rows, cols int32)

//go:wasmimport bibun_simd hidden_diff
//go:noescape
func hiddenDiff(out unsafe.Pointer, n int32, e, z, xp, xm1p, xm, xm1m, sgn, sd unsafe.Pointer, dw float64) int32
