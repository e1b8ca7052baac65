// Command bench prints the benchmark table of bibun: the three gradient
// methods against the article's own numpy program, natively, as js/wasm
// under node and in the page in headless Chromium, each against the
// issue's targets. `make bench` runs it from the repository's root:
//
//	go run ./cmd/bench [-site DIR] [-numpy SCRIPT] [-out FILE] [-skip PHASES]
//
// It times, in order and never two at once: the article's numpy program
// (../shared/bench/article_numpy.sh), the nn benchmarks natively and under
// node, the cost growth natively, then the page, built into a temporary
// directory (site/ is left alone) and served by internal/static with its
// real CSP. It prints progress to stderr, then a machine line and one table
// to stdout, and writes the same as Markdown to artifacts/bench.md.
//
// The phases that -skip names: numpy; native and wasm (the nn benchmarks);
// load (the wasm the page loads, and its first visits: navigation to the
// sample tiles drawn, the longest main-thread task); page (training
// steps); cost (the cost growth, native and in the page); reset (Reset
// during a numerical step); teach (the longest main-thread task while the
// teaching views compute; they measure the cost growth too, reported
// unless cost is skipped); long (a 10,000-step backprop run: its total
// time, longest task, memory and pace, long.go); product (the product 100×256 · 256×64 in a
// Chromium worker, with the SIMD kernels, product.go); engines (the
// article's steps in Firefox and WebKit beside Chromium's, and the product
// in their workers unless product is skipped, engines.go). The browser
// tests assert none of these times: they are this command's to check.
//
// A figure that cannot be measured reads "error: …" in its row and the
// rest still runs; the exit status is 1 only when nothing was measured.
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"bibun/internal/browser"
	"bibun/internal/static"
)

func main() {
	var (
		site       = flag.String("site", "", "serve this built site instead of building one into a temporary directory")
		numpy      = flag.String("numpy", "../shared/bench/article_numpy.sh", "the script that times the article's numpy program")
		numpySteps = flag.Int("numpy-steps", 3, "steps of the article's numpy program to time")
		out        = flag.String("out", "artifacts/bench.md", "where to write the table as Markdown")
		skip       = flag.String("skip", "", "phases to leave out, comma-separated: numpy, native, wasm, load, page, cost, reset, teach, long, product, engines")
		goCmd      = flag.String("go", "go", "the go command")
	)
	flag.Parse()
	skipped := func(phase string) bool { return slices.Contains(strings.Split(*skip, ","), phase) }
	start := time.Now()
	progress := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "bench %5s  %s\n", time.Since(start).Round(time.Second), fmt.Sprintf(format, args...))
	}

	machine := describeMachine(*goCmd)
	rep := &Report{}
	progress("machine: %s, %d cores; %s; node %s; load average %s", machine.CPU, machine.Cores, machine.Go, machine.Node, machine.Load)

	numpyRow := Result{Group: GroupNumpy, Method: "the article's numpy program", Settings: "article, its numerical gradient",
		Where: "python3 + numpy", Target: "reference"}
	if !skipped("numpy") {
		progress("numpy: bash %s %d (about 30 s)", *numpy, *numpySteps)
		ms, each, err := runNumpy(*numpy, *numpySteps, progress)
		if err != nil {
			progress("numpy: %v; the ratio column reads n/a", err)
			rep.add(numpyRow.failed(err))
		} else {
			rep.NumpyMs, numpyRow.Ms = ms, ms
			rep.add(numpyRow)
			rep.note("ratio = the article's numpy program's median step (%.2f s; its steps took %s s) / our step's gradient; above 1 is faster than numpy",
				ms/1000, strings.Join(each, ", "))
		}
	}
	if !skipped("native") {
		rep.add(goBenchRows(*goCmd, "native", progress)...)
	}
	if !skipped("cost") {
		rep.add(costNative(rep, progress)...)
	}
	if !skipped("wasm") {
		rep.add(goBenchRows(*goCmd, "node-wasm", progress)...)
	}
	siteDir, removeSite, siteErr := prebuild(*goCmd, *site, !skipped("engines"), progress)
	if slices.ContainsFunc([]string{"load", "page", "cost", "reset", "teach", "long"}, func(p string) bool { return !skipped(p) }) {
		machine.Chromium = runPage(rep, *goCmd, siteDir, skipped, progress)
	}
	if !skipped("product") {
		rep.add(runProduct(rep, &machine, *goCmd, progress))
	}
	if !skipped("engines") {
		rep.add(runEngines(rep, *goCmd, siteDir, siteErr, !skipped("product"), progress)...)
	}
	removeSite()
	machine.LoadEnd = loadAverage()
	rep.Machine = machine.String()
	if machine.busy() {
		rep.note("the machine was busy (load average %s at the start, %s at the end, on %d cores): other work "+
			"inflates every time here and understates the speedup of 2 workers; run again on a quiet machine for figures to quote",
			machine.Load, machine.LoadEnd, machine.Cores)
	}
	rep.note("page figures: grad-ms of the metrics table, the wall time of a step's gradient (with workers, the busiest worker's time on its parts); sizes in decimal MB")

	rep.WriteText(os.Stdout)
	if err := writeMarkdown(rep, *out); err != nil {
		progress("cannot write %s: %v", *out, err)
	} else {
		progress("wrote %s", *out)
	}
	if !rep.measured() {
		fmt.Fprintln(os.Stderr, "bench: nothing could be measured")
		os.Exit(1)
	}
}

// runPage builds and serves the site, launches Chromium and measures the
// page; it returns Chromium's version. When a step fails, the rows it
// would have measured read its error.
func runPage(rep *Report, goCmd, site string, skipped func(string) bool, progress func(string, ...any)) string {
	pageRows := func(err error) {
		if !skipped("load") {
			rep.add(Result{Group: GroupPage, Method: "page: loading", Settings: "wasm sizes, navigation → samples drawn, longest task", Where: "chromium"}.failed(err))
		}
		if !skipped("page") {
			rep.add(Result{Group: GroupPage, Method: "page", Settings: "training steps", Where: "chromium"}.failed(err))
		}
		if !skipped("cost") {
			rep.add(Result{Group: GroupCost, Method: "all methods", Settings: "cost sizes", Where: "chromium"}.failed(err))
		}
		if !skipped("reset") {
			rep.add(Result{Group: GroupPage, Method: "page: Reset during a numerical step", Where: "chromium"}.failed(err))
		}
		if !skipped("teach") {
			rep.add(Result{Group: GroupPage, Method: "page: longest main-thread task", Settings: "teaching views", Where: "chromium"}.failed(err))
		}
		if !skipped("long") {
			rep.add(Result{Group: GroupPage, Method: "page: a long backprop run", Settings: "10,000 steps", Where: "chromium"}.failed(err))
		}
	}
	dir := site
	if dir == "" {
		progress("building the site into a temporary directory")
		var err error
		if dir, err = buildSite(goCmd, "."); err != nil {
			pageRows(err)
			return "unknown"
		}
		defer os.RemoveAll(dir)
	}
	if !skipped("load") {
		rep.add(wasmSizes(dir))
	}
	exe, tried := browser.Find()
	if exe == "" {
		pageRows(fmt.Errorf("no Chromium found (%s); install Debian's chromium or set CHROMIUM", tried))
		return "unknown"
	}
	srv := httptest.NewServer(static.Handler(dir))
	defer srv.Close()
	warmGzip(srv.URL, dir)
	progress("chromium: launching %s", exe)
	b, err := browser.Launch(exe, false)
	if err != nil {
		pageRows(err)
		return "unknown"
	}
	defer b.Close()
	version, err := b.Version()
	if err != nil {
		version = "unknown"
	}
	p := &Page{b: b, url: srv.URL, progress: progress}
	if !skipped("load") {
		rep.add(p.loading()...)
	}
	if !skipped("page") {
		rep.add(p.incremental(rep.NumpyMs)...)
		rep.add(p.backprop())
		rep.add(p.numerical(rep.NumpyMs)...)
	}
	if !skipped("reset") {
		rep.add(p.reset())
	}
	if !skipped("cost") || !skipped("teach") {
		rep.add(p.teaching(rep, !skipped("cost"), !skipped("teach"))...)
	}
	if !skipped("long") {
		rep.add(p.long()...)
	}
	return strings.Replace(version, "Chrome/", "Chromium ", 1)
}

// warmGzip asks the server once for each wasm file of dir, gzipped, so
// that no timed load waits for the server to compress it (a static host
// serves files compressed ahead of time).
func warmGzip(base, dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.wasm"))
	for _, name := range names {
		name = filepath.Base(name)
		req, _ := http.NewRequest("GET", base+"/"+name, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		if resp, err := http.DefaultClient.Do(req); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
}

// writeMarkdown writes the report as Markdown to path, creating its directory.
func writeMarkdown(rep *Report, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	rep.WriteMarkdown(f)
	return f.Close()
}

// cores returns the number of logical CPUs.
func cores() int { return runtime.NumCPU() }
