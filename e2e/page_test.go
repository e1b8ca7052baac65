//go:build browser

package e2e

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"bibun/internal/browser"
	"bibun/internal/engines"
)

// article is the link of the article's settings; with sets keys in a link.
var (
	article = browser.Article
	with    = browser.With
)

// run opens the page at fragment, clicks Run, waits for done and returns
// the table, which must have steps rows numbered 1…steps. It checks the
// console stayed clean.
func run(t *testing.T, fragment string, steps int) []browser.Row {
	t.Helper()
	return runIn(t, serverURL, fragment, steps)
}

// runIn is run on the site served at base.
func runIn(t *testing.T, base, fragment string, steps int) []browser.Row {
	t.Helper()
	tab, con := openIn(t, suite, base, fragment)
	start := time.Now()
	click(t, tab, "run")
	waitState(t, tab, "done")
	rows := readTable(t, tab)
	t.Logf("#%s: done in %v", fragment, time.Since(start).Round(time.Millisecond))
	checkSteps(t, rows, steps)
	noConsoleErrors(t, con)
	return rows
}

func TestPageLoads(t *testing.T) {
	tab, con := open(t, "")
	labels := eval[[]string](t, tab,
		`[...document.querySelectorAll('[data-testid=samples] [data-testid=sample]')].map(e => e.dataset.label ?? "")`)
	if len(labels) != 12 {
		t.Errorf("the page shows %d sample tiles, want 12", len(labels))
	}
	for i, l := range labels {
		// Sample i = 1, 2, … has label i mod 2: flat (1), noise (0), …
		if want := strconv.Itoa((i + 1) % 2); l != want {
			t.Errorf("sample tile %d has data-label %q, want %q", i+1, l, want)
		}
	}
	if s := state(t, tab); s != "idle" {
		t.Errorf("a fresh page has state %q, want idle", s)
	}
	if rows := readTable(t, tab); len(rows) != 0 {
		t.Errorf("a fresh page has %d metrics rows, want 0", len(rows))
	}
	noConsoleErrors(t, con)
}

func TestArticleRun(t *testing.T) {
	tab, con := open(t, with(article, "workers=2"))
	start := time.Now()
	click(t, tab, "run")
	waitState(t, tab, "done")
	t.Logf("15 incremental steps with 2 workers: done in %v", time.Since(start).Round(time.Millisecond))
	rows := readTable(t, tab)
	checkSteps(t, rows, 15)
	last := rows[14]
	if acc := float(t, last, browser.ColTestAcc); acc < 0.9 || acc > 1 {
		t.Errorf("test accuracy at step 15 is %v, want in [0.9, 1]", acc)
	}
	t.Logf("step 15: %v", last.Values)
	// Each step reports its gradient's wall time; make bench judges its size.
	for _, r := range rows {
		if ms := float(t, r, browser.ColGradMs); !(ms > 0) || math.IsInf(ms, 0) {
			t.Errorf("step %d reports a gradient time of %v ms, want a positive number", r.Step, ms)
		}
	}
	bar := eval[[]float64](t, tab, `(p => p ? [p.value, p.max] : [])(`+browser.Element("progress")+`)`)
	t.Logf("progress value/max at done: %v", bar)
	screenshot(t, tab, "", "after-run")
	noConsoleErrors(t, con)
}

func TestDeterminism(t *testing.T) {
	short := with(article, "steps=4")
	for _, grad := range []string{"incremental", "backprop"} {
		t.Run(grad, func(t *testing.T) {
			link := with(short, "grad="+grad)
			t.Run("reload", func(t *testing.T) {
				first := run(t, with(link, "workers=2"), 4)
				second := run(t, with(link, "workers=2"), 4)
				sameTables(t, "the first load", first, "the second load", second, browser.ColGradMs)
			})
			t.Run("workers", func(t *testing.T) {
				one := run(t, with(link, "workers=1"), 4)
				three := run(t, with(link, "workers=3"), 4)
				sameTables(t, "workers=1", one, "workers=3", three, browser.ColGradMs)
			})
		})
	}
}

// readGolden reads the golden runs of the nn package (internal/engines
// reads them for the other engines too).
func readGolden(t *testing.T) []engines.Golden {
	t.Helper()
	runs, err := engines.ReadGolden("../nn/testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	return runs
}

func TestGolden(t *testing.T) {
	for i, g := range readGolden(t) {
		grad := "default"
		for p := range strings.SplitSeq(g.Link, "&") {
			if v, ok := strings.CutPrefix(p, "grad="); ok {
				grad = v
			}
		}
		t.Run(fmt.Sprintf("%d-%s", i+1, grad), func(t *testing.T) {
			checkGolden(t, run(t, g.Link, len(g.Rows)), g)
		})
	}
}

// checkGolden reports every reproducible cell of rows, the first of a
// page's table, that differs from the golden run g.
func checkGolden(t *testing.T, rows []browser.Row, g engines.Golden) {
	t.Helper()
	if len(rows) > len(g.Rows) {
		rows = rows[:len(g.Rows)]
	}
	for _, d := range g.Differences("the page", rows) {
		t.Error(d)
	}
}

func TestStepAndReset(t *testing.T) {
	tab, con := open(t, with(article, "workers=2"))
	click(t, tab, "step")
	waitTrue(t, tab, browser.RowsExpr+` > 0`, runTimeout, "row 1 after clicking Step")
	s := waitState(t, tab, "paused", "idle")
	waitSettled(t, tab) // a second step, if one were coming, would be owed
	if rows := readTable(t, tab); len(rows) != 1 || rows[0].Step != 1 {
		t.Errorf("after one Step the table has %d rows, want exactly row 1", len(rows))
	}
	if s2 := state(t, tab); s2 != s {
		t.Errorf("after one Step the state went from %q to %q, want it to stay", s, s2)
	}
	t.Logf("state after Step: %s", s)

	click(t, tab, "reset")
	waitState(t, tab, "idle")
	waitTrue(t, tab, rowsAre(0), shortTimeout, "the table to empty after Reset")
	noConsoleErrors(t, con)
}

// runAtOnce, run at document start, clicks Run the moment the page draws
// it enabled, noting in window.__workersAtRun how many workers the page
// had started then (spyScript counts them).
const runAtOnce = `(() => {
	const mo = new MutationObserver(() => {
		const run = document.querySelector('[data-testid=run]');
		if (!run || run.disabled) return;
		mo.disconnect();
		window.__workersAtRun = window.__bibunWorkers.length;
		run.click();
	});
	mo.observe(document, {childList: true, subtree: true, attributes: true});
})()`

// TestRunBeforeWorkers clicks Run as soon as the button is drawn, before
// the page starts its workers (once it has drawn itself whole): what the
// run sends them waits for them, and the run ends with the golden digits.
func TestRunBeforeWorkers(t *testing.T) {
	g := readGolden(t)[0]
	tab, con := open(t, g.Link, spyScript, runAtOnce)
	if n := eval[int](t, tab, `window.__workersAtRun ?? -1`); n != 0 {
		t.Fatalf("Run was clicked with %d workers started, want 0 (-1: not clicked)", n)
	}
	waitState(t, tab, "done")
	checkGolden(t, readTable(t, tab), g)
	noConsoleErrors(t, con)
}
