package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
)

// Masthead shows the title and the tagline.
type Masthead struct {
	vecty.Core
}

// Render implements vecty.Component.
func (*Masthead) Render() vecty.ComponentOrHTML {
	return elem.Header(vecty.Markup(vecty.Class("masthead")),
		elem.Heading1(elem.Span(vecty.Markup(vecty.Attribute("lang", "ja")), vecty.Text("微分")), vecty.Text(" bibun")),
		elem.Paragraph(vecty.Markup(vecty.Class("tagline")),
			vecty.Text("A neural network that learns by numerical differentiation, in your browser.")),
	)
}

// SkipRender keeps the masthead as first rendered: it never changes.
func (*Masthead) SkipRender(vecty.Component) bool { return true }
