package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
)

// ArticleLegend names the four lines of ArticleCompare's chart.
type ArticleLegend struct {
	vecty.Core
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (l *ArticleLegend) Render() vecty.ComponentOrHTML {
	classes := [4]string{"loss", "article-loss", "test", "article-test"}
	items := make(vecty.List, len(classes))
	for i, c := range classes {
		items[i] = elem.ListItem(elem.Span(vecty.Markup(vecty.Class("swatch", c))), vecty.Text(articleText[l.Lang].Series[i]))
	}
	return elem.UnorderedList(vecty.Markup(vecty.Class("chart-legend")), items)
}

// SkipRender keeps the legend while the language stays the same.
func (l *ArticleLegend) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*ArticleLegend)
	return ok && q.Lang == l.Lang
}
