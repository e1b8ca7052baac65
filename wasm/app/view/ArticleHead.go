package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
)

// ArticleHead is the head of ArticleCompare's table: the step, then this
// run's and the article's loss, train and test accuracy.
type ArticleHead struct {
	vecty.Core
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (h *ArticleHead) Render() vecty.ComponentOrHTML {
	txt := articleText[h.Lang]
	th := func(text string, span int) *vecty.HTML {
		return elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "colgroup"), vecty.Attribute("colspan", strconv.Itoa(span))), vecty.Text(text))
	}
	sub := func(text string) *vecty.HTML {
		return elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(text))
	}
	return elem.TableHead(
		elem.TableRow(
			elem.TableHeader(vecty.Markup(vecty.Attribute("rowspan", "2"), vecty.Attribute("scope", "col")), vecty.Text(txt.Step)),
			th(txt.Loss, 2), th(txt.TrainAcc, 2), th(txt.TestAcc, 2)),
		elem.TableRow(sub(txt.Ours), sub(txt.Theirs), sub(txt.Ours), sub(txt.Theirs), sub(txt.Ours), sub(txt.Theirs)),
	)
}

// SkipRender keeps the head while the language stays the same.
func (h *ArticleHead) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*ArticleHead)
	return ok && q.Lang == h.Lang
}
