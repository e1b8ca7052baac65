package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
)

// colophonText is every string Colophon shows.
var colophonText = text.Table[struct{ Text string }]{
	text.English: {Text: "Go compiled to WebAssembly. The network trains in Web Workers on this machine; nothing is sent anywhere. " +
		"The settings live in the link: the same link is the same run, digit for digit."},
	text.Japanese: {Text: "Go を WebAssembly にコンパイルして動かしています。ネットワークはこのマシンの Web Worker の中で学習し、" +
		"データはどこにも送りません。設定はすべてリンクに入っているので、同じリンクを開けば 1 桁も違わない同じ実行になります。"},
}

// Colophon says where the page runs and what its link holds.
type Colophon struct {
	vecty.Core
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (c *Colophon) Render() vecty.ComponentOrHTML {
	return elem.Footer(vecty.Markup(vecty.Class("colophon")),
		elem.Paragraph(vecty.Text(colophonText[c.Lang].Text)),
	)
}

// SkipRender keeps the colophon while the language stays the same.
func (c *Colophon) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*Colophon)
	return ok && q.Lang == c.Lang
}
