package main

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestParseBench reads go test output, keeping the fastest of repeated runs.
func TestParseBench(t *testing.T) {
	out := `goos: js
BenchmarkGradient/incremental-2         	      26	  46752078 ns/op	     33156 evals/grad	        46.75 ms/grad
BenchmarkGradient/backprop         	      70	  16686544 ns/op	         1.000 evals/grad	        16.69 ms/grad
BenchmarkForward                   	     141	   8426411 ns/op	         0.3919 GFLOP/s
BenchmarkGradient/backprop         	      12	  96686544 ns/op	         1.000 evals/grad	        96.69 ms/grad
PASS`
	got := parseBench(out)
	for name, want := range map[string]Metrics{
		"BenchmarkGradient/incremental": {"ns/op": 46752078, "evals/grad": 33156, "ms/grad": 46.75},
		"BenchmarkGradient/backprop":    {"ns/op": 16686544, "evals/grad": 1, "ms/grad": 16.69},
		"BenchmarkForward":              {"ns/op": 8426411, "GFLOP/s": 0.3919},
	} {
		for unit, v := range want {
			if got[name][unit] != v {
				t.Errorf("%s %s = %v, want %v", name, unit, got[name][unit], v)
			}
		}
	}
	if len(got) != 3 {
		t.Errorf("parsed %d benchmarks, want 3: %v", len(got), got)
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{{[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{7}, 7}} {
		if got := median(c.xs); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
}

// TestReport checks the ratio column, the error and the no-target rows.
func TestReport(t *testing.T) {
	rep := &Report{Machine: "test", NumpyMs: 9000}
	rep.add(
		Result{Group: GroupIncremental, Method: "incremental", Where: "chromium", Ms: 90, Workers: 2,
			Target: "≥ 30×", Verdict: "met"},
		Result{Group: GroupNumpy, Method: "numpy", Ms: 9000, Target: "reference"},
		Result{Group: GroupBackprop, Method: "backprop", Where: "chromium"}.failed(errors.New("no browser")),
	)
	var b strings.Builder
	rep.WriteMarkdown(&b)
	md := b.String()
	for _, want := range []string{
		"| numpy |  |  | 9000 | 1.00× | — | — | reference | — |",
		"| incremental |  | chromium | 90.0 | 100× | — | 2 | ≥ 30× | met |",
		"| backprop |  | chromium | error: no browser | — | — | — | — | error |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	if i, j := strings.Index(md, "| numpy"), strings.Index(md, "| incremental"); i > j {
		t.Errorf("numpy's row should come first:\n%s", md)
	}
}

// TestWasmFlags checks that the site bench builds is the one make builds.
func TestWasmFlags(t *testing.T) {
	b, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "WASMFLAGS := "); ok {
			if got := strings.Fields(v); !slices.Equal(got, wasmFlags) {
				t.Errorf("the Makefile builds bibun.wasm with %q, bench with %q", got, wasmFlags)
			}
			return
		}
	}
	t.Error("the Makefile has no line WASMFLAGS := …")
}
