package view

import (
	"math"
	"strconv"
	"strings"

	"github.com/hexops/vecty"

	"bibun/wasm/app/trace"
)

// svgNS is the namespace every SVG element must be created in.
const svgNS = "http://www.w3.org/2000/svg"

// svg returns an SVG element.
func svg(tag string, markup ...vecty.MarkupOrChild) *vecty.HTML {
	return vecty.Tag(tag, append([]vecty.MarkupOrChild{vecty.Markup(vecty.Namespace(svgNS))}, markup...)...)
}

// attrs returns SVG attributes from name, value pairs.
func attrs(pairs ...string) vecty.MarkupList {
	m := make([]vecty.Applyer, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m = append(m, vecty.Attribute(pairs[i], pairs[i+1]))
	}
	return vecty.Markup(m...)
}

// The chart area, in viewBox units: the plot inside its margins. The left
// margin holds the y axis's label (centred at yLabelX) and its tick labels
// side by side at the presenter's view's sizes too (17 and 15 px: "0.60"
// and "10⁻¹¹" end 6 units left of the axis and start past x = 20).
const (
	plotW, plotH                       = 480, 220
	marginL, marginR, marginT, marginB = 60, 14, 12, 38
	yLabelX                            = 10
)

// plot maps data (step, value) to the chart area.
type plot struct {
	x0, x1 float64 // steps shown
	y0, y1 float64 // values shown
}

func (p plot) x(v float64) float64 {
	return marginL + (v-p.x0)/(p.x1-p.x0)*(plotW-marginL-marginR)
}

func (p plot) y(v float64) float64 {
	return plotH - marginB - (v-p.y0)/(p.y1-p.y0)*(plotH-marginT-marginB)
}

// chart returns the svg element of a chart: its axes (a *ChartAxes or a
// *LogAxes), then its series.
func chart(title string, axes vecty.Component, series ...vecty.MarkupOrChild) *vecty.HTML {
	return svg("svg", append([]vecty.MarkupOrChild{
		vecty.Markup(vecty.Attribute("viewBox", "0 0 "+itoa(plotW)+" "+itoa(plotH)), vecty.Attribute("role", "img"),
			vecty.Attribute("aria-label", title), vecty.Class("chart")),
		svg("title", vecty.Text(title)),
		axes,
	}, series...)...)
}

// frame returns a chart's two axis lines, along the bottom and the left of
// the chart area, and their labels.
func frame(xLabel, yLabel string) []vecty.MarkupOrChild {
	return []vecty.MarkupOrChild{
		svg("line", attrs("class", "axis", "x1", coord(marginL), "x2", coord(plotW-marginR), "y1", coord(plotH-marginB), "y2", coord(plotH-marginB))),
		svg("line", attrs("class", "axis", "x1", coord(marginL), "x2", coord(marginL), "y1", coord(marginT), "y2", coord(plotH-marginB))),
		svg("text", attrs("class", "axis-label", "x", coord((marginL+plotW-marginR)/2), "y", coord(plotH-4), "text-anchor", "middle"),
			vecty.Text(xLabel)),
		svg("text", attrs("class", "axis-label", "transform", "translate("+coord(yLabelX)+" "+coord((marginT+plotH-marginB)/2)+") rotate(-90)", "text-anchor", "middle"),
			vecty.Text(yLabel)),
	}
}

// legendItem is one line of a chart's legend at (x, y): a stroke of the
// series' class and its label.
func legendItem(x, y float64, class, label string) *vecty.HTML {
	return svg("g", attrs("class", "legend"),
		svg("line", attrs("class", "series "+class, "x1", coord(x), "x2", coord(x+18), "y1", coord(y), "y2", coord(y))),
		svg("text", attrs("class", "tick", "x", coord(x+24), "y", coord(y), "dominant-baseline", "middle"), vecty.Text(label)))
}

// line returns a polyline through (step, value(step)) for steps 1…n of
// values, starting at (0, start) when start is not NaN. On a long axis it
// draws each span's lowest and highest value (package trace), so that a
// run of any length draws at most about a thousand points.
func (p plot) line(class string, start float64, values []float64) *vecty.HTML {
	idx := trace.Points(values, trace.Span(p.x1-p.x0))
	b := make([]byte, 0, 12*(len(idx)+1))
	point := func(x, y float64) {
		b = strconv.AppendFloat(b, p.x(x), 'f', 1, 64)
		b = append(b, ',')
		b = strconv.AppendFloat(b, p.y(y), 'f', 1, 64)
		b = append(b, ' ')
	}
	if !math.IsNaN(start) {
		point(0, start)
	}
	for _, i := range idx {
		point(float64(i+1), values[i])
	}
	return svg("polyline", attrs("class", "series "+class, "points", strings.TrimSpace(string(b))))
}

// ticks returns round values from lo to hi, about n of them.
func ticks(lo, hi float64, n int) []float64 {
	if !(hi > lo) {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, f := range []float64{2, 5, 10} {
		if step >= raw {
			break
		}
		step = f * mag
	}
	var out []float64
	for t := math.Ceil(lo/step) * step; t <= hi+step*1e-9; t += step {
		out = append(out, math.Round(t/step)*step)
	}
	return out
}

// coord formats a coordinate of the viewBox.
func coord(v float64) string {
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func itoa(n int) string { return strconv.Itoa(n) }
