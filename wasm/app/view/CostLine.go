package view

import (
	"time"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/cost"
)

// CostLine says what one step of the current settings costs: the
// parameters, the loss evaluations, and the time at this browser's speed.
type CostLine struct {
	vecty.Core
	Config   spec.Config   `vecty:"prop"`
	Workers  int           `vecty:"prop"`
	Estimate time.Duration `vecty:"prop"` // one step's gradient; 0 while unknown
}

// Render implements vecty.Component.
func (l *CostLine) Render() vecty.ComponentOrHTML {
	c := l.Config
	p := c.Params()
	var work string
	switch c.Method {
	case spec.Numerical:
		work = format.Count(cost.Evals(c)) + " forward passes a step (two per parameter), each over the whole batch of " + format.Count(c.Batch) + "."
	case spec.Incremental:
		work = format.Count(cost.Evals(c)) + " loss evaluations a step (two per parameter), each from cached activations instead of a forward pass."
	default:
		work = "one forward and one backward pass a step, for every derivative at once."
	}
	when := "Measuring this browser's speed…"
	if l.Estimate > 0 {
		who := "1 worker" // backprop's gradient is not split
		if c.Method != spec.Backprop && l.Workers > 1 {
			who = format.Count(l.Workers) + " workers"
		}
		when = "About " + format.Duration(l.Estimate) + " a step here with " + who +
			"; " + format.Count(c.Steps) + " steps ≈ " + format.Duration(l.Estimate*time.Duration(c.Steps)) + "."
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("cost"), vecty.Data("testid", "cost-line")),
		elem.Strong(vecty.Text("P = "+format.Count(p)+" parameters: ")),
		vecty.Text(work+" "),
		elem.Span(vecty.Markup(vecty.Class("estimate")), vecty.Text(when)),
	)
}

// SkipRender skips the line while settings and speed stay the same.
func (l *CostLine) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*CostLine)
	return ok && q.Config == l.Config && q.Workers == l.Workers &&
		format.Duration(q.Estimate) == format.Duration(l.Estimate) // refined each step, read rounded
}
