package view

import (
	"math"
	"strings"

	"github.com/hexops/vecty"
)

// logPlot maps data to the chart area on log-log axes: the decades
// 10^x0 … 10^x1 across, 10^y0 … 10^y1 up.
type logPlot struct {
	x0, x1 int
	y0, y1 int
}

func (p logPlot) x(v float64) float64 {
	return marginL + (math.Log10(v)-float64(p.x0))/float64(p.x1-p.x0)*(plotW-marginL-marginR)
}

// y returns the height of v, values below the axis on the axis.
func (p logPlot) y(v float64) float64 {
	lv := max(math.Log10(v), float64(p.y0))
	return plotH - marginB - (lv-float64(p.y0))/float64(p.y1-p.y0)*(plotH-marginT-marginB)
}

// decades returns the whole decades that hold every positive value of vs,
// at least min wide: floor(log10 of the least), ceil(log10 of the most).
func decades(vs []float64, min int) (lo, hi int) {
	least, most := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if v > 0 {
			least, most = math.Min(least, v), math.Max(most, v)
		}
	}
	if math.IsInf(least, 0) {
		return 0, min
	}
	// A value within a twentieth of a decade of an edge gets a decade more room.
	lo, hi = int(math.Floor(math.Log10(least)-0.05)), int(math.Ceil(math.Log10(most)+0.05))
	for hi-lo < min {
		hi++
		if hi-lo < min {
			lo--
		}
	}
	return lo, hi
}

// polyline returns a line through the points (xs[i], ys[i]).
func (p logPlot) polyline(class string, xs, ys []float64) *vecty.HTML {
	var b strings.Builder
	for i := range xs {
		b.WriteString(coord(p.x(xs[i])) + "," + coord(p.y(ys[i])) + " ")
	}
	return svg("polyline", attrs("class", "series "+class, "points", strings.TrimSpace(b.String())))
}
