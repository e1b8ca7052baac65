package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
)

// Intro says what numerical differentiation is and why it is slow.
type Intro struct {
	vecty.Core
}

// Render implements vecty.Component.
func (*Intro) Render() vecty.ComponentOrHTML {
	part := func(title, text string) *vecty.HTML {
		return elem.Div(elem.Heading2(vecty.Text(title)), elem.Paragraph(vecty.Text(text)))
	}
	return elem.Section(vecty.Markup(vecty.Class("intro")),
		part("The idea",
			"To learn, a network needs the slope of its loss along each of its weights. The plainest way to find one is to ask: "+
				"nudge the weight up by a tiny h and measure the loss, nudge it down by h and measure again; "+
				"the difference over 2h is the slope. That is numerical differentiation, a central difference."),
		part("Why it is slow",
			"It needs only the forward pass, but it asks twice per weight. The article's network, 256 inputs and 64 hidden units, "+
				"has 16,578 parameters: one training step runs it forward 33,156 times. "+
				"Backpropagation gets the same derivatives from one forward and one backward pass; that is all it is."),
		part("What to try",
			"The task is easy on purpose: tell flat grey tiles from noise. Press Run, then switch the gradient method "+
				"and run again. The numbers agree; the clock does not. Quick look shrinks the network so that even "+
				"the article's method takes well under a second a step."),
	)
}

// SkipRender keeps the text as first rendered: it never changes.
func (*Intro) SkipRender(vecty.Component) bool { return true }
