package main

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

// runOutput is what the harness shows for a run of the product benchmarks.
const runOutput = `goos: js
goarch: wasm
pkg: bibun/nn/gemm
BenchmarkDgemm/gemm         	    3100	    400000 ns/op	         8.192 GFLOP/s
BenchmarkDgemm/gemm-go      	     700	   1500000 ns/op	         2.185 GFLOP/s
BenchmarkDgemm/gemm         	    3200	    320000 ns/op	        10.24 GFLOP/s
PASS
`

// TestProductRow reads the fastest round of the SIMD kernels, the Go
// kernels beside them, and fails the row without the SIMD kernels.
func TestProductRow(t *testing.T) {
	zero := 0
	r := productRow(harnessRun{State: "done", Output: runOutput, SIMD: true, Exit: &zero}, nil, "chromium worker", true)
	if r.Err != nil || r.GFlops != 10.24 || r.Verdict != "missed" || r.Target != "≥ 15 GFLOP/s" {
		t.Errorf("row = %+v, want 10.24 GFLOP/s, missed against ≥ 15", r)
	}
	if want := "0.320 ms per product (the Go kernels alone: 2.19 GFLOP/s, 4.7× slower)"; r.Value != want {
		t.Errorf("value = %q, want %q", r.Value, want)
	}
	if r := productRow(harnessRun{Output: runOutput, SIMD: true}, nil, "Firefox 140.0 worker", false); r.Target != "" || r.Verdict != "" {
		t.Errorf("a row for the record has target %q, verdict %q", r.Target, r.Verdict)
	}
	for name, c := range map[string]struct {
		run  harnessRun
		err  error
		want string
	}{
		"no SIMD":    {harnessRun{Output: runOutput}, nil, "did not wire the SIMD kernels"},
		"no result":  {harnessRun{Output: "PASS\n", SIMD: true}, nil, "no GFLOP/s"},
		"no harness": {harnessRun{}, errors.New("the test binary failed"), "the test binary failed"},
	} {
		r := productRow(c.run, c.err, "chromium worker", true)
		if r.Err == nil || !strings.Contains(r.Err.Error(), c.want) {
			t.Errorf("%s: error %v, want one that says %q", name, r.Err, c.want)
		}
	}
}

// TestHarnessFiles checks that the page and worker are embedded and that
// the worker loads the program as the page's workers do.
func TestHarnessFiles(t *testing.T) {
	for _, name := range []string{"index.html", "harness.js", "worker.js"} {
		if _, err := fs.Stat(harnessFiles, "harness/"+name); err != nil {
			t.Error(err)
		}
	}
	worker, err := fs.ReadFile(harnessFiles, "harness/worker.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`importScripts("wasm_exec.js", "simd.js")`, "bibunSIMD.load("} {
		if !strings.Contains(string(worker), want) {
			t.Errorf("worker.js lacks %s", want)
		}
	}
}
