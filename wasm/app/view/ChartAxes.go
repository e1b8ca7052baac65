package view

import (
	"math"
	"slices"
	"strconv"

	"github.com/hexops/vecty"
)

// ChartAxes draws the axes of a chart, their ticks and labels, and its
// legend: everything but the data, which changes every step.
type ChartAxes struct {
	vecty.Core
	Plot    plot        `vecty:"prop"`
	XLabel  string      `vecty:"prop"` // the steps', in the page's language
	YLabel  string      `vecty:"prop"`
	YDigits int         `vecty:"prop"` // decimals of the y ticks
	Legend  [][2]string `vecty:"prop"` // the class and the name of each series, if more than one
}

// Render implements vecty.Component.
func (a *ChartAxes) Render() vecty.ComponentOrHTML {
	p := a.Plot
	var parts []vecty.MarkupOrChild
	for _, t := range ticks(p.y0, p.y1, 4) {
		y := coord(p.y(t))
		parts = append(parts,
			svg("line", attrs("class", "grid", "x1", coord(marginL), "x2", coord(plotW-marginR), "y1", y, "y2", y)),
			svg("text", attrs("class", "tick", "x", coord(marginL-6), "y", y, "text-anchor", "end", "dominant-baseline", "middle"),
				vecty.Text(strconv.FormatFloat(t, 'f', a.YDigits, 64))))
	}
	for _, t := range ticks(p.x0, p.x1, 6) {
		if t != math.Trunc(t) {
			continue // steps are whole
		}
		x := coord(p.x(t))
		parts = append(parts,
			svg("line", attrs("class", "axis", "x1", x, "x2", x, "y1", coord(plotH-marginB), "y2", coord(plotH-marginB+4))),
			svg("text", attrs("class", "tick", "x", x, "y", coord(plotH-marginB+16), "text-anchor", "middle"),
				vecty.Text(strconv.FormatFloat(t, 'f', -1, 64))))
	}
	parts = append(parts, frame(a.XLabel, a.YLabel)...)
	for i, l := range a.Legend {
		x, y := plotW-marginR-110.0, plotH-marginB-18.0*float64(len(a.Legend)-i)
		parts = append(parts, legendItem(x, y, l[0], l[1]))
	}
	return svg("g", append([]vecty.MarkupOrChild{attrs("class", "axes")}, parts...)...)
}

// SkipRender skips the axes while their ranges stay the same.
func (a *ChartAxes) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*ChartAxes)
	return ok && p.Plot == a.Plot && p.XLabel == a.XLabel && p.YLabel == a.YLabel && p.YDigits == a.YDigits && slices.Equal(p.Legend, a.Legend)
}
