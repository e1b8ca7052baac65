package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/prop"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// className names the classes of the data in the page's CSS classes.
var className = map[int]string{spec.Noise: "noise", spec.Flat: "flat"}

// sampleTileText is every string SampleTile shows.
var sampleTileText = text.Table[struct {
	Class map[int]string // each class of the data, for a person
	Alt   func(n, class string) string
}]{
	text.English: {
		Class: map[int]string{spec.Noise: "noise", spec.Flat: "flat"},
		Alt:   func(n, class string) string { return "sample " + n + ": " + class },
	},
	text.Japanese: {
		Class: map[int]string{spec.Noise: "ノイズ", spec.Flat: "平坦"},
		Alt:   func(n, class string) string { return "サンプル " + n + "：" + class },
	},
}

// SampleTile shows one sample: its picture, its label, and the network's
// prediction with the probability it gives it.
type SampleTile struct {
	vecty.Core
	Sample store.Sample `vecty:"prop"`
	Lang   text.Lang    `vecty:"prop"`
	Index  int          `vecty:"prop"` // from 1
}

// Render implements vecty.Component.
func (t *SampleTile) Render() vecty.ComponentOrHTML {
	s, txt := t.Sample, sampleTileText.In(t.Lang)
	label := strconv.Itoa(s.Label)
	caption := txt.Class[s.Label] + " (" + label + ")"
	markup := vecty.Markup(vecty.Class("tile", className[s.Label]), vecty.Data("testid", "sample"), vecty.Data("label", label))
	var guess *vecty.HTML
	if p := s.Pred; p != nil {
		verdict := "wrong"
		if p.Class == s.Label {
			verdict = "right"
		}
		markup = vecty.Markup(markup,
			vecty.Data("pred", strconv.Itoa(p.Class)), vecty.Data("prob", format.Full(p.Prob)), vecty.Class(verdict))
		guess = elem.Span(vecty.Markup(vecty.Class("pred")),
			vecty.Text("→ "+txt.Class[p.Class]+" "+strconv.FormatFloat(100*p.Prob, 'f', 0, 64)+"%"))
	}
	return elem.ListItem(markup,
		elem.Image(vecty.Markup(prop.Src(s.Picture),
			vecty.Property("alt", txt.Alt(strconv.Itoa(t.Index), txt.Class[s.Label])))),
		elem.Span(vecty.Markup(vecty.Class("label")), vecty.Text(caption)),
		guess,
	)
}
