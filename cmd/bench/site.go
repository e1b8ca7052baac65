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
	"bibun/internal/wasmdata"
)

// wasmFlags are the build flags of bibun.wasm, the Makefile's WASMFLAGS
// (TestWasmFlags checks that they agree).
var wasmFlags = []string{"-trimpath", "-ldflags=-s", "-gcflags=bibun/wasm/app/...=-l"}

// buildSite builds the page into a new temporary directory, as make build
// does into site/: bibun.wasm (the one program of the page and its
// workers, its data segments merged as cmd/wasmmerge does), the page's own files from site/, Go's wasm_exec.js, simd.js
// and simd.wasm from nn/simd, then what sitegen writes (index.html, og.png,
// sw.js). It leaves site/ alone (the browser tests of others may be serving
// it). The caller removes the directory.
func buildSite(goCmd, root string) (string, error) {
	dir, err := os.MkdirTemp("", "bibun-bench-site-")
	if err != nil {
		return "", err
	}
	cmd := exec.Command(goCmd, append(append([]string{"build"}, wasmFlags...), "-o", filepath.Join(dir, "bibun.wasm"), "./wasm/app")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("building wasm/app: %v: %s", err, lastLines(string(out), 3))
	}
	if err := wasmdata.MergeFile(filepath.Join(dir, "bibun.wasm")); err != nil {
		os.RemoveAll(dir)
		return "", err
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

// wasmBudget is the limit on all the wasm the page loads,
// gzipped, in bytes (1.45 MB, decimal).
const wasmBudget = 1.45e6

// wasmSizes returns the row of the page's wasm: the raw and gzipped sizes
// of every .wasm file of the site in dir, gzipped at the level
// internal/static serves them (gzip.DefaultCompression).
func wasmSizes(dir string) Result {
	r := Result{Group: GroupPage, Method: "page: all wasm", Where: "served", Target: "≤ 1.45 MB gzipped"}
	names, err := filepath.Glob(filepath.Join(dir, "*.wasm"))
	if err == nil && len(names) == 0 {
		err = fmt.Errorf("no .wasm files in %s", dir)
	}
	if err != nil {
		return r.failed(err)
	}
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	r.Settings = strings.Join(names, " + ") + ", gzip level 6 as served"
	var raw, gz int64
	var parts []string
	for _, name := range names {
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

// mb writes bytes in decimal megabytes to the kilobyte (the budget's
// margin may be a few), or kilobytes under 0.1 MB.
func mb(n int64) string {
	if n < 100e3 {
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.3f MB", float64(n)/1e6)
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
