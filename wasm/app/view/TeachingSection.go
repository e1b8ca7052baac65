package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// teachingText is every string TeachingSection shows.
var teachingText = text.Table[struct{ Title, Lead string }]{
	text.English: {
		Title: "Looking inside the gradient",
		Lead: "Why backprop exists, and how finite differences behave: check the differences against backprop, " +
			"choose h, wiggle one weight, see the weights, find a planted bug, watch the cost grow, and count the work.",
	},
	text.Japanese: {
		Title: "勾配の中をのぞく",
		Lead: "誤差逆伝播法がなぜ必要なのか、差分がどうふるまうのかを確かめます。差分を誤差逆伝播法と照らし合わせ、" +
			"h を選び、重みを 1 つ揺らし、重みを絵として眺め、仕込まれたバグを探し、計算時間の増え方を見て、手間を数えてみましょう。",
	},
}

// TeachingSection holds the teaching views, each a card: the gradient
// check, the choice of h, one wiggle up close, the weights as pictures,
// the planted bug, the growth of cost, why backprop is fast, and the
// article's run beside this one. Like Page it reads the store, and
// hands each card only what it shows, so that the cards can skip renders.
//
// Until Whole, it draws its first views and holds the places of the others:
// the page draws them as two parts as it loads (Page).
type TeachingSection struct {
	vecty.Core
	Store *store.Store
	Whole bool `vecty:"prop"` // draw every view
}

// Render implements vecty.Component.
func (t *TeachingSection) Render() vecty.ComponentOrHTML {
	s := t.Store
	c, lang := s.Settings.Config, s.Lang()
	txt, ready := teachingText[lang], s.TeachReady()
	return elem.Section(vecty.Markup(vecty.Class("teaching"), vecty.Data("testid", "teaching")),
		elem.Heading2(vecty.Text(txt.Title)),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Lead)),
		&GradCheckPanel{Config: c, Lang: lang, Step: len(s.Rows), Ready: ready, Cheap: s.CheckIsCheap(), Check: s.GradCheck()},
		&HSweepChart{H: c.H, Lang: lang, Ready: ready, Sweep: s.HSweep()},
		&WigglePanel{Config: c, Lang: lang, Ready: ready, Edits: s.Edits, Wiggle: s.Wiggle()},
		&WeightsPicture{Config: c, Lang: lang, Param: s.Settings.Param, Step: len(s.Rows), Weights: s.Weights()},
		hold(t.Whole, &BugHunt{Bug: c.Bug, Revealed: s.BugRevealed(), Lang: lang}),
		hold(t.Whole, &CostChart{Batch: c.Batch, Lang: lang, Ready: ready, Cost: s.CostGrowth()}),
		hold(t.Whole, &WhyBackprop{Config: c, Lang: lang}),
		hold(t.Whole, &ArticleCompare{Config: c, Lang: lang, Rows: s.Rows}),
	)
}
