package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
)

// MetricsBlock shows consecutive steps of the metrics table as one tbody.
type MetricsBlock struct {
	vecty.Core
	Rows    []spec.Metrics `vecty:"prop"`
	Lang    text.Lang      `vecty:"prop"`
	Besides bool           `vecty:"prop"` // the table shows a pinned run's losses beside
	Beside  []spec.Metrics `vecty:"prop"` // the pinned run's rows of the same steps, as many as it has
}

// Render implements vecty.Component.
func (b *MetricsBlock) Render() vecty.ComponentOrHTML {
	rows := make(vecty.List, len(b.Rows))
	for i, m := range b.Rows {
		r := &MetricsRow{Metrics: m, Lang: b.Lang, Besides: b.Besides}
		if i < len(b.Beside) {
			r.Beside = format.Full(b.Beside[i].Loss)
		}
		rows[i] = r
	}
	return elem.TableBody(rows)
}

// SkipRender skips a block whose rows are all there already.
func (b *MetricsBlock) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*MetricsBlock)
	return ok && p.Lang == b.Lang && sameRows(p.Rows, b.Rows) && p.Besides == b.Besides && sameRows(p.Beside, b.Beside)
}
