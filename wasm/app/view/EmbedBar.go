package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
)

// embedText is every string EmbedBar shows.
var embedText = text.Table[struct{ Open, Tagline string }]{
	text.English:  {Open: "Open in bibun ↗", Tagline: "A network that learns by numerical differentiation"},
	text.Japanese: {Open: "bibun で開く ↗", Tagline: "数値微分で学習するニューラルネットワーク"},
}

// EmbedBar is the compact header of the embedded view (embed=1): the name
// and a link that opens the full page, with the same run, in a new tab.
type EmbedBar struct {
	vecty.Core
	Open string    `vecty:"prop"` // the full page's address, the same run without embed
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *EmbedBar) Render() vecty.ComponentOrHTML {
	txt := embedText[b.Lang]
	return elem.Header(vecty.Markup(vecty.Class("embed-bar")),
		elem.Heading1(vecty.Markup(vecty.Class("brand")),
			elem.Span(vecty.Markup(vecty.Attribute("lang", "ja")), vecty.Text("微分")), vecty.Text(" bibun"),
			elem.Span(vecty.Markup(vecty.Class("tagline")), vecty.Text(" "+txt.Tagline)),
		),
		elem.Anchor(vecty.Markup(vecty.Attribute("href", b.Open), vecty.Attribute("target", "_blank"),
			vecty.Attribute("rel", "noopener"), vecty.Data("testid", "open-full")), vecty.Text(txt.Open)),
	)
}

// SkipRender skips the bar until the link or the language changes.
func (b *EmbedBar) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*EmbedBar)
	return ok && p.Open == b.Open && p.Lang == b.Lang
}
