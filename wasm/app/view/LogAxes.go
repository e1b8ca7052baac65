package view

import (
	"math"
	"slices"

	"github.com/hexops/vecty"

	"bibun/wasm/app/format"
)

// LogAxes draws the axes of a log-log chart, a tick and a label at each
// decade, and its legend.
type LogAxes struct {
	vecty.Core
	Plot   logPlot     `vecty:"prop"`
	XLabel string      `vecty:"prop"`
	YLabel string      `vecty:"prop"`
	Legend [][2]string `vecty:"prop"` // the class and the name of each series, if more than one
}

// Render implements vecty.Component.
func (a *LogAxes) Render() vecty.ComponentOrHTML {
	p := a.Plot
	var parts []vecty.MarkupOrChild
	for d := p.y0; d <= p.y1; d++ {
		y := coord(p.y(math.Pow10(d)))
		parts = append(parts,
			svg("line", attrs("class", "grid", "x1", coord(marginL), "x2", coord(plotW-marginR), "y1", y, "y2", y)),
			svg("text", attrs("class", "tick", "x", coord(marginL-6), "y", y, "text-anchor", "end", "dominant-baseline", "middle"),
				vecty.Text(format.Pow10(d))))
	}
	for d := p.x0; d <= p.x1; d++ {
		x := coord(p.x(math.Pow10(d)))
		parts = append(parts,
			svg("line", attrs("class", "grid", "x1", x, "x2", x, "y1", coord(marginT), "y2", coord(plotH-marginB))),
			svg("text", attrs("class", "tick", "x", x, "y", coord(plotH-marginB+16), "text-anchor", "middle"),
				vecty.Text(format.Pow10(d))))
	}
	parts = append(parts, frame(a.XLabel, a.YLabel)...)
	for i, l := range a.Legend {
		x, y := marginL+12.0, marginT+12.0+16*float64(i)
		parts = append(parts, legendItem(x, y, l[0], l[1]))
	}
	return svg("g", append([]vecty.MarkupOrChild{attrs("class", "axes")}, parts...)...)
}

// SkipRender skips the axes while their ranges, labels and legend stay the same.
func (a *LogAxes) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*LogAxes)
	return ok && p.Plot == a.Plot && p.XLabel == a.XLabel && p.YLabel == a.YLabel && slices.Equal(p.Legend, a.Legend)
}
