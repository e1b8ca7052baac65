package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"bibun/internal/sitegen"
)

// buildSite builds the page into a new temporary directory, as make build
// does into site/: app.wasm and worker.wasm, the page's own files from
// site/, Go's wasm_exec.js, simd.js and simd.wasm from nn/simd, then what
// sitegen writes (index.html, og.png, sw.js). It leaves site/ alone (the
// browser tests of others may be serving it). The caller removes the
// directory.
func buildSite(goCmd, root string) (string, error) {
	dir, err := os.MkdirTemp("", "bibun-bench-site-")
	if err != nil {
		return "", err
	}
	for _, pkg := range []string{"app", "worker"} {
		cmd := exec.Command(goCmd, "build", "-trimpath", "-ldflags=-s",
			"-o", filepath.Join(dir, pkg+".wasm"), "./wasm/"+pkg)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("building wasm/%s: %v: %s", pkg, err, lastLines(string(out), 3))
		}
	}
	var files []string
	for _, pattern := range []string{"*.html", "*.css", "*.js", "*.svg", "*.png", "*.json"} {
		m, _ := filepath.Glob(filepath.Join(root, "site", pattern))
		files = append(files, m...)
	}
	goroot, err := exec.Command(goCmd, "env", "GOROOT").Output()
	if err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("go env GOROOT: %w", err)
	}
	// Last, so that they replace stale copies from site/: Go's wasm_exec.js
	// and the SIMD kernels with their loader.
	built := map[string]string{
		"wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
		"simd.js":      filepath.Join(root, "nn", "simd", "simd.js"),
		"simd.wasm":    filepath.Join(root, "nn", "simd", "kernels.wasm"),
	}
	for _, f := range files {
		if err := copyFile(f, filepath.Join(dir, filepath.Base(f))); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	for name, f := range built {
		if err := copyFile(f, filepath.Join(dir, name)); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	if err := sitegen.Generate(sitegen.Options{Web: filepath.Join(root, "web"), Site: dir}); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// wasmBudget is the limit on all wasm together, gzipped, in bytes
// (1.6 MB, decimal).
const wasmBudget = 1.6e6

// wasmSizes returns the row of the page's wasm: the raw and gzipped sizes
// of app.wasm, worker.wasm and simd.wasm, gzipped at the level internal/static serves
// them (gzip.DefaultCompression).
func wasmSizes(dir string) Result {
	r := Result{Group: GroupPage, Method: "page: all wasm", Settings: "app.wasm + worker.wasm + simd.wasm, gzip level 6 as served",
		Where: "served", Target: "≤ 1.6 MB gzipped"}
	var raw, gz int64
	var parts []string
	for _, name := range []string{"app.wasm", "worker.wasm", "simd.wasm"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return r.failed(err)
		}
		var n countWriter
		zw, _ := gzip.NewWriterLevel(&n, gzip.DefaultCompression)
		size, err := io.Copy(zw, f)
		f.Close()
		if err == nil {
			err = zw.Close()
		}
		if err != nil {
			return r.failed(fmt.Errorf("gzipping %s: %w", name, err))
		}
		raw, gz = raw+size, gz+int64(n)
		parts = append(parts, fmt.Sprintf("%s %s raw, %s gz", name, mb(size), mb(int64(n))))
	}
	r.Value = fmt.Sprintf("%s gz (%s raw): %s", mb(gz), mb(raw), strings.Join(parts, "; "))
	r.Verdict = verdict(float64(gz) <= wasmBudget)
	return r
}

// mb writes bytes in decimal megabytes.
func mb(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
