package main

import (
	"time"

	"bibun/internal/browser"
)

// teaching drives the teaching views in one tab at the article's settings
// with 2 workers, as a learner would: it measures the cost growth (target
// 5: its rows, when withCost), then takes a step, checks the gradient,
// sweeps h and runs the 15 steps beside the article's log. With withTasks
// it adds the longest main-thread task through all of it, which must stay
// under 200 ms: the page answers while the views compute.
func (p *Page) teaching(rep *Report, withCost, withTasks bool) []Result {
	tasks := Result{Group: GroupPage, Method: "page: longest main-thread task",
		Settings: "during the teaching views (cost growth, a step, gradient check, h sweep, 15 steps), article, 2 workers",
		Where:    "chromium", Workers: 2, Target: "< 200 ms"}
	p.progress("chromium: the teaching views: cost growth (3 methods × 5 sizes), then a step, the gradient check, the h sweep and the run")
	var out []Result
	var t0 float64
	var series map[string]browser.Series
	tab, err := p.open(with(article, "workers=2"), false, browser.LongTasks)
	if err == nil {
		defer tab.Close()
		t0, err = browser.Eval[float64](tab, `performance.now()`)
	}
	if err == nil {
		series, err = measureCost(tab)
	}
	if withCost {
		out = append(out, costPage(series, err, rep)...)
	}
	if !withTasks {
		return out
	}
	if err == nil {
		err = p.teach(tab)
	}
	if err != nil {
		return append(out, tasks.failed(err))
	}
	return append(out, longestTask(tab, t0, "Measure cost", tasks, 200))
}

// teach takes one step in tab, runs the gradient check and the h sweep on
// it, and runs the rest of the steps to done.
func (p *Page) teach(tab *browser.Tab) error {
	if err := tab.Click("step"); err != nil {
		return err
	}
	if _, err := tab.WaitState(quickRun, nil, "paused"); err != nil {
		return err
	}
	for _, v := range []struct {
		button, view string
		step         int
	}{{"check-gradient", "gradcheck", 1}, {"sweep-h", "hsweep", -1}} {
		if err := tab.WaitEnabled(v.button, quickRun); err != nil {
			return err
		}
		if err := tab.Click(v.button); err != nil {
			return err
		}
		if err := tab.WaitDone(v.view, v.step, quickRun); err != nil {
			return err
		}
	}
	if err := tab.Click("run"); err != nil {
		return err
	}
	report := func(d time.Duration) { p.progress("  … still training after %v", d.Round(time.Second)) }
	_, err := tab.WaitState(quickRun, report, "done")
	return err
}
