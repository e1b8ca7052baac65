package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
	"bibun/wasm/link"
)

// mastheadText is every string Masthead shows, and the document's title.
// The brand, 微分 bibun, is the same in both languages.
var mastheadText = text.Table[struct{ Tagline, Title string }]{
	text.English: {
		Tagline: "A neural network that learns by numerical differentiation, in your browser.",
		Title:   "微分 bibun — a neural network that learns by numerical differentiation",
	},
	text.Japanese: {
		Tagline: "数値微分だけで学習するニューラルネットワークを、ブラウザの中で動かします。",
		Title:   "微分 bibun — 数値微分で学習するニューラルネットワーク",
	},
}

// Title returns the document's title in language l.
func Title(l text.Lang) string { return mastheadText[l].Title }

// Masthead shows the title, the tagline and the language switch.
type Masthead struct {
	vecty.Core
	Lang text.Lang  `vecty:"prop"`
	Link link.State `vecty:"prop"` // for the language's lock and the presenter's toggle
}

// Render implements vecty.Component.
func (m *Masthead) Render() vecty.ComponentOrHTML {
	return elem.Header(vecty.Markup(vecty.Class("masthead")),
		elem.Div(vecty.Markup(vecty.Class("brand")),
			elem.Heading1(elem.Span(vecty.Markup(vecty.Attribute("lang", "ja")), vecty.Text("微分")), vecty.Text(" bibun")),
			elem.Paragraph(vecty.Markup(vecty.Class("tagline")), vecty.Text(mastheadText[m.Lang].Tagline)),
		),
		elem.Div(vecty.Markup(vecty.Class("view-switches")),
			&PresentToggle{On: m.Link.Present, Fixed: m.Link.Locked("present"), Lang: m.Lang},
			&LangSwitch{Lang: m.Lang, Fixed: m.Link.Locked("lang")},
		),
	)
}

// SkipRender keeps the masthead while the language stays the same.
func (m *Masthead) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*Masthead)
	return ok && q.Lang == m.Lang && q.Link.Present == m.Link.Present && q.Link.Lock == m.Link.Lock
}
