package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
)

// tablePagerText is every string TablePager shows.
var tablePagerText = text.Table[struct {
	Label, First, Prev, Next, Newest string
	Shown                            func(first, last, total string) string
}]{
	text.English: {Label: "Pages of the table", First: "First", Prev: "Previous", Next: "Next", Newest: "Newest",
		Shown: func(first, last, total string) string { return "Steps " + first + "–" + last + " of " + total }},
	text.Japanese: {Label: "表のページ", First: "最初", Prev: "前へ", Next: "次へ", Newest: "最新",
		Shown: func(first, last, total string) string {
			return "全 " + total + " ステップ中 " + first + "〜" + last + " ステップ"
		}},
}

// TablePager moves through the pages of a long run's table. On the last
// page it follows the newest step.
type TablePager struct {
	vecty.Core
	Page   int       `vecty:"prop"` // the page shown, from 1
	Pages  int       `vecty:"prop"`
	First  int       `vecty:"prop"` // its first step
	Last   int       `vecty:"prop"` // its last step
	Total  int       `vecty:"prop"` // steps in the table
	Follow bool      `vecty:"prop"` // the page follows the newest step
	Lang   text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (p *TablePager) Render() vecty.ComponentOrHTML {
	txt := tablePagerText[p.Lang]
	button := func(id, label string, to int, enabled bool) *vecty.HTML {
		return elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", id),
			vecty.Property("disabled", !enabled), event.Click(func(*vecty.Event) {
				if to >= p.Pages {
					to = 0 // the last page follows the newest step
				}
				dispatcher.Dispatch(&action.ShowPage{Page: to})
			})), vecty.Text(label))
	}
	return elem.Navigation(vecty.Markup(vecty.Class("pager"), vecty.Attribute("aria-label", txt.Label)),
		button("page-first", txt.First, 1, p.Page > 1),
		button("page-prev", txt.Prev, p.Page-1, p.Page > 1),
		elem.Span(vecty.Markup(vecty.Data("testid", "table-page"), vecty.Data("page", strconv.Itoa(p.Page)),
			vecty.Data("pages", strconv.Itoa(p.Pages)), vecty.Attribute("aria-live", "off")),
			vecty.Text(txt.Shown(format.Count(p.First), format.Count(p.Last), format.Count(p.Total)))),
		button("page-next", txt.Next, p.Page+1, p.Page < p.Pages),
		button("page-last", txt.Newest, p.Pages, !p.Follow),
	)
}

// SkipRender skips the pager while its page and counts stay the same.
func (p *TablePager) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*TablePager)
	return ok && q.Page == p.Page && q.Pages == p.Pages && q.First == p.First && q.Last == p.Last &&
		q.Total == p.Total && q.Follow == p.Follow && q.Lang == p.Lang
}
