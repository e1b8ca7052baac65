package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// metricsTableText is every string MetricsTable shows; MetricsHead names
// the columns.
var metricsTableText = text.Table[struct {
	Title, Region, Empty, Beside, None string
	BesideHead, BesideTitle            func(label string) string
}]{
	text.English: {Title: "Each step", Region: "metrics of each step", Empty: "No steps yet: press Run or Step.",
		Beside: "Beside the loss:", None: "nothing",
		BesideHead:  func(label string) string { return "loss (" + label + ")" },
		BesideTitle: func(label string) string { return "the loss of the pinned run " + label + " at the same step" }},
	text.Japanese: {Title: "ステップごとの記録", Region: "各ステップの指標",
		Empty:  "まだステップがありません。「実行」か「1 ステップ」を押してください。",
		Beside: "損失の横に表示：", None: "なし",
		BesideHead: func(label string) string { return "損失（" + label + "）" },
		BesideTitle: func(label string) string {
			return "固定した実行「" + label + "」の同じステップの損失"
		}},
}

// blockRows is how many rows a MetricsBlock holds: a new step re-renders
// the table's blocks and the rows of its last block, not every row.
const blockRows = 50

// pageRows is how many rows the table shows at once: every row of a run
// of up to pageRows steps; a longer run's in pages (TablePager), so that
// a step's work for the page does not grow with the steps taken. The
// table's data-rows counts every step; data-first and data-last say which
// are shown.
const pageRows = 500

// MetricsTable shows one row of figures per step taken, and beside the
// loss, if asked, a pinned run's.
type MetricsTable struct {
	vecty.Core
	Rows   []spec.Metrics `vecty:"prop"`
	Lang   text.Lang      `vecty:"prop"`
	Page   int            `vecty:"prop"` // the page asked for, from 1; 0 follows the newest step
	Pins   []pinnedRun    `vecty:"prop"`
	Beside int            `vecty:"prop"` // the pin (from 1) whose losses are shown beside; 0 none
}

// Render implements vecty.Component.
func (t *MetricsTable) Render() vecty.ComponentOrHTML {
	txt := metricsTableText[t.Lang]
	n := len(t.Rows)
	pages := max(1, (n+pageRows-1)/pageRows)
	page := t.Page
	if page < 1 || page > pages {
		page = pages
	}
	lo, hi := (page-1)*pageRows, min(page*pageRows, n)
	var beside []spec.Metrics
	head := ""
	if k := t.Beside; k >= 1 && k <= len(t.Pins) {
		beside, head = t.Pins[k-1].Rows, txt.BesideHead(t.Pins[k-1].Label)
	}
	var blocks vecty.List
	for b := lo; b < hi; b += blockRows {
		e := min(b+blockRows, hi)
		blocks = append(blocks, &MetricsBlock{Rows: t.Rows[b:e], Lang: t.Lang, Besides: head != "",
			Beside: beside[min(b, len(beside)):min(e, len(beside))]})
	}
	var title string
	if head != "" {
		title = txt.BesideTitle(t.Pins[t.Beside-1].Label)
	}
	return elem.Section(vecty.Markup(vecty.Class("metrics")),
		elem.Heading2(vecty.Text(txt.Title)),
		t.renderBeside(),
		vecty.If(n > pageRows, &TablePager{Page: page, Pages: pages, First: lo + 1, Last: hi, Total: n,
			Follow: t.Page < 1 || t.Page >= pages, Lang: t.Lang}),
		elem.Div(vecty.Markup(vecty.Class("table-scroll"), vecty.Attribute("tabindex", "0"), vecty.Attribute("role", "region"),
			vecty.Attribute("aria-label", txt.Region)),
			elem.Table(vecty.Markup(vecty.Data("testid", "metrics"), vecty.Data("rows", strconv.Itoa(n)),
				vecty.Data("first", strconv.Itoa(min(lo+1, n))), vecty.Data("last", strconv.Itoa(hi))),
				&MetricsHead{Lang: t.Lang, Beside: head, BesideTitle: title},
				blocks,
			),
		),
		vecty.If(n == 0, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Empty))),
	)
}

// renderBeside offers the pinned runs' losses beside the table's, when
// there are pins.
func (t *MetricsTable) renderBeside() vecty.MarkupOrChild {
	if len(t.Pins) == 0 {
		return nil
	}
	txt := metricsTableText[t.Lang]
	options := vecty.List{elem.Option(vecty.Markup(prop.Value("0"), vecty.Property("selected", t.Beside == 0)), vecty.Text(txt.None))}
	for i, p := range t.Pins {
		options = append(options, elem.Option(vecty.Markup(prop.Value(strconv.Itoa(i+1)), vecty.Property("selected", t.Beside == i+1)),
			vecty.Text(p.Label)))
	}
	return elem.Div(vecty.Markup(vecty.Class("beside")),
		elem.Label(vecty.Markup(prop.For("ctl-beside")), vecty.Text(txt.Beside)),
		elem.Select(vecty.Markup(prop.ID("ctl-beside"), vecty.Data("testid", "beside"), event.Change(t.onBeside)), options),
	)
}

func (t *MetricsTable) onBeside(e *vecty.Event) {
	k, _ := strconv.Atoi(e.Target.Get("value").String())
	dispatcher.Dispatch(&action.ShowBeside{Pin: k})
}

// SkipRender skips the table while no step is added or removed, and the
// page, the pins and what is beside stay the same.
func (t *MetricsTable) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*MetricsTable)
	return ok && q.Lang == t.Lang && sameRows(q.Rows, t.Rows) && q.Page == t.Page && q.Beside == t.Beside && samePins(q.Pins, t.Pins)
}
