//go:build browser

package e2e

// The page at its limits: the largest settings within a stated memory
// figure, and training on while its tab is hidden. Each test runs in a
// browser of its own: one whose only page is the test's, and one that
// throttles hidden tabs as a visitor's browser does.

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/systeminfo"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"bibun/internal/browser"
)

// maxTabMemory is the most memory the tab may take at the largest
// settings with backprop, as the README's Limits states.
const maxTabMemory = 1 << 30 // bytes

// TestLargestSettingsMemory runs a backprop step at the largest settings
// (size 1024, hidden 512, train, test and batch 5000, 8 workers) and checks
// that the tab's renderer process, which runs the page and its workers,
// never held more than maxTabMemory: its peak resident memory (VmHWM).
func TestLargestSettingsMemory(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("needs Linux's /proc to read a process's memory")
	}
	b := newBrowser(t, false)
	largest := "v=1&grad=backprop&size=1024&hidden=512&batch=5000&lr=0.1&h=0.0001&steps=1&train=5000&test=5000&std=0.01&seed=1&workers=8"
	tab, con := openIn(t, b, serverURL, largest)
	start := time.Now()
	click(t, tab, "run")
	waitState(t, tab, "done")
	t.Logf("one backprop step at the largest settings with 8 workers: done in %v", time.Since(start).Round(time.Second))
	checkSteps(t, readTable(t, tab), 1)

	procs, err := chromedp.CallBrowser(tab.Context(), systeminfo.GetProcessInfo, cdp.Empty{})
	if err != nil {
		t.Fatalf("listing the browser's processes: %v", err)
	}
	var renderer int // the renderer running dedicated workers: the page's
	for _, p := range procs.ProcessInfo {
		pid := int(p.ID)
		peak, now := processMemory(t, pid)
		workers := browser.WorkerThreads(pid)
		t.Logf("%s process %d: peak %d MB, now %d MB, %d worker threads", p.Type, pid, peak>>20, now>>20, workers)
		if p.Type == "renderer" && workers > 0 {
			if renderer != 0 {
				t.Fatalf("renderers %d and %d both run workers", renderer, pid)
			}
			renderer = pid
		}
	}
	if renderer == 0 {
		t.Fatal("no renderer process runs the page's workers")
	}
	peak, _ := processMemory(t, renderer)
	t.Logf("the tab's peak memory: %d MB (limit %d MB)", peak>>20, maxTabMemory>>20)
	if peak > maxTabMemory {
		t.Errorf("the tab's renderer peaked at %d MB, above the %d MB the README states", peak>>20, maxTabMemory>>20)
	}
	noConsoleErrors(t, con)
}

// processMemory returns the peak and current resident memory of process
// pid, in bytes (browser.ProcessMemory); it fails the test if it cannot.
func processMemory(t *testing.T, pid int) (peak, now int64) {
	t.Helper()
	now, peak, err := browser.ProcessMemory(pid)
	check(t, err)
	return peak, now
}

// TestBackgroundTab: a run goes on while its tab is hidden behind another,
// in a browser that throttles hidden tabs, and the page shows it all when
// the tab comes back. The page renders on animation frames, which a hidden
// tab does not get; the workers' messages, counted as they arrive
// (spyScript), show the training going on.
func TestBackgroundTab(t *testing.T) {
	const steps = 8
	link := with(article, "steps="+strconv.Itoa(steps), "workers=2")
	visible := run(t, link, steps)

	b := newBrowser(t, true)
	tab, con := openIn(t, b, serverURL, link, spyScript)
	click(t, tab, "run")
	front := switchTo(t, tab, "")
	waitTrue(t, tab, `document.visibilityState === 'hidden'`, shortTimeout, "the page's tab to be hidden behind a new one")
	n := strconv.Itoa(steps)
	waitTrue(t, tab, `window.__bibunMeasured >= `+n+` || document.visibilityState !== 'hidden'`, runTimeout,
		n+" steps measured in a hidden tab")
	if v := eval[string](t, tab, `document.visibilityState`); v != "hidden" {
		t.Fatalf("the tab became %s during the run", v)
	}
	t.Logf("while hidden: %d steps measured, %d rows shown, state %s", steps, rowCount(t, tab), state(t, tab))

	switchTo(t, tab, chromedp.FromContext(tab.Context()).Target.TargetID)
	closeTarget(t, tab, front)
	waitTrue(t, tab, `document.visibilityState === 'visible'`, shortTimeout, "the page's tab to be shown again")
	waitState(t, tab, "done")
	hidden := readTable(t, tab)
	checkSteps(t, hidden, steps)
	sameTables(t, "the run in a visible tab", visible, "the run in a hidden tab", hidden, browser.ColGradMs)
	noConsoleErrors(t, con)
}

// switchTo brings tab id to the front of its window, or, when id is "",
// opens a new blank tab in front; it returns the tab in front.
func switchTo(t *testing.T, tab *browser.Tab, id target.ID) target.ID {
	t.Helper()
	if id == "" {
		r, err := chromedp.CallBrowser(tab.Context(), target.CreateTarget, target.CreateTargetParams{URL: "about:blank"})
		if err != nil {
			t.Fatalf("opening a new tab: %v", err)
		}
		id = r.TargetID
	}
	_, err := chromedp.CallBrowser(tab.Context(), target.ActivateTarget, target.ActivateTargetParams{TargetID: id})
	if err != nil {
		t.Fatalf("bringing a tab to the front: %v", err)
	}
	return id
}

// closeTarget closes tab id.
func closeTarget(t *testing.T, tab *browser.Tab, id target.ID) {
	t.Helper()
	if _, err := chromedp.CallBrowser(tab.Context(), target.CloseTarget, target.CloseTargetParams{TargetID: id}); err != nil {
		t.Fatalf("closing tab %s: %v", id, err)
	}
}
