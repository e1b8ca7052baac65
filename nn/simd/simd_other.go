//go:build !wasm

package simd

import (
	"errors"
	"unsafe"
)

// Outside WebAssembly there are no kernels: available says so, and the
// others are never called.

var errNoKernels = errors.New("simd: the host supplied no SIMD kernels")

func available() int32 { return 0 }

func dgemm(m, n, k int32, a unsafe.Pointer, sai, sal int32, b unsafe.Pointer, ldb int32, c unsafe.Pointer, ldc int32) {
	panic(errNoKernels)
}

func exp(dst, src unsafe.Pointer, n int32) { panic(errNoKernels) }

func expm1(dst, src unsafe.Pointer, n int32) int32 { panic(errNoKernels) }

func biasSigmoid(z, a, bias unsafe.Pointer, rows, cols int32) { panic(errNoKernels) }

func hiddenDiff(out unsafe.Pointer, n int32, e, z, xp, xm1p, xm, xm1m, sgn, sd unsafe.Pointer, dw float64) int32 {
	panic(errNoKernels)
}
