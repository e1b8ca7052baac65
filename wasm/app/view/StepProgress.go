package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
)

// StepProgress shows how far the gradient of the step under way is: the
// parameters whose derivative is known, of P, and the time left.
type StepProgress struct {
	vecty.Core
	Progress store.Progress `vecty:"prop"`
	Params   int            `vecty:"prop"` // P of the current settings
}

// Render implements vecty.Component.
func (s *StepProgress) Render() vecty.ComponentOrHTML {
	p := s.Progress
	total := max(p.Total, s.Params)
	text := "No step under way."
	if p.Step > 0 {
		text = "Step " + strconv.Itoa(p.Step) + ": " + format.Count(p.Done) + " of " + format.Count(total) + " derivatives"
		switch {
		case p.Done >= total:
			text += "."
		case p.Left > 0:
			text += ", about " + format.Duration(p.Left) + " left."
		default:
			text += "…"
		}
	}
	return elem.Div(vecty.Markup(vecty.Class("progress")),
		elem.Label(vecty.Markup(vecty.Attribute("for", "step-progress")), vecty.Text(text)),
		elem.Progress(vecty.Markup(vecty.Attribute("id", "step-progress"), vecty.Data("testid", "progress"),
			vecty.Attribute("value", strconv.Itoa(p.Done)), vecty.Attribute("max", strconv.Itoa(total)))),
	)
}
