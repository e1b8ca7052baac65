//go:build !amd64 || noasm || gccgo || safe

package gemm

// gonumAsm reports whether gonum uses its amd64 assembly kernels (same build
// constraint as gonum.org/v1/gonum/internal/asm/f64).
const gonumAsm = false
