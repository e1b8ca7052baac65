package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
)

// TaskProgress shows how far one of the teaching views' computations has
// come: a label and a progress bar.
type TaskProgress struct {
	vecty.Core
	ID    string `vecty:"prop"` // the progress element's id, and its data-testid
	Label string `vecty:"prop"` // what is being done, for a person
	Done  int    `vecty:"prop"`
	Total int    `vecty:"prop"` // 0 while unknown: the bar is indeterminate
}

// Render implements vecty.Component.
func (p *TaskProgress) Render() vecty.ComponentOrHTML {
	bar := vecty.Markup(vecty.Attribute("id", p.ID), vecty.Data("testid", p.ID))
	if p.Total > 0 {
		bar = vecty.Markup(bar, vecty.Attribute("value", strconv.Itoa(p.Done)), vecty.Attribute("max", strconv.Itoa(p.Total)))
	}
	return elem.Div(vecty.Markup(vecty.Class("task-progress")),
		elem.Label(vecty.Markup(vecty.Attribute("for", p.ID)), vecty.Text(p.Label)),
		elem.Progress(bar),
	)
}
