package main

import (
	"fmt"
	"strings"
	"time"

	"bibun/internal/browser"
)

// The loading targets: from navigation to the sample tiles drawn, and no
// task of the main thread longer than this while the page loads (the page
// cannot answer a click or a scroll during one).
const (
	samplesBudget = 1000 // ms, median of the loads
	loadTaskLimit = 200  // ms, median of the loads' longest tasks
)

// loads is how many first visits the loading rows time.
const loads = 5

// settleAfterReady is how long after window.bibunReady the page still
// counts as loading: the workers start, load and post their first
// measurements, each of which the page draws.
const settleAfterReady = 2 * time.Second

// loadTimes, injected at document start, records in window.__benchLoad
// the performance.now() (ms since navigation start) at which 12 sample
// tiles are present with their pictures loaded (samples) and at which
// window.bibunReady is first true (ready).
const loadTimes = `(() => {
	const at = window.__benchLoad = {};
	const drawn = () => {
		const tiles = document.querySelectorAll('[data-testid=sample]');
		if (tiles.length < 12) return false;
		for (const t of tiles)
			for (const img of t.tagName === 'IMG' ? [t] : t.querySelectorAll('img'))
				if (!img.complete || img.naturalWidth === 0) return false;
		return true;
	};
	const check = () => {
		if (at.samples === undefined && drawn()) at.samples = performance.now();
		if (at.ready === undefined && window.bibunReady === true) at.ready = performance.now();
		return at.samples !== undefined && at.ready !== undefined;
	};
	const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
	mo.observe(document, {childList: true, subtree: true, attributes: true});
	document.addEventListener('load', check, true);
	const frame = () => { if (!check()) requestAnimationFrame(frame); };
	requestAnimationFrame(frame);
})()`

// loading measures the page's first visits (cache and service worker
// bypassed), loads times on the article's link: the median time from
// navigation to the 12 sample tiles drawn, and the longest main-thread task
// from navigation to settleAfterReady after window.bibunReady.
func (p *Page) loading() []Result {
	samples := Result{Group: GroupPage, Method: "page: navigation → samples drawn",
		Settings: fmt.Sprintf("article link, cache off, median of %d loads", loads), Where: "chromium",
		Target: fmt.Sprintf("≤ %d ms", samplesBudget)}
	tasks := Result{Group: GroupPage, Method: "page: longest main-thread task while loading",
		Settings: fmt.Sprintf("article link, cache off, navigation to %v after ready, median of %d loads", settleAfterReady, loads),
		Where:    "chromium", Target: fmt.Sprintf("≤ %d ms", loadTaskLimit)}
	var drawn, longest []float64
	var drawnAt, longestAt []string
	for i := range loads {
		p.progress("chromium: load %d of %d, timing the sample tiles and the long tasks", i+1, loads)
		s, t, start, err := p.load()
		if err != nil {
			err = fmt.Errorf("load %d: %w", i+1, err)
			return []Result{samples.failed(err), tasks.failed(err)}
		}
		drawn, longest = append(drawn, s), append(longest, t)
		drawnAt = append(drawnAt, fmt.Sprintf("%.0f", s))
		if t == 0 {
			longestAt = append(longestAt, "none over 50")
		} else {
			longestAt = append(longestAt, fmt.Sprintf("%.0f at %.0f", t, start))
		}
	}
	m := median(drawn)
	samples.Value = fmt.Sprintf("%.0f ms (loads: %s ms)", m, strings.Join(drawnAt, ", "))
	samples.Verdict = verdict(m <= samplesBudget)
	m = median(longest)
	tasks.Value = fmt.Sprintf("%.0f ms (each load's longest, ms, and when it began: %s)", m, strings.Join(longestAt, "; "))
	tasks.Verdict = verdict(m <= loadTaskLimit)
	return []Result{samples, tasks}
}

// load opens the article's link once as a first visit and returns when the
// samples were drawn, and the longest main-thread task while loading (0
// when none passed 50 ms) with its start, all in ms since navigation.
func (p *Page) load() (samples, longest, start float64, err error) {
	tab, err := p.open(article, true, loadTimes, browser.LongTasks)
	if err != nil {
		return 0, 0, 0, err
	}
	defer tab.Close()
	if err := tab.WaitTrue(`window.__benchLoad.samples !== undefined && window.__benchLoad.ready !== undefined`,
		loadTimeout, "12 sample tiles drawn"); err != nil {
		return 0, 0, 0, err
	}
	at, err := browser.Eval[map[string]float64](tab, `window.__benchLoad`)
	if err != nil {
		return 0, 0, 0, err
	}
	end := max(at["samples"], at["ready"]) + float64(settleAfterReady.Milliseconds())
	if err := tab.WaitTrue(fmt.Sprintf(`performance.now() > %f`, end), loadTimeout, "the page to settle after loading"); err != nil {
		return 0, 0, 0, err
	}
	all, err := tab.Tasks()
	if err != nil {
		return 0, 0, 0, err
	}
	for _, t := range all {
		if t.Start < end && t.Ms > longest {
			longest, start = t.Ms, t.Start
		}
	}
	return at["samples"], longest, start, nil
}
