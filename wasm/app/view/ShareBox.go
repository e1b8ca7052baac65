package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
)

// ShareBox offers the page's link, which holds every setting.
type ShareBox struct {
	vecty.Core
	Copied string `vecty:"prop"` // what became of the latest copy
}

// Render implements vecty.Component.
func (b *ShareBox) Render() vecty.ComponentOrHTML {
	return elem.Div(vecty.Markup(vecty.Class("share")),
		elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "share"), event.Click(b.onCopy)),
			vecty.Text("Copy link")),
		elem.Span(vecty.Markup(vecty.Class("copied"), vecty.Attribute("role", "status")), vecty.Text(b.Copied)),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")),
			vecty.Text("The link holds every setting: whoever opens it gets the same run, digit for digit.")),
	)
}

func (b *ShareBox) onCopy(*vecty.Event) {
	dispatcher.Dispatch(&action.CopyLink{})
}

// SkipRender skips the box until a copy is reported.
func (b *ShareBox) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*ShareBox)
	return ok && q.Copied == b.Copied
}
