package view

import (
	"math"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
)

// AccuracyChart draws the accuracy on the training and the test set
// against the step.
type AccuracyChart struct {
	vecty.Core
	Rows  []spec.Metrics `vecty:"prop"`
	Steps int            `vecty:"prop"` // steps of the whole run: the x axis
}

// Render implements vecty.Component.
func (c *AccuracyChart) Render() vecty.ComponentOrHTML {
	train := make([]float64, len(c.Rows))
	test := make([]float64, len(c.Rows))
	for i, m := range c.Rows {
		train[i], test[i] = m.TrainAcc, m.TestAcc
	}
	p := plot{x0: 0, x1: float64(max(c.Steps, 1)), y0: 0, y1: 1}
	var series []vecty.MarkupOrChild
	if len(c.Rows) > 0 {
		series = append(series, p.line("train", math.NaN(), train), p.line("test", math.NaN(), test))
	}
	return elem.Figure(vecty.Markup(vecty.Class("chart-box")),
		chart("Accuracy on the training and test sets",
			&ChartAxes{Plot: p, YLabel: "accuracy", YDigits: 1, Legend: [][2]string{{"train", "training set"}, {"test", "test set"}}},
			series...),
		elem.FigureCaption(vecty.Text("Accuracy: the share of samples classified right, on the whole training set and the whole test set.")),
	)
}

// SkipRender skips the chart while its rows and axis stay the same.
func (c *AccuracyChart) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*AccuracyChart)
	return ok && sameRows(p.Rows, c.Rows) && p.Steps == c.Steps
}
