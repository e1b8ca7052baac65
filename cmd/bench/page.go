package main

import (
	"fmt"
	"time"

	"bibun/internal/browser"
	"bibun/nn"
)

// article is the link of the article's settings; with sets keys in a link.
var (
	article = browser.Article
	with    = browser.With
)

// Timeouts of the page. A numerical step of the article's network is
// 33,156 forward passes: minutes on one worker of a slow machine.
const (
	loadTimeout = 90 * time.Second // navigation to window.bibunReady
	quickRun    = 5 * time.Minute  // a run of the incremental or backprop method
	slowRun     = 20 * time.Minute // one numerical step of the article's network
)

// Page measures the page in one browser, served at url.
type Page struct {
	b        *browser.Browser
	url      string
	progress func(string, ...any)
}

// open opens link in a new tab with scripts at document start, and waits
// until the page is ready.
func (p *Page) open(link string, noCache bool, scripts ...string) (*browser.Tab, error) {
	tab, err := p.b.Open(noCache, scripts...)
	if err != nil {
		return nil, err
	}
	if err := tab.Navigate(p.url+"/#"+link, loadTimeout); err != nil {
		tab.Close()
		return nil, err
	}
	if err := tab.WaitReady(loadTimeout); err != nil {
		tab.Close()
		return nil, err
	}
	return tab, nil
}

// train opens link, clicks Run, waits for done within timeout and returns
// the tab (for the caller to read and close) and the metrics table, which
// must have steps rows. before, if not nil, runs just before the click.
func (p *Page) train(link string, steps int, timeout time.Duration, before func(*browser.Tab) error, scripts ...string) (*browser.Tab, []browser.Row, error) {
	tab, err := p.open(link, false, scripts...)
	if err != nil {
		return nil, nil, err
	}
	fail := func(err error) (*browser.Tab, []browser.Row, error) {
		tab.Close()
		return nil, nil, err
	}
	if before != nil {
		if err := before(tab); err != nil {
			return fail(err)
		}
	}
	if err := tab.Click("run"); err != nil {
		return fail(err)
	}
	report := func(d time.Duration) { p.progress("  … still training after %v", d.Round(time.Second)) }
	if _, err := tab.WaitState(timeout, report, "done"); err != nil {
		return fail(err)
	}
	rows, err := tab.Table()
	if err != nil {
		return fail(err)
	}
	if len(rows) != steps {
		return fail(fmt.Errorf("the table has %d rows after the run, want %d", len(rows), steps))
	}
	return tab, rows, nil
}

// gradMs runs link (steps steps, within timeout) and returns the grad-ms
// and evals of each step.
func (p *Page) gradMs(link string, steps int, timeout time.Duration) (ms, evals []float64, err error) {
	tab, rows, err := p.train(link, steps, timeout, nil)
	if err != nil {
		return nil, nil, err
	}
	tab.Close()
	if ms, err = browser.Column(rows, browser.ColGradMs); err != nil {
		return nil, nil, err
	}
	evals, err = browser.Column(rows, browser.ColEvals)
	return ms, evals, err
}

// incremental measures target 1 (incremental, article settings, 1 and 2
// workers; with 2, ratio to numpy's step ≥ 100) and, during the run with 2 workers,
// the first part of target 4: the longest main-thread task under 100 ms.
func (p *Page) incremental(numpyMs float64) []Result {
	var out []Result
	longest := Result{Group: GroupPage, Method: "page: longest main-thread task",
		Settings: "during 15 incremental steps, article, 2 workers", Where: "chromium", Workers: 2, Target: "< 100 ms"}
	for _, w := range []int{1, 2} {
		r := Result{Group: GroupIncremental, Method: "incremental", Settings: articleSettings + ", 15 steps, median",
			Where: "chromium", Workers: w}
		p.progress("chromium: incremental, article settings, %d worker(s), 15 steps", w)
		var t0 float64
		mark := func(tab *browser.Tab) (err error) {
			t0, err = browser.Eval[float64](tab, `performance.now()`)
			return err
		}
		tab, rows, err := p.train(with(article, fmt.Sprintf("workers=%d", w)), 15, quickRun, mark, browser.LongTasks)
		if w == 2 {
			r.Target = "≥ 100× shorter than numpy's step"
		}
		if err == nil {
			var ms []float64
			ms, err = browser.Column(rows, browser.ColGradMs)
			r.Ms = median(ms)
		}
		switch {
		case err != nil:
			r = r.failed(err)
		case w == 2 && numpyMs > 0:
			r.Verdict = verdict(numpyMs/r.Ms >= 100)
		case w == 2:
			r.Verdict = "n/a: no numpy figure"
		}
		if w == 2 {
			if err != nil {
				longest = longest.failed(fmt.Errorf("the run failed"))
			} else {
				longest = longestTask(tab, t0, "Run", longest, 100)
			}
		}
		if tab != nil {
			tab.Close()
		}
		out = append(out, r)
	}
	return append(out, longest)
}

// longestTask reads the long tasks the tab recorded (browser.LongTasks)
// and fills r with the longest of those that overlap the time from t0 (the
// click on the button named mark) to now, which must be under limit ms; the
// longest before t0 (loading) goes in the value, for the record.
func longestTask(tab *browser.Tab, t0 float64, mark string, r Result, limit float64) Result {
	end, err := browser.Eval[float64](tab, `performance.now()`)
	if err != nil {
		return r.failed(err)
	}
	tasks, err := tab.Tasks()
	if err != nil {
		return r.failed(err)
	}
	var run, at, load float64 // the longest from t0, its start after t0, the longest before
	n := 0
	for _, t := range tasks {
		if t.Start+t.Ms > t0 && t.Start < end {
			n++
			if t.Ms > run {
				run, at = t.Ms, t.Start-t0
			}
		} else if t.Start < t0 {
			load = max(load, t.Ms)
		}
	}
	if n == 0 {
		r.Value = "none over 50 ms"
	} else {
		r.Value = fmt.Sprintf("%.0f ms, %.0f ms after %s (%d tasks over 50 ms in %.1f s)", run, at, mark, n, (end-t0)/1000)
	}
	r.Value += fmt.Sprintf("; before %s, while loading: %.0f ms", mark, load)
	r.Verdict = verdict(run < limit)
	return r
}

// forwardFlops returns the operations of one forward pass of c's network
// over its batch: 2·B·(S·H + 2H).
func forwardFlops(c nn.Config) float64 {
	return 2 * float64(c.Batch) * float64(c.Size*c.Hidden+nn.Outputs*c.Hidden)
}
