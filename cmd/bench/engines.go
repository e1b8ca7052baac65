package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"time"

	"bibun/internal/browser"
	"bibun/internal/engines"
	"bibun/internal/static"
	"bibun/nn"
)

// The engines phase: the article's link in Firefox and WebKit, beside
// Chromium's rows, with the browser's version in the where column. Their
// rows carry no targets: the are Chromium's.

// engineRun is one link that the engines phase runs in each browser.
type engineRun struct {
	group    Group
	method   string
	keys     []string // set in the article's link
	steps    int      // rows of the metrics table at done
	workers  int
	settings string
	timeout  time.Duration
}

// engineRuns are Chromium's article rows with the most workers: the
// incremental and numerical steps with 2 workers, backprop with 1 (its
// gradient is never split: worker 0 computes it alone).
var engineRuns = []engineRun{
	{GroupIncremental, "incremental", []string{"workers=2"}, 15, 2, articleSettings + ", 15 steps, median", quickRun},
	{GroupBackprop, "backprop", []string{"grad=backprop", "workers=1"}, 15, 1, articleSettings + ", 15 steps, median", quickRun},
	{GroupNumerical, "numerical", []string{"grad=numerical", "steps=1", "workers=2"}, 1, 2, articleSettings + ", 1 step", slowRun},
}

// engineTimeout bounds everything the phase does in one browser.
const engineTimeout = 2*quickRun + slowRun + productTimeout + 5*time.Minute

// prebuild builds the site into a temporary directory when need is true
// and -site named none, so that the page's phases and the engines phase
// serve one build; remove removes it. When the build fails it returns ""
// and the error: runPage then builds again and reports its own.
func prebuild(goCmd, site string, need bool, progress func(string, ...any)) (dir string, remove func(), err error) {
	if site != "" || !need {
		return site, func() {}, nil
	}
	progress("building the site into a temporary directory")
	if dir, err = buildSite(goCmd, "."); err != nil {
		return "", func() {}, err
	}
	return dir, func() { os.RemoveAll(dir) }, nil
}

// runEngines times engineRuns, and with product the product in a worker,
// in each engine but Chromium that is installed here, serving the site
// in dir (siteErr when it could not be built) with its real CSP. It notes
// the engines it could not find and how finely each one's workers read
// the time.
func runEngines(rep *Report, goCmd, dir string, siteErr error, product bool, progress func(string, ...any)) []Result {
	var out []Result
	var srv *httptest.Server
	if siteErr == nil {
		srv = httptest.NewServer(static.Handler(dir))
		defer srv.Close()
		warmGzip(srv.URL, dir)
	}
	// The harness times the product and measures the workers' clock.
	progress("building nn/gemm's test binary for js/wasm")
	h, harnessErr := newHarness(goCmd)
	if harnessErr == nil {
		defer h.Close()
	}
	for _, e := range engines.All {
		if e.Name == engines.Chromium.Name { // its rows come from the page's phases
			continue
		}
		if missing := e.Find(); missing != "" {
			progress("%s; its rows are left out", missing)
			rep.note("%s; its rows are left out", missing)
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), engineTimeout)
		progress("%s: launching", e.Name)
		b, err := e.Launch(ctx)
		if err != nil {
			for _, run := range engineRuns {
				out = append(out, engineRow(run, e.Name, 0, engines.Result{}, err))
			}
			cancel()
			continue
		}
		where := b.Version()
		rows, timer := engineHarness(ctx, rep, b, h, harnessErr, where, product, progress)
		out = append(out, rows...)
		for _, run := range engineRuns {
			if siteErr != nil {
				out = append(out, engineRow(run, where, timer, engines.Result{}, siteErr))
				continue
			}
			progress("%s: %s, article settings, %d worker(s), %d step(s)", where, run.method, run.workers, run.steps)
			runCtx, stop := context.WithTimeout(ctx, run.timeout)
			res, err := engines.RunLink(runCtx, b, srv.URL, with(article, run.keys...))
			stop()
			if res.ErrorsSeen && len(res.Errors) > 0 {
				rep.note("%s: the page logged %d error(s) during %s: %s", where, len(res.Errors), run.method, res.Errors[0])
			}
			out = append(out, engineRow(run, where, timer, res, err))
		}
		b.Close()
		cancel()
	}
	return out
}

// engineHarness runs the harness in b, first: the product, when product,
// else nothing; either way it returns the smallest step of performance.now()
// in a worker of b, in ms (0 when unknown), which it notes.
func engineHarness(ctx context.Context, rep *Report, b engines.Browser, h *Harness, err error, where string, product bool, progress func(string, ...any)) (out []Result, timerMs float64) {
	if err != nil {
		if product {
			out = append(out, productRow(harnessRun{}, err, where+" worker", false))
		}
		return out, 0
	}
	if product {
		progress("%s: the product 100×256 · 256×64 in a worker", where)
		var r Result
		r, timerMs = h.product(ctx, b, where+" worker", false)
		out = append(out, r)
	} else {
		ctx, cancel := context.WithTimeout(ctx, productTimeout)
		run, _ := h.run(ctx, b, "-test.run=^$")
		cancel()
		timerMs = run.TimerMs
	}
	if timerMs > 0 {
		rep.note("%s: performance.now() in a worker reads in steps of %.3g ms; its grad-ms are rounded to them", where, timerMs)
	}
	return out, timerMs
}

// coarse is how many of the clock's steps a step's gradient must last for
// the median of its grad-ms to say how long it took. Below, most steps read
// the same one or two ticks, and the mean says it better: the difference of
// two readings of a clock that ticks every d ms is off by less than d,
// by as much up as down, for a step that starts at any point of a tick.
const coarse = 20

// engineRow returns run's row from the metrics table at done: the median
// grad-ms of its steps (the mean when the worker's clock, which steps by
// timerMs, is too coarse for them) and, for the numerical method, each
// worker's forward-pass throughput as the page's numerical rows compute
// it. The settings give the run's wall time, from the click on Run to done,
// a bound on its steps that no clock of the page rounds.
func engineRow(run engineRun, where string, timerMs float64, res engines.Result, err error) Result {
	r := Result{Group: run.group, Method: run.method, Settings: run.settings, Where: where, Workers: run.workers}
	if err != nil {
		return r.failed(err)
	}
	if len(res.Rows) != run.steps {
		return r.failed(fmt.Errorf("the table has %d rows after the run, want %d", len(res.Rows), run.steps))
	}
	ms, err := browser.Column(res.Rows, browser.ColGradMs)
	if err != nil {
		return r.failed(err)
	}
	r.Ms = median(slices.Clone(ms))
	if r.Ms < coarse*timerMs && len(ms) > 1 {
		r.Ms = mean(ms)
		r.Settings = strings.Replace(r.Settings, "median", fmt.Sprintf("mean (a clock of %.3g ms steps)", timerMs), 1)
	}
	r.Settings += fmt.Sprintf("; run %.1f s, wall", res.Run.Seconds())
	if run.method == "numerical" {
		evals, err := browser.Column(res.Rows, browser.ColEvals)
		if err != nil {
			return r.failed(err)
		}
		r.GFlops = workerGFlops(nn.Article(), evals[0], ms[0], run.workers)
	}
	return r
}

// mean returns the mean of xs.
func mean(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}
