package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
)

// blockRows is how many rows a MetricsBlock holds: a new step re-renders
// the table's blocks and the rows of its last block, not every row.
const blockRows = 50

// MetricsTable shows one row of figures per step taken.
type MetricsTable struct {
	vecty.Core
	Rows []spec.Metrics `vecty:"prop"`
}

// Render implements vecty.Component.
func (t *MetricsTable) Render() vecty.ComponentOrHTML {
	var blocks vecty.List
	for lo := 0; lo < len(t.Rows); lo += blockRows {
		blocks = append(blocks, &MetricsBlock{Rows: t.Rows[lo:min(lo+blockRows, len(t.Rows))]})
	}
	return elem.Section(vecty.Markup(vecty.Class("metrics")),
		elem.Heading2(vecty.Text("Each step")),
		elem.Div(vecty.Markup(vecty.Class("table-scroll"), vecty.Attribute("tabindex", "0"), vecty.Attribute("role", "region"),
			vecty.Attribute("aria-label", "metrics of each step")),
			elem.Table(vecty.Markup(vecty.Data("testid", "metrics")),
				&MetricsHead{},
				blocks,
			),
		),
		vecty.If(len(t.Rows) == 0, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text("No steps yet: press Run or Step."))),
	)
}

// SkipRender skips the table while no step is added or removed.
func (t *MetricsTable) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*MetricsTable)
	return ok && sameRows(q.Rows, t.Rows)
}
