package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"bibun/internal/engines"
)

// The product 100×256 · 256×64 (a batch times the first layer's weights,
// the heart of a forward pass of the article's network), timed by nn/gemm's
// BenchmarkDgemm in a real Web Worker of each browser, with the SIMD128
// kernels wired in as the page wires them.

// harnessFiles are the page and worker that run a Go test binary in a
// worker of the browser (harness/harness.js says how).
//
//go:embed harness
var harnessFiles embed.FS

// productBench selects BenchmarkDgemm's product with the SIMD kernels
// (gemm) and with the Go kernels alone (gemm-go), for comparison.
const productBench = `^BenchmarkDgemm$/^gemm(-go)?$`

// productTarget is the throughput of the product in a Chromium
// worker, in GFLOP/s.
const productTarget = 15

// productTimeout bounds one run of the harness: two benchmarks, three
// rounds of a second each, and the loading.
const productTimeout = 5 * time.Minute

// Harness serves nn/gemm's test binary, compiled for js/wasm, beside the
// harness page, Go's wasm_exec.js and the SIMD kernels (simd.js,
// simd.wasm) from a temporary directory. It serves them with a plain
// http.FileServer, not internal/static: the harness is cmd/bench's page,
// not bibun's, so bibun's Content Security Policy has nothing to guard.
type Harness struct {
	dir string
	srv *httptest.Server
}

// newHarness builds the test binary and starts serving; Close ends both.
// It runs from the repository's root.
func newHarness(goCmd string) (*Harness, error) {
	dir, err := os.MkdirTemp("", "bibun-bench-harness-")
	if err != nil {
		return nil, err
	}
	h := &Harness{dir: dir}
	if err := h.fill(goCmd); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	h.srv = httptest.NewServer(http.FileServer(http.Dir(dir)))
	return h, nil
}

// fill writes the harness's files into h.dir.
func (h *Harness) fill(goCmd string) error {
	cmd := exec.Command(goCmd, "test", "-c", "-o", filepath.Join(h.dir, "gemm.wasm"), "./nn/gemm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building nn/gemm's test binary for js/wasm: %v: %s", err, lastLines(string(out), 3))
	}
	goroot, err := exec.Command(goCmd, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	for name, from := range map[string]string{
		"wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
		"simd.js":      filepath.Join("nn", "simd", "simd.js"),
		"simd.wasm":    filepath.Join("nn", "simd", "kernels.wasm"),
	} {
		if err := copyFile(from, filepath.Join(h.dir, name)); err != nil {
			return err
		}
	}
	page, _ := fs.Sub(harnessFiles, "harness")
	return os.CopyFS(h.dir, page)
}

// Close stops serving and removes the directory.
func (h *Harness) Close() {
	h.srv.Close()
	os.RemoveAll(h.dir)
}

// harnessRun is what the harness page shows once the program has exited.
type harnessRun struct {
	State   string  `json:"state"`  // done, or error when the worker failed
	Output  string  `json:"output"` // the program's stdout and stderr
	SIMD    bool    `json:"simd"`   // simd.js wired the SIMD kernels in
	Exit    *int    `json:"exit"`   // the program's exit code; nil when it did not exit
	TimerMs float64 `json:"timer"`  // the smallest step of performance.now() in the worker
}

// harnessExpr reads the harness page's #out; state is "running" until the
// worker has answered.
const harnessExpr = `(() => {
	const out = document.getElementById('out');
	if (!out) return {state: 'missing'};
	const exit = Number.parseInt(out.dataset.exit, 10);
	return {state: out.dataset.state, output: out.textContent, simd: out.dataset.simd === 'true',
		exit: Number.isNaN(exit) ? null : exit, timer: Number(out.dataset.timer)};
})()`

// run opens the harness in a new tab of b, runs the test binary with args
// in a worker and returns what it showed, within ctx.
func (h *Harness) run(ctx context.Context, b engines.Browser, args ...string) (harnessRun, error) {
	var run harnessRun
	q := url.Values{"program": {"gemm.wasm"}, "arg": args}
	p, err := b.Open(ctx)
	if err != nil {
		return run, err
	}
	defer p.Close()
	if err := p.Navigate(ctx, h.srv.URL+"/index.html?"+q.Encode()); err != nil {
		return run, err
	}
	if err := engines.WaitTrue(ctx, p, `document.getElementById('out')?.dataset.state !== 'running'`, "the test binary to exit"); err != nil {
		return run, err
	}
	if run, err = engines.Eval[harnessRun](ctx, p, harnessExpr); err != nil {
		return run, err
	}
	switch {
	case run.State != "done":
		return run, fmt.Errorf("the harness shows %s: %s", run.State, lastLines(run.Output, 3))
	case run.Exit == nil || *run.Exit != 0:
		return run, fmt.Errorf("the test binary failed: %s", lastLines(run.Output, 3))
	}
	return run, nil
}

// product times the product in a worker of b and returns its row, where
// the row's where column says; with target, it holds it to productTarget.
// It also returns the smallest step of the worker's clock, in ms.
func (h *Harness) product(ctx context.Context, b engines.Browser, where string, target bool) (r Result, timerMs float64) {
	ctx, cancel := context.WithTimeout(ctx, productTimeout)
	defer cancel()
	run, err := h.run(ctx, b, "-test.run=^$", "-test.bench="+productBench, "-test.benchtime=1s", "-test.count=3")
	return productRow(run, err, where, target), run.TimerMs
}

// productRow returns the product's row from a run of the harness: the
// GFLOP/s of BenchmarkDgemm/gemm, the fastest of the rounds, and beside it
// that of the Go kernels alone. Without the SIMD kernels the row fails:
// it would time the Go kernels under the SIMD kernels' name.
func productRow(run harnessRun, err error, where string, target bool) Result {
	r := Result{Group: GroupForward, Method: "product 100×256 · 256×64 (Dgemm, SIMD128)",
		Settings: "nn/gemm BenchmarkDgemm/gemm in a Web Worker, bibunSIMD.load, 3 rounds of 1 s, the fastest",
		Where:    where, Workers: 1}
	if target {
		r.Target = fmt.Sprintf("≥ %d GFLOP/s", productTarget)
	}
	if err != nil {
		return r.failed(err)
	}
	if !run.SIMD {
		return r.failed(fmt.Errorf("simd.js did not wire the SIMD kernels in (no SIMD128 in this browser?)"))
	}
	got := parseBench(run.Output)
	simd, ok := got["BenchmarkDgemm/gemm"]
	if !ok || simd["GFLOP/s"] == 0 {
		return r.failed(fmt.Errorf("the test binary printed no GFLOP/s for BenchmarkDgemm/gemm: %s", lastLines(run.Output, 3)))
	}
	r.GFlops = simd["GFLOP/s"]
	r.Value = fmt.Sprintf("%s ms per product", formatMs(simd["ns/op"]/1e6))
	if goOnly := got["BenchmarkDgemm/gemm-go"]["GFLOP/s"]; goOnly > 0 {
		r.Value += fmt.Sprintf(" (the Go kernels alone: %.2f GFLOP/s, %.1f× slower)", goOnly, r.GFlops/goOnly)
	}
	if target {
		r.Verdict = verdict(r.GFlops >= productTarget)
	}
	return r
}

// runProduct builds the harness, launches Chromium and times the product
// in one of its workers, against the target; it notes the step of the
// worker's clock, and fills in the machine's Chromium if no phase has.
func runProduct(rep *Report, m *Machine, goCmd string, progress func(string, ...any)) Result {
	const where = "chromium worker"
	progress("building nn/gemm's test binary for js/wasm")
	h, err := newHarness(goCmd)
	if err != nil {
		return productRow(harnessRun{}, err, where, true)
	}
	defer h.Close()
	ctx, cancel := context.WithTimeout(context.Background(), productTimeout+time.Minute)
	defer cancel()
	progress("chromium: the product 100×256 · 256×64 in a worker (BenchmarkDgemm/gemm and gemm-go, 3 rounds of 1 s each)")
	b, err := engines.Chromium.Launch(ctx)
	if err != nil {
		return productRow(harnessRun{}, err, where, true)
	}
	defer b.Close()
	version := strings.Replace(b.Version(), "Chrome/", "Chromium ", 1)
	if m.Chromium == "unknown" {
		m.Chromium = version
	}
	r, timer := h.product(ctx, b, where, true)
	if timer > 0 {
		rep.note("%s: performance.now() in a worker reads in steps of %.3g ms", version, timer)
	}
	return r
}
