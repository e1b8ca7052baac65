package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/text"
)

// metricsTableText is every string MetricsTable shows; MetricsHead names
// the columns.
var metricsTableText = text.Table[struct{ Title, Region, Empty string }]{
	text.English: {Title: "Each step", Region: "metrics of each step", Empty: "No steps yet: press Run or Step."},
	text.Japanese: {Title: "ステップごとの記録", Region: "各ステップの指標",
		Empty: "まだステップがありません。「実行」か「1 ステップ」を押してください。"},
}

// blockRows is how many rows a MetricsBlock holds: a new step re-renders
// the table's blocks and the rows of its last block, not every row.
const blockRows = 50

// MetricsTable shows one row of figures per step taken.
type MetricsTable struct {
	vecty.Core
	Rows []spec.Metrics `vecty:"prop"`
	Lang text.Lang      `vecty:"prop"`
}

// Render implements vecty.Component.
func (t *MetricsTable) Render() vecty.ComponentOrHTML {
	var blocks vecty.List
	for lo := 0; lo < len(t.Rows); lo += blockRows {
		blocks = append(blocks, &MetricsBlock{Rows: t.Rows[lo:min(lo+blockRows, len(t.Rows))], Lang: t.Lang})
	}
	txt := metricsTableText.In(t.Lang)
	return elem.Section(vecty.Markup(vecty.Class("metrics")),
		elem.Heading2(vecty.Text(txt.Title)),
		elem.Div(vecty.Markup(vecty.Class("table-scroll"), vecty.Attribute("tabindex", "0"), vecty.Attribute("role", "region"),
			vecty.Attribute("aria-label", txt.Region)),
			elem.Table(vecty.Markup(vecty.Data("testid", "metrics")),
				&MetricsHead{Lang: t.Lang},
				blocks,
			),
		),
		vecty.If(len(t.Rows) == 0, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Empty))),
	)
}

// SkipRender skips the table while no step is added or removed.
func (t *MetricsTable) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*MetricsTable)
	return ok && q.Lang == t.Lang && sameRows(q.Rows, t.Rows)
}
