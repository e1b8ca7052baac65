package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/app/tile"
)

// weightsText is every string WeightsPicture shows; the functions take
// numbers already written for reading.
var weightsText = text.Table[struct {
	Title, Empty, Click, Explain string
	Layout                       func(h, s, rows, cols string) string
	NotSquare                    func(s, rows, cols string) string
	Scale                        func(m, step string) string
	Unit                         func(j string) string
}]{
	text.English: {
		Title: "The weights as pictures",
		Layout: func(h, s, rows, cols string) string {
			return "One tile for each of the " + h + " hidden units: the " + s + " weights into it, laid out " + rows + "×" + cols +
				" as a sample is, so the weight from each input sits where that input sits in a sample."
		},
		NotSquare: func(s, rows, cols string) string {
			return "S = " + s + " is not a square: each tile is " + rows + "×" + cols + ", the weights row by row, as the samples are drawn."
		},
		Scale: func(m, step string) string {
			return "Blue below zero, white at zero, red above, up to ±" + m + " (the largest |weight|), after step " + step + "."
		},
		Unit:  func(j string) string { return "hidden unit " + j },
		Empty: "The weights appear once the workers have the run: after the first step, or when the wiggle above is asked for.",
		Click: "Click a weight to wiggle it above; the framed tile is the unit of the parameter wiggled.",
		Explain: "A hidden unit computes σ(x·w + b): it answers most to inputs that look like its tile. A flat sample has one value, " +
			"from 0 to 9.9, in every place; noise is values around 0 with no pattern. So what tells them apart is overall brightness, " +
			"and as the run goes on the tiles drift from the start's speckle towards one colour all over: a red unit adds a sample's " +
			"values up, a blue one takes them away. The speckle that stays is the start weights, which noise averages out.",
	},
	text.Japanese: {
		Title: "重みを絵として見る",
		Layout: func(h, s, rows, cols string) string {
			return "隠れユニット " + h + " 個それぞれに 1 枚のタイルがあり、そのユニットへ入る " + s + " 個の重みを、サンプルと同じく " +
				rows + "×" + cols + " に並べています。各入力からの重みは、サンプルでその入力がある位置に置かれます。"
		},
		NotSquare: func(s, rows, cols string) string {
			return "S = " + s + " は平方数ではないので、各タイルは " + rows + "×" + cols + " で、サンプルの描き方と同じく重みを行ごとに並べています。"
		},
		Scale: func(m, step string) string {
			return "負は青、ゼロは白、正は赤で、±" + m + "（重みの絶対値の最大）までを表します。ステップ " + step + " の後の重みです。"
		},
		Unit:  func(j string) string { return "隠れユニット " + j },
		Empty: "ワーカーが実行の準備を終えると重みが表示されます（最初のステップの後、または上の揺らしを頼んだとき）。",
		Click: "重みをクリックすると、上でその重みを揺らします。枠の付いたタイルは、揺らしているパラメータのユニットです。",
		Explain: "隠れユニットは σ(x·w + b) を計算するので、タイルに似た入力にいちばん強く反応します。平坦なサンプルはどの位置も" +
			"同じ値（0〜9.9）で、ノイズは 0 のまわりの模様のない値です。両者を見分ける手がかりは全体の明るさなので、学習が進むと" +
			"タイルは初めの斑点から全体が一色の方向へ移っていきます。赤いユニットはサンプルの値を足し合わせ、青いユニットは引きます。" +
			"残る斑点は初期の重みで、ノイズに対しては平均すると打ち消し合います。",
	},
}

// WeightsPicture draws W1: each hidden unit's incoming weights as a tile
// shaped like a sample, on a diverging scale around zero. Each tile is one
// small image, so that H = 512 (131,072 weights at S = 256) draws as fast
// as H = 8.
type WeightsPicture struct {
	vecty.Core
	Config  spec.Config       `vecty:"prop"`
	Lang    text.Lang         `vecty:"prop"`
	Param   int               `vecty:"prop"` // the Wiggle view's parameter
	Step    int               `vecty:"prop"` // steps the run has taken
	Weights store.WeightsView `vecty:"prop"`
}

// Render implements vecty.Component.
func (w *WeightsPicture) Render() vecty.ComponentOrHTML {
	txt, c, ws := weightsText[w.Lang], w.Config, w.Weights
	rows, cols := tile.Shape(c.Size)
	about := txt.Layout(format.Count(c.Hidden), format.Count(c.Size), strconv.Itoa(rows), strconv.Itoa(cols))
	if rows != cols {
		about = w.Lang.Join(about, txt.NotSquare(strconv.Itoa(c.Size), strconv.Itoa(rows), strconv.Itoa(cols)))
	}
	state := cardIdle
	var body vecty.List
	if ws.Pictures != nil && ws.Size == c.Size && len(ws.Pictures) == c.Hidden {
		state = cardDone
		if w.stale() {
			state = cardStale
		}
		body = vecty.List{
			w.renderScale(ws.Scale, ws.Step),
			elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Click)),
			w.renderTiles(rows, cols),
		}
	} else {
		body = vecty.List{elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Empty))}
	}
	return elem.Section(vecty.Markup(vecty.Class("teach-card", "weights"), vecty.Data("testid", "weights"), vecty.Data("state", state),
		vecty.MarkupIf(state != cardIdle, vecty.Data("step", strconv.Itoa(ws.Step)))),
		elem.Heading3(vecty.Text(txt.Title)),
		elem.Paragraph(vecty.Text(about)),
		body,
		elem.Paragraph(vecty.Markup(vecty.Class("explain")), vecty.Text(txt.Explain)),
	)
}

// stale reports whether the weights shown are of a step before the run's.
func (w *WeightsPicture) stale() bool { return w.Weights.Step < w.Step }

// renderTiles lays out one WeightTile per hidden unit, the Wiggle view's
// unit framed.
func (w *WeightsPicture) renderTiles(rows, cols int) *vecty.HTML {
	txt, c := weightsText[w.Lang], w.Config
	target := 48 // CSS pixels of a tile's longer side
	if c.Hidden > 64 {
		target = 32
	}
	px := max(1, target/max(rows, cols))
	picked := -1
	switch p := c.Param(w.Param); p.Tensor {
	case "W1", "b1":
		picked = p.Col
	case "W2":
		picked = p.Row
	}
	tiles := make(vecty.List, len(w.Weights.Pictures))
	for j, pic := range w.Weights.Pictures {
		tiles[j] = &WeightTile{Unit: j, Hidden: c.Hidden, Rows: rows, Cols: cols, Px: px, Picture: pic,
			Alt: txt.Unit(strconv.Itoa(j)), Picked: j == picked}
	}
	return elem.Div(vecty.Markup(vecty.Class("weight-grid"), vecty.MarkupIf(c.Hidden > 64, vecty.Class("many")),
		vecty.Attribute("role", "group"), vecty.Attribute("aria-label", txt.Title)), tiles)
}

// renderScale draws the colour scale, −m … 0 … +m, and says what it is.
func (w *WeightsPicture) renderScale(m float64, step int) *vecty.HTML {
	txt := weightsText[w.Lang]
	hex := func(c [3]byte) string {
		const digits = "0123456789abcdef"
		b := []byte{'#'}
		for _, x := range c {
			b = append(b, digits[x>>4], digits[x&15])
		}
		return string(b)
	}
	ms := format.Sci(m, 2)
	return elem.Div(vecty.Markup(vecty.Class("weight-scale")),
		svg("svg", attrs("viewBox", "0 0 240 34", "class", "scale", "role", "img", "aria-label", txt.Scale(ms, strconv.Itoa(step))),
			svg("defs", svg("linearGradient", attrs("id", "weight-scale-ramp"),
				svg("stop", attrs("offset", "0", "stop-color", hex(tile.Negative))),
				svg("stop", attrs("offset", "0.5", "stop-color", hex(tile.Zero))),
				svg("stop", attrs("offset", "1", "stop-color", hex(tile.Positive))),
			)),
			svg("rect", attrs("x", "10", "y", "2", "width", "220", "height", "12", "fill", "url(#weight-scale-ramp)", "class", "ramp")),
			svg("text", attrs("class", "tick", "x", "10", "y", "30", "text-anchor", "start"), vecty.Text("−"+ms)),
			svg("text", attrs("class", "tick", "x", "120", "y", "30", "text-anchor", "middle"), vecty.Text("0")),
			svg("text", attrs("class", "tick", "x", "230", "y", "30", "text-anchor", "end"), vecty.Text("+"+ms)),
		),
		elem.Small(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Scale(ms, strconv.Itoa(step)))),
	)
}

// SkipRender skips the picture while nothing it shows changes; a step
// that changes a few tiles redraws those (WeightTile.SkipRender). Of the
// run's step it shows only whether the weights are older (stale): the
// page renders ten times a second while a run goes, and the weights
// follow a long run's steps a hundred times.
func (w *WeightsPicture) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*WeightsPicture)
	return ok && q.Config == w.Config && q.Lang == w.Lang && q.Param == w.Param && q.stale() == w.stale() &&
		q.Weights.Step == w.Weights.Step && q.Weights.Scale == w.Weights.Scale && len(q.Weights.Pictures) == len(w.Weights.Pictures) &&
		(len(w.Weights.Pictures) == 0 || &q.Weights.Pictures[0] == &w.Weights.Pictures[0])
}
