package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/text"
)

// MetricsBlock shows consecutive steps of the metrics table as one tbody.
type MetricsBlock struct {
	vecty.Core
	Rows []spec.Metrics `vecty:"prop"`
	Lang text.Lang      `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *MetricsBlock) Render() vecty.ComponentOrHTML {
	rows := make(vecty.List, len(b.Rows))
	for i, m := range b.Rows {
		rows[i] = &MetricsRow{Metrics: m, Lang: b.Lang}
	}
	return elem.TableBody(rows)
}

// SkipRender skips a block whose rows are all there already.
func (b *MetricsBlock) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*MetricsBlock)
	return ok && p.Lang == b.Lang && sameRows(p.Rows, b.Rows)
}
