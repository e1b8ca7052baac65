package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
)

// Colophon says where the page runs and what its link holds.
type Colophon struct {
	vecty.Core
}

// Render implements vecty.Component.
func (*Colophon) Render() vecty.ComponentOrHTML {
	return elem.Footer(vecty.Markup(vecty.Class("colophon")),
		elem.Paragraph(vecty.Text("Go compiled to WebAssembly. The network trains in Web Workers on this machine; nothing is sent anywhere. "+
			"The settings live in the link: the same link is the same run, digit for digit.")),
	)
}

// SkipRender keeps the colophon as first rendered: it never changes.
func (*Colophon) SkipRender(vecty.Component) bool { return true }
