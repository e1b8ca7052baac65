package simd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestAssembled checks that kernels.wasm is exactly what Debian's wabt
// makes of kernels.wat, so that the committed bytes are the source's.
func TestAssembled(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("under js/wasm there is no wat2wasm to run; the native tests check kernels.wasm")
	}
	wat2wasm, err := exec.LookPath("wat2wasm")
	if err != nil {
		t.Skip("wat2wasm is not on PATH (apt-get install wabt): kernels.wasm is not checked against kernels.wat")
	}
	out := filepath.Join(t.TempDir(), "kernels.wasm")
	if msg, err := exec.Command(wat2wasm, "kernels.wat", "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm kernels.wat: %v\n%s", err, msg)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("kernels.wasm")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("kernels.wasm (%d bytes) is not wat2wasm's assembly of kernels.wat (%d bytes): run go generate ./nn/simd", len(got), len(want))
	}
}
