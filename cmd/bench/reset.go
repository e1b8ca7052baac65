package main

import (
	"fmt"
	"strings"

	"bibun/internal/browser"
)

// resetRounds is how many numerical steps reset stops.
const resetRounds = 3

// reset measures how fast Reset stops a numerical step of the article's
// network, 33,156 forward passes on 2 workers (README, Limits): from the
// click reaching the button to the page showing idle with its progress
// cleared, in the page's own clock. Each round starts a step, waits until
// its progress passes 0 and resets; the figure is the median of the
// rounds, under 300 ms.
func (p *Page) reset() Result {
	r := Result{Group: GroupPage, Method: "page: Reset during a numerical step",
		Settings: fmt.Sprintf("article, numerical; click → idle with the progress cleared, median of %d", resetRounds),
		Where:    "chromium", Workers: 2, Target: "< 300 ms"}
	tab, err := p.open(with(article, "grad=numerical", "workers=2"), false)
	if err != nil {
		return r.failed(err)
	}
	defer tab.Close()
	var ms []float64
	var each []string
	for i := range resetRounds {
		p.progress("chromium: Reset during a numerical step, %d of %d", i+1, resetRounds)
		err := tab.WaitEnabled("run", loadTimeout)
		if err == nil {
			err = tab.Click("run")
		}
		if err == nil {
			err = tab.WaitTrue(`+(`+browser.ProgressExpr+`) > 0`, quickRun, "the numerical step's progress to pass 0")
		}
		var t float64
		if err == nil {
			t, err = tab.TimeReset(loadTimeout)
		}
		if err != nil {
			return r.failed(fmt.Errorf("round %d: %w", i+1, err))
		}
		ms, each = append(ms, t), append(each, fmt.Sprintf("%.0f", t))
	}
	m := median(ms)
	r.Value = fmt.Sprintf("%.0f ms (rounds: %s ms)", m, strings.Join(each, ", "))
	r.Verdict = verdict(m < 300)
	return r
}
