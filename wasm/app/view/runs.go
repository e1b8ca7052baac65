package view

import (
	"strings"

	"github.com/hexops/vecty"

	"bibun/nn/spec"
	"bibun/wasm/app/text"
	"bibun/wasm/record"
)

// runsText names the runs a chart compares.
var runsText = text.Table[struct{ This, Saved, Same string }]{
	text.English:  {This: "this run", Saved: "saved run", Same: "same settings"},
	text.Japanese: {This: "この実行", Saved: "保存した実行", Same: "同じ設定"},
}

// pinnedRun is a pinned run as the charts and the table show it: named by
// the settings in which it differs from the run on the page.
type pinnedRun struct {
	Label string
	Rows  []spec.Metrics
}

// maxLabelSettings is how many differing settings a pin's name lists.
const maxLabelSettings = 3

// pinnedRuns names each pin by the settings in which it differs from c:
// "lr 0.5", "numerical", "hidden 32, lr 0.5"; "same settings" if none.
func pinnedRuns(pins []record.Run, c spec.Config, lang text.Lang) []pinnedRun {
	if len(pins) == 0 {
		return nil
	}
	out := make([]pinnedRun, len(pins))
	for i, p := range pins {
		var parts []string
		for _, s := range record.Differences(c, p.Config) {
			if s.Key == "grad" {
				parts = append(parts, methodName(lang, spec.Method(s.Value)))
			} else {
				parts = append(parts, s.Key+" "+s.Value)
			}
		}
		if len(parts) > maxLabelSettings {
			parts = append(parts[:maxLabelSettings], "…")
		}
		label := strings.Join(parts, ", ")
		if label == "" {
			label = runsText[lang].Same
		}
		out[i] = pinnedRun{Label: label, Rows: p.Rows}
	}
	return out
}

// samePins reports whether a and b name and hold the same runs (pins are
// replaced, never changed in place).
func samePins(a, b []pinnedRun) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Label != b[i].Label || !sameRows(a[i].Rows, b[i].Rows) {
			return false
		}
	}
	return true
}

// runSteps returns the steps a chart's x axis spans: the run's, or the
// longest pinned run's if longer.
func runSteps(steps int, pins []pinnedRun) int {
	for _, p := range pins {
		steps = max(steps, len(p.Rows))
	}
	return max(steps, 1)
}

// runGroup returns the group of a run's lines in a chart: data-series
// "current" for the page's run, "pin-k" for pin k (from 1), which is also
// data-pinned and faded. Its class is "trace", not "run": the page's main
// column is .run, which phones lay out with display: contents, and WebKit
// draws no SVG group whose display is contents.
func runGroup(pin int, lines ...vecty.MarkupOrChild) *vecty.HTML {
	m := vecty.Markup(vecty.Class("trace", "current"), vecty.Data("series", "current"))
	if pin > 0 {
		k := "pin-" + itoa(pin)
		m = vecty.Markup(vecty.Class("trace", "pinned", k), vecty.Data("series", k), vecty.Data("pinned", itoa(pin)))
	}
	return svg("g", append([]vecty.MarkupOrChild{m}, lines...)...)
}

// legendRow is the height of a line of the runs' legend.
const legendRow = 16

// runChart is chart with, when pins are drawn, a legend below the axes
// naming each run: this one (or the saved run, when shown), then the
// pins. The legend is part of the SVG, so that a chart saved as a picture
// still says which line is which.
func runChart(title string, axes vecty.Component, lang text.Lang, saved bool, pins []pinnedRun, series ...vecty.MarkupOrChild) *vecty.HTML {
	if len(pins) == 0 {
		return chart(title, axes, series...)
	}
	txt := runsText[lang]
	this := txt.This
	if saved {
		this = txt.Saved
	}
	h := plotH + 6 + legendRow*float64(len(pins)+1)
	legend := []vecty.MarkupOrChild{attrs("class", "run-legend")}
	for i, name := range append([]string{this}, labels(pins)...) {
		class := "current"
		if i > 0 {
			class = "pinned pin-" + itoa(i)
		}
		y := plotH + 4 + legendRow*float64(i)
		legend = append(legend, svg("g", attrs("class", "legend "+class),
			svg("line", attrs("class", "series swatch", "x1", coord(marginL), "x2", coord(marginL+22), "y1", coord(y), "y2", coord(y))),
			svg("text", attrs("class", "tick", "x", coord(marginL+30), "y", coord(y), "dominant-baseline", "middle"), vecty.Text(name))))
	}
	return svg("svg", append([]vecty.MarkupOrChild{
		vecty.Markup(vecty.Attribute("viewBox", "0 0 "+itoa(plotW)+" "+coord(h)), vecty.Attribute("role", "img"),
			vecty.Attribute("aria-label", title+": "+strings.Join(append([]string{this}, labels(pins)...), ", ")), vecty.Class("chart")),
		svg("title", vecty.Text(title)),
		axes,
		svg("g", legend...),
	}, series...)...)
}

// labels returns the pins' names.
func labels(pins []pinnedRun) []string {
	out := make([]string, len(pins))
	for i, p := range pins {
		out[i] = p.Label
	}
	return out
}
