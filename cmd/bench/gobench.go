package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Metrics maps a benchmark's units to its values, e.g. "ms/grad" → 46.7.
type Metrics map[string]float64

// goBench runs `go test -run - -bench pattern args… ./nn` natively or,
// with wasm, as js/wasm under node (with the SIMD kernels, through
// nn/simd/go_js_wasm_exec), and returns the metrics of each benchmark by
// name, without its -GOMAXPROCS suffix ("BenchmarkGradient/incremental").
// It runs from the repository's root.
func goBench(goCmd string, wasm bool, pattern string, args ...string) (map[string]Metrics, error) {
	argv := append([]string{"test", "-run", "-", "-bench", pattern, "-timeout", "60m"}, args...)
	env := os.Environ()
	if wasm {
		root, err := exec.Command(goCmd, "env", "GOROOT").Output()
		if err != nil {
			return nil, fmt.Errorf("go env GOROOT: %w", err)
		}
		runner, err := filepath.Abs(filepath.Join("nn", "simd", "go_js_wasm_exec"))
		if err != nil {
			return nil, err
		}
		argv = append(argv, "-exec", runner)
		env = append(env, "GOOS=js", "GOARCH=wasm", "GOROOT="+strings.TrimSpace(string(root)))
	}
	cmd := exec.Command(goCmd, append(argv, "./nn")...)
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	got := parseBench(out.String())
	if err != nil {
		return got, fmt.Errorf("go test -bench %s failed (%v): %s", pattern, err, lastLines(out.String(), 3))
	}
	return got, nil
}

// benchLine matches a result line of go test -bench: the name, an
// optional -GOMAXPROCS suffix, the iterations, then value-unit pairs.
var benchLine = regexp.MustCompile(`^(Benchmark\S*?)(?:-\d+)?\s+\d+\s+(.*)$`)

// parseBench returns the metrics of each result line of go test output.
func parseBench(out string) map[string]Metrics {
	got := make(map[string]Metrics)
	for line := range strings.SplitSeq(out, "\n") {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		f := strings.Fields(m[2])
		ms := make(Metrics)
		for i := 0; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				ms[f[i+1]] = v
			}
		}
		// Of repeated runs (-count), keep the fastest: the first may run
		// before V8 has compiled the hot wasm functions with its optimizing tier.
		if old, ok := got[m[1]]; !ok || ms["ns/op"] < old["ns/op"] {
			got[m[1]] = ms
		}
	}
	return got
}

// lastLines returns the last n non-empty lines of s, joined by " / ".
func lastLines(s string, n int) string {
	var keep []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if strings.TrimSpace(l) != "" {
			keep = append(keep, strings.TrimSpace(l))
		}
	}
	if len(keep) > n {
		keep = keep[len(keep)-n:]
	}
	return strings.Join(keep, " / ")
}

// articleSettings names the article's network and batch in the table.
const articleSettings = "article 256-64-2, B=100"

// goBenchRows runs the nn benchmarks where ("native" or "node-wasm") and
// returns their rows: the numerical, incremental and backprop gradients
// and the forward pass. The forward pass in wasm carries the issue's
// throughput target, which the page's numerical rows also check.
func goBenchRows(goCmd, where string, progress func(string, ...any)) []Result {
	wasm := where == "node-wasm"
	progress("%s: go test -bench 'Gradient/(incremental|backprop)|Forward' -count 2 ./nn (the faster of the two)", where)
	fast, errFast := goBench(goCmd, wasm, "Gradient/(incremental|backprop)|Forward", "-count", "2")
	progress("%s: go test -bench Gradient/numerical -benchtime 1x ./nn (33,156 forward passes)", where)
	slow, errSlow := goBench(goCmd, wasm, "Gradient/numerical", "-benchtime", "1x")

	row := func(g Group, method string, m Metrics, err error) Result {
		r := Result{Group: g, Method: method, Settings: articleSettings, Where: where, Workers: 1}
		if m == nil {
			return r.failed(orNoResult(err))
		}
		r.Ms = m["ms/grad"]
		r.GFlops = m["GFLOP/s"]
		return r
	}
	num := row(GroupNumerical, "numerical", slow["BenchmarkGradient/numerical"], errSlow)
	inc := row(GroupIncremental, "incremental", fast["BenchmarkGradient/incremental"], errFast)
	bp := row(GroupBackprop, "backprop", fast["BenchmarkGradient/backprop"], errFast)

	fwd := Result{Group: GroupForward, Method: "forward pass (BenchmarkForward)", Settings: articleSettings,
		Where: where, Workers: 1}
	if m := fast["BenchmarkForward"]; m == nil {
		fwd = fwd.failed(orNoResult(errFast))
	} else {
		fwd.GFlops = m["GFLOP/s"]
		fwd.Value = fmt.Sprintf("%s ms per pass (not a step)", formatMs(m["ns/op"]/1e6))
		if wasm {
			fwd.Target = "≥ 1 GFLOP/s in wasm"
			fwd.Verdict = verdict(fwd.GFlops >= 1)
		}
	}
	return []Result{num, fwd, inc, bp}
}

// orNoResult returns err, or an error saying go test printed nothing.
func orNoResult(err error) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("go test printed no result for it")
}
