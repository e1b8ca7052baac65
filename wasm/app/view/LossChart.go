package view

import (
	"math"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/text"
)

// lossChartText is every string LossChart shows.
var lossChartText = text.Table[struct{ Title, XLabel, YLabel, Caption string }]{
	text.English: {Title: "Loss on each step's batch", XLabel: "step", YLabel: "loss",
		Caption: "Loss: mean cross-entropy on the step's batch. Guessing gives ln 2 ≈ 0.69."},
	text.Japanese: {Title: "各ステップのバッチでの損失", XLabel: "ステップ", YLabel: "損失",
		Caption: "損失：そのステップのバッチでの平均交差エントロピーです。当てずっぽうなら ln 2 ≈ 0.69 になります。"},
}

// LossChart draws the batch loss against the step: the run's, and the
// pinned runs' faded beside it.
type LossChart struct {
	vecty.Core
	Rows  []spec.Metrics `vecty:"prop"`
	Lang  text.Lang      `vecty:"prop"`
	Steps int            `vecty:"prop"` // steps of the whole run: the x axis
	Pins  []pinnedRun    `vecty:"prop"`
	Saved bool           `vecty:"prop"` // the rows are a saved run's, as it was saved
}

// Render implements vecty.Component.
func (c *LossChart) Render() vecty.ComponentOrHTML {
	txt := lossChartText[c.Lang]
	top := math.Ln2 // the loss of a network that cannot tell the classes apart
	losses := func(rows []spec.Metrics) []float64 {
		loss := make([]float64, len(rows))
		for i, m := range rows {
			loss[i] = m.Loss
			top = max(top, m.Loss)
		}
		return loss
	}
	loss := losses(c.Rows)
	pinned := make([][]float64, len(c.Pins))
	for i, pin := range c.Pins {
		pinned[i] = losses(pin.Rows)
	}
	t := ticks(0, top, 4)
	p := plot{x0: 0, x1: float64(runSteps(c.Steps, c.Pins)), y0: 0, y1: max(top, t[len(t)-1])}
	var series []vecty.MarkupOrChild
	for i, l := range pinned {
		series = append(series, runGroup(i+1, p.line("loss", math.NaN(), l)))
	}
	if len(loss) > 0 {
		series = append(series, runGroup(0, p.line("loss", math.NaN(), loss)))
	}
	return elem.Figure(vecty.Markup(vecty.Class("chart-box"), vecty.Data("chart", "loss")),
		runChart(txt.Title, &ChartAxes{Plot: p, XLabel: txt.XLabel, YLabel: txt.YLabel, YDigits: 2}, c.Lang, c.Saved, c.Pins, series...),
		elem.FigureCaption(vecty.Text(txt.Caption)),
	)
}

// SkipRender skips the chart while its rows, axis and language stay the
// same; rows only grow within a run.
func (c *LossChart) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*LossChart)
	return ok && sameRows(p.Rows, c.Rows) && p.Steps == c.Steps && p.Lang == c.Lang && samePins(p.Pins, c.Pins) && p.Saved == c.Saved
}

// sameRows reports whether a and b hold the same steps, judging by their
// count and last row, as rows only grow within a run.
func sameRows(a, b []spec.Metrics) bool {
	return len(a) == len(b) && (len(a) == 0 || a[len(a)-1] == b[len(b)-1])
}
