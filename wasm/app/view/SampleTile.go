package view

import (
	"math"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
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
	s, txt := t.Sample, sampleTileText[t.Lang]
	label := strconv.Itoa(s.Label)
	caption := txt.Class[s.Label] + " (" + label + ")"
	markup := vecty.Markup(vecty.Class("tile", className[s.Label]), vecty.Data("testid", "sample"), vecty.Data("label", label))
	// The guess is always there, empty at step 0, so that a step changes
	// the tile's text in place rather than inserting beside SamplePicture.
	guess := elem.Span(vecty.Markup(vecty.Class("pred")))
	if p := s.Pred; p != nil {
		verdict := "wrong"
		if p.Class == s.Label {
			verdict = "right"
		}
		shown := strconv.Itoa(percent(p.Prob))
		markup = vecty.Markup(markup,
			vecty.Data("pred", strconv.Itoa(p.Class)), vecty.Data("percent", shown), vecty.Class(verdict))
		guess = elem.Span(vecty.Markup(vecty.Class("pred")),
			vecty.Text("→ "+txt.Class[p.Class]+" "+shown+"%"))
	}
	return elem.ListItem(markup,
		&SamplePicture{Picture: s.Picture, Alt: txt.Alt(strconv.Itoa(t.Index), txt.Class[s.Label]), Caption: caption},
		guess,
	)
}

// SkipRender skips a tile while what it shows stays the same: its sample,
// and the guess as a class and a whole percentage. The probability moves
// a little every step; the tile changes only when the shown figure does.
func (t *SampleTile) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*SampleTile)
	if !ok || q.Lang != t.Lang || q.Index != t.Index || q.Sample.Label != t.Sample.Label ||
		q.Sample.Picture != t.Sample.Picture || (q.Sample.Pred == nil) != (t.Sample.Pred == nil) {
		return false
	}
	a, b := q.Sample.Pred, t.Sample.Pred
	return a == nil || a.Class == b.Class && percent(a.Prob) == percent(b.Prob)
}

// percent is probability p as the whole percentage a tile shows.
func percent(p float64) int {
	return int(math.Round(100 * p))
}
