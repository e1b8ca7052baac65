package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"time"

	"bibun/internal/browser"
)

// longSteps is the long run's length: the most steps a link allows.
const longSteps = 10000

// longRun is how long the long run may take: at the first try, on
// a 2-core machine, 7,293 steps took 405 s.
const longRun = 30 * time.Minute

// long runs 10,000 backprop steps of the article's network, as a visitor
// would leave a run going, and measures what a long run must keep flat:
// its total time against the sum of its gradients' (target: within 1.5×
// that plus 5 ms a step), the longest main-thread task through it (under
// 100 ms), the tab's memory at 10,000 steps against 1,000 (under twice),
// and, for the record, its pace in its last fifth against its first. The
// rows of every step come from the page's own CSV, as the table shows only
// its newest 500.
func (p *Page) long() []Result {
	settings := fmt.Sprintf("article 256-64-2, B=100, %d steps", longSteps)
	total := Result{Group: GroupPage, Method: "page: a long backprop run, total time", Settings: settings, Where: "chromium",
		Target: "≤ 1.5 × Σ grad-ms + 5 ms a step"}
	tasks := Result{Group: GroupPage, Method: "page: longest main-thread task", Settings: "during the long backprop run, " + settings,
		Where: "chromium", Target: "< 100 ms"}
	memory := Result{Group: GroupPage, Method: "page: the tab's memory, 10,000 steps vs 1,000", Settings: settings,
		Where: "chromium", Target: "< 2×"}
	pace := Result{Group: GroupPage, Method: "page: pace of the long run, last fifth vs first", Settings: settings + ", median step of each fifth",
		Where: "chromium", Target: "≥ 0.8×"}
	fail := func(err error) []Result {
		return []Result{total.failed(err), tasks.failed(err), memory.failed(err), pace.failed(err)}
	}
	p.progress("chromium: a long run, %d backprop steps of the article's network", longSteps)
	tab, err := p.open(with(article, "grad=backprop", "steps="+strconv.Itoa(longSteps)), false, browser.LongTasks, browser.StepClock)
	if err != nil {
		return fail(err)
	}
	defer tab.Close()
	t0, err := browser.Eval[float64](tab, `performance.now()`)
	if err == nil {
		err = tab.Click("run")
	}
	if err != nil {
		return fail(err)
	}
	var at1000 browser.Memory
	start, next := time.Now(), time.Now().Add(30*time.Second)
	for {
		n, err := tab.Steps()
		if err != nil {
			return fail(err)
		}
		if n >= 1000 && at1000.RSS == 0 {
			if at1000, err = tab.Memory(); err != nil {
				memory = memory.failed(err)
				at1000.RSS = -1
			} else {
				p.progress("  at step %d: the tab holds %s", n, megabytes(at1000))
			}
		}
		s, err := tab.State()
		if err != nil {
			return fail(err)
		}
		if s == "done" && n >= longSteps {
			break
		}
		if s != "running" && s != "idle" || time.Since(start) > longRun {
			return fail(fmt.Errorf("after %v the run is %s at step %d", time.Since(start).Round(time.Second), s, n))
		}
		if time.Now().After(next) {
			p.progress("  … step %d after %v", n, time.Since(start).Round(time.Second))
			next = next.Add(30 * time.Second)
		}
		time.Sleep(250 * time.Millisecond)
	}
	at, err := tab.StepTimes()
	if err != nil {
		return fail(err)
	}
	end := at[len(at)-1]
	tasks = longestTask(tab, t0, "Run", tasks, 100)

	if memory.Err == nil {
		if m, err := tab.Memory(); err != nil {
			memory = memory.failed(err)
		} else {
			ratio := float64(m.RSS) / float64(at1000.RSS)
			memory.Value = fmt.Sprintf("%s at 10,000 steps, %s at 1,000: %.2f× (renderer's resident memory, page and workers; peak %d MB)",
				megabytes(m), megabytes(at1000), ratio, m.Peak>>20)
			memory.Verdict = verdict(ratio < 2)
		}
	}

	rows, err := gradients(tab)
	if err != nil {
		total = total.failed(err)
	} else {
		sum := 0.0
		for _, ms := range rows {
			sum += ms
		}
		ms := end - t0
		budget := 1.5*sum + 5*float64(longSteps)
		total.Value = fmt.Sprintf("%.1f s for Σ grad-ms %.1f s (%.2f ms a step): budget 1.5 × %.1f s + %d × 5 ms = %.1f s; %.2f ms a step, %.2f ms beyond its gradient",
			ms/1000, sum/1000, sum/float64(longSteps), sum/1000, longSteps, budget/1000, ms/float64(longSteps), (ms-sum)/float64(longSteps))
		total.Verdict = verdict(ms <= budget)
	}

	fifth := longSteps / 5
	first, last := medianPace(at[:fifth]), medianPace(at[longSteps-fifth:])
	pace.Value = fmt.Sprintf("%.2f× (%.0f steps/s in the first fifth, %.0f in the last)", last/first, first, last)
	pace.Verdict = verdict(last >= 0.8*first)
	return []Result{total, tasks, memory, pace}
}

// gradients saves the run's CSV from the page and returns each step's
// gradient time.
func gradients(tab *browser.Tab) ([]float64, error) {
	f, err := tab.Download("export-csv", time.Minute)
	if err != nil {
		return nil, err
	}
	records, err := csv.NewReader(bytes.NewReader(f.Data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("the page's CSV: %w", err)
	}
	if len(records) != longSteps+1 || len(records[0]) != 6 || records[0][5] != "gradient_ms" {
		return nil, fmt.Errorf("the page's CSV has %d lines, header %q; want %d steps", len(records), records[0], longSteps)
	}
	out := make([]float64, longSteps)
	for i, r := range records[1:] {
		if out[i], err = strconv.ParseFloat(r[5], 64); err != nil {
			return nil, fmt.Errorf("the page's CSV, step %d: %w", i+1, err)
		}
	}
	return out, nil
}

// medianPace returns the steps per second of the median step between the
// times at, in ms.
func medianPace(at []float64) float64 {
	d := make([]float64, 0, len(at))
	for i := 1; i < len(at); i++ {
		d = append(d, at[i]-at[i-1])
	}
	slices.Sort(d)
	return 1000 / d[len(d)/2]
}

// megabytes writes a tab's memory for the table.
func megabytes(m browser.Memory) string {
	return fmt.Sprintf("%d MB (JS heap %.1f MB, page buffers %.0f MB)", m.RSS>>20, float64(m.JSHeap)/1e6, float64(m.Buffers)/1e6)
}
