// Package simd runs the hot loops of package nn with WebAssembly's 128-bit
// SIMD, two float64s at a time, giving the same bits as the Go code it
// replaces:
//
//   - Dgemm, the matrix products (under package gemm's Dgemm);
//   - BiasSigmoid, the hidden layer of the forward pass;
//   - HiddenDiff, the inner loop of nn's incremental method;
//   - Exp and Expm1, math.Exp and math.Expm1 (the part of it without
//     argument reduction), for incremental's caches.
//
// # Why
//
// Go 1.26 emits no SIMD instructions for WebAssembly, and under js/wasm
// math.Exp is pure Go. The kernels are written by hand in WebAssembly's text
// format (kernels.wat), assembled with Debian's wabt into kernels.wasm, which
// is committed; TestAssembled checks that the two agree.
//
// # Determinism
//
// Every kernel uses only operations that round once (add, subtract,
// multiply, divide, negate, compare, move bits), in the order of the Go
// expression it copies, never fused (SIMD128 has no FMA; relaxed SIMD is
// not used); each lane computes one Go result. Exp follows src/math/exp.go
// and Ldexp operation for operation, special cases (NaN payloads, ±Inf,
// overflow, underflow, subnormal results) included. Where a Go function
// branches rarely (Expm1's larger arguments, HiddenDiff's rare samples),
// the kernel leaves the case to the Go code. Sums run in the Go
// code's order: a product's every element from +0 in increasing l, the
// nudge sums of HiddenDiff in increasing sample. So nn's golden digits
// (nn/testdata/golden.json) are the same with the kernels and without; the
// tests check it both ways (make test-wasm runs nn with BIBUN_NOSIMD=1 too).
//
// # Hosts
//
// The kernels are a second WebAssembly module, not part of the Go binary:
// the functions of simd_wasm.go are //go:wasmimport imports of the module
// "bibun_simd", which the host supplies from kernels.wasm, instantiated on
// the Go instance's own memory (kernels.wat explains how, given that the Go
// instance must exist first). The calls go from wasm to wasm, with no
// JavaScript in between: a call costs nanoseconds. simd.js does that wiring
// for the page and its workers, which share one program and get the
// kernels compiled by the page (make build copies simd.js and kernels.wasm
// into site/ as simd.js and simd.wasm), and for node (go_js_wasm_exec, the -exec of
// every js/wasm test). Every Go binary that links this package needs it:
// without the "bibun_simd" imports, it does not instantiate.
//
// A host without SIMD128 (kernels.wasm does not validate), or told to do
// without (globalThis.bibunNoSIMD, or BIBUN_NOSIMD under go_js_wasm_exec),
// answers 0 to available(): On reports false and every function here runs
// the Go code instead. Natively there are no kernels, and On is false.
//
// The Go side hands the kernels addresses in its own memory: slices'
// first elements, with their lengths checked first. No Go code runs during
// a call, so the garbage collector cannot move or free anything meanwhile,
// and the kernels keep no pointer once they return.
package simd

//go:generate wat2wasm kernels.wat -o kernels.wasm
