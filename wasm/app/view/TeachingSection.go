package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
)

// teachingText is every English string TeachingSection shows.
var teachingText = struct {
	Title, Lead string
}{
	Title: "Looking inside the gradient",
	Lead: "Why backprop exists, and how finite differences behave: check the differences against backprop, " +
		"choose h, watch the cost grow, and count the work.",
}

// TeachingSection holds the teaching views, each a card: the gradient
// check, the choice of h, the growth of cost, why backprop is fast, and
// the article's run beside this one. Like Page it reads the store, and
// hands each card only what it shows, so that the cards can skip renders.
type TeachingSection struct {
	vecty.Core
	Store *store.Store
}

// Render implements vecty.Component.
func (t *TeachingSection) Render() vecty.ComponentOrHTML {
	s := t.Store
	c := s.Settings.Config
	ready := s.TeachReady()
	return elem.Section(vecty.Markup(vecty.Class("teaching"), vecty.Data("testid", "teaching")),
		elem.Heading2(vecty.Text(teachingText.Title)),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(teachingText.Lead)),
		&GradCheckPanel{Config: c, Step: len(s.Rows), Ready: ready, Cheap: s.CheckIsCheap(), Check: s.GradCheck()},
		&HSweepChart{H: c.H, Step: len(s.Rows), Ready: ready, Sweep: s.HSweep()},
		&CostChart{Batch: c.Batch, Ready: ready, Cost: s.CostGrowth()},
		&WhyBackprop{Config: c},
		&ArticleCompare{Config: c, Rows: s.Rows},
	)
}
