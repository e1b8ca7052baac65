package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
)

// MetricsRow shows the figures of one step, rounded for reading, each with
// its full value in data-value.
type MetricsRow struct {
	vecty.Core
	Metrics spec.Metrics `vecty:"prop"`
	Lang    text.Lang    `vecty:"prop"` // of the gradient time's units
	Besides bool         `vecty:"prop"` // the table shows a pinned run's loss beside
	Beside  string       `vecty:"prop"` // its loss at this step, in full; "" if it took no such step
}

// Render implements vecty.Component.
func (r *MetricsRow) Render() vecty.ComponentOrHTML {
	m := r.Metrics
	td := func(col, value, shown string) *vecty.HTML {
		return elem.TableData(vecty.Markup(vecty.Data("col", col), vecty.Data("value", value)), vecty.Text(shown))
	}
	return elem.TableRow(vecty.Markup(vecty.Data("step", strconv.Itoa(m.Step))),
		elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "row")), vecty.Text(strconv.Itoa(m.Step))),
		td("loss", format.Full(m.Loss), format.Digits(m.Loss, 6)),
		td("train-acc", format.Full(m.TrainAcc), strconv.FormatFloat(m.TrainAcc, 'f', 4, 64)),
		td("test-acc", format.Full(m.TestAcc), strconv.FormatFloat(m.TestAcc, 'f', 4, 64)),
		td("evals", strconv.Itoa(m.Evals), format.Count(m.Evals)),
		td("grad-ms", format.Full(m.GradMs), duration(r.Lang, format.Milliseconds(m.GradMs))),
		vecty.If(r.Besides, r.renderBeside()),
	)
}

// renderBeside shows the pinned run's loss at this step, "—" if it took no
// such step.
func (r *MetricsRow) renderBeside() *vecty.HTML {
	shown := "—"
	if r.Beside != "" {
		x, _ := strconv.ParseFloat(r.Beside, 64)
		shown = format.Digits(x, 6)
	}
	return elem.TableData(vecty.Markup(vecty.Class("beside"), vecty.Data("col", "beside-loss"), vecty.Data("value", r.Beside)), vecty.Text(shown))
}

// SkipRender skips a row whose figures have not changed: the table keeps
// hundreds of rows, and only the newest is new.
func (r *MetricsRow) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*MetricsRow)
	return ok && p.Metrics == r.Metrics && p.Lang == r.Lang && p.Besides == r.Besides && p.Beside == r.Beside
}
