package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/text"
)

// bugBannerText is every string BugBanner shows.
var bugBannerText = text.Table[struct{ Planted string }]{
	text.English:  {Planted: "This link plants a bug in backprop. Which layer is wrong? See \"Find the bug\" below."},
	text.Japanese: {Planted: "このリンクは誤差逆伝播法にバグを仕込んでいます。どの層が間違っているでしょうか。下の「バグを探せ」を見てください。"},
}

// BugBanner says, beside the run, that the link planted a bug in backprop,
// and not which: a backprop run's numbers are then not to be trusted.
type BugBanner struct {
	vecty.Core
	Bug  spec.Bug  `vecty:"prop"`
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *BugBanner) Render() vecty.ComponentOrHTML {
	if b.Bug == spec.NoBug {
		return elem.Div(vecty.Markup(vecty.Class("bug-banner"), vecty.Attribute("hidden", "")))
	}
	return elem.Div(vecty.Markup(vecty.Class("bug-banner"), vecty.Data("testid", "bug-banner"), vecty.Attribute("role", "note")),
		vecty.Text(bugBannerText[b.Lang].Planted))
}
