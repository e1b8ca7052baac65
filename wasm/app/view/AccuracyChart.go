package view

import (
	"math"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/text"
)

// accuracyChartText is every string AccuracyChart shows.
var accuracyChartText = text.Table[struct{ Title, XLabel, YLabel, Train, Test, Caption string }]{
	text.English: {Title: "Accuracy on the training and test sets", XLabel: "step", YLabel: "accuracy",
		Train: "training set", Test: "test set",
		Caption: "Accuracy: the share of samples classified right, on the whole training set and the whole test set."},
	text.Japanese: {Title: "訓練データとテストデータでの正解率", XLabel: "ステップ", YLabel: "正解率",
		Train: "訓練データ", Test: "テストデータ",
		Caption: "正解率：正しく分類できたサンプルの割合です。訓練データ全体とテストデータ全体で測っています。"},
}

// AccuracyChart draws the accuracy on the training and the test set
// against the step: the run's, and the pinned runs' faded beside it.
type AccuracyChart struct {
	vecty.Core
	Rows  []spec.Metrics `vecty:"prop"`
	Lang  text.Lang      `vecty:"prop"`
	Steps int            `vecty:"prop"` // steps of the whole run: the x axis
	Pins  []pinnedRun    `vecty:"prop"`
	Saved bool           `vecty:"prop"` // the rows are a saved run's, as it was saved
}

// Render implements vecty.Component.
func (c *AccuracyChart) Render() vecty.ComponentOrHTML {
	txt := accuracyChartText[c.Lang]
	p := plot{x0: 0, x1: float64(runSteps(c.Steps, c.Pins)), y0: 0, y1: 1}
	lines := func(rows []spec.Metrics) []vecty.MarkupOrChild {
		train := make([]float64, len(rows))
		test := make([]float64, len(rows))
		for i, m := range rows {
			train[i], test[i] = m.TrainAcc, m.TestAcc
		}
		return []vecty.MarkupOrChild{p.line("train", math.NaN(), train), p.line("test", math.NaN(), test)}
	}
	var series []vecty.MarkupOrChild
	for i, pin := range c.Pins {
		series = append(series, runGroup(i+1, lines(pin.Rows)...))
	}
	if len(c.Rows) > 0 {
		series = append(series, runGroup(0, lines(c.Rows)...))
	}
	return elem.Figure(vecty.Markup(vecty.Class("chart-box"), vecty.Data("chart", "accuracy")),
		runChart(txt.Title,
			&ChartAxes{Plot: p, XLabel: txt.XLabel, YLabel: txt.YLabel, YDigits: 1, Legend: [][2]string{{"train", txt.Train}, {"test", txt.Test}}},
			c.Lang, c.Saved, c.Pins, series...),
		elem.FigureCaption(vecty.Text(txt.Caption)),
	)
}

// SkipRender skips the chart while its rows, axis and language stay the same.
func (c *AccuracyChart) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*AccuracyChart)
	return ok && sameRows(p.Rows, c.Rows) && p.Steps == c.Steps && p.Lang == c.Lang && samePins(p.Pins, c.Pins) && p.Saved == c.Saved
}
