package view

import (
	"slices"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// wiggleText is every string WigglePanel shows; the functions take numbers
// already written for reading.
var wiggleText = text.Table[struct {
	Title, Button, Auto, Empty, Working string
	Quantity, Value, Meaning            string
	RelErr, DigitsLost                  string            // the names of two rows
	Meanings                            map[string]string // what each row is, by its data-col
	Lost                                func(left string) string
	ChartTitle, XLabel, YLabel          string
	Lead                                func(nudges string) string
	At                                  func(step string) string
	Stale                               func(step, what string) string
	Yours                               func(h string) string
	Explain                             string
}]{
	text.English: {
		Title: "Wiggle one weight",
		Lead: func(nudges string) string {
			return "The article's whole idea in one line: nudge one parameter up by h, then down, and divide the change in the loss by 2h. " +
				"A numerical step makes " + nudges + " such nudges; here is one of them, every number in full."
		},
		Button:     "Wiggle it",
		Auto:       "Cheap at these settings, so it follows every step, parameter and h by itself.",
		Empty:      "No wiggle yet: press the button.",
		Working:    "Nudging the parameter up and down, and running backprop…",
		Quantity:   "quantity",
		Value:      "value (17 significant digits)",
		Meaning:    "what it is",
		RelErr:     "relative error",
		DigitsLost: "digits lost",
		Meanings: map[string]string{
			"theta":       "the parameter as it is now",
			"plus":        "nudged up, as float64 rounds it",
			"minus":       "nudged down",
			"loss-plus":   "the batch loss with θ_k + h: one full forward pass",
			"loss-minus":  "the batch loss with θ_k − h: another",
			"diff":        "their difference: the grey digits cancelled",
			"quotient":    "the central difference: the derivative by nudging",
			"backprop":    "the derivative by the chain rule",
			"rel-err":     "|quotient − backprop| / max(|quotient|, |backprop|)",
			"digits-lost": "leading digits L+ and L− share (grey), which the subtraction throws away.",
		},
		Lost: func(left string) string {
			return "Of float64's 16 or so digits, about " + left + " are left in the difference."
		},
		ChartTitle: "Relative error of this parameter's quotient against h, for each h you tried",
		XLabel:     "h",
		YLabel:     "relative error to backprop",
		At:         func(step string) string { return "At the weights after step " + step + ", on the next step's batch." },
		Stale: func(step, what string) string {
			return "These numbers are of " + what + " after step " + step + ": press the button for the parameter, h and step chosen."
		},
		Yours: func(h string) string { return "h = " + h },
		Explain: "Drag h. Large h: the quotient errs by truncation, about h²·f‴/6, as a straight chord misses a curve. " +
			"Tiny h: L+ and L− agree in more and more leading digits, the subtraction throws them away, and what is left is " +
			"rounding noise divided by 2h: round-off. In between, near h ≈ 1e-5, the quotient agrees with backprop to eight digits " +
			"or more: the V of \"Choosing h\", one parameter at a time.",
	},
	text.Japanese: {
		Title: "重みを 1 つ揺らす",
		Lead: func(nudges string) string {
			return "記事のアイデアはこの 1 行に尽きます。パラメータを 1 つ h だけ上げ、次に下げ、損失の変化を 2h で割る。" +
				"数値微分の 1 ステップはこれを " + nudges + " 回行います。ここではその 1 回を、すべての数値を省略せずに示します。"
		},
		Button:     "揺らす",
		Auto:       "この設定では軽いので、ステップ・パラメータ・h が変わるたびに自動で計算し直します。",
		Empty:      "まだ揺らしていません。ボタンを押してください。",
		Working:    "パラメータを上げ下げし、誤差逆伝播法を計算中…",
		Quantity:   "量",
		Value:      "値（有効数字 17 桁）",
		Meaning:    "意味",
		RelErr:     "相対誤差",
		DigitsLost: "失われた桁数",
		Meanings: map[string]string{
			"theta":       "いまのパラメータの値",
			"plus":        "h だけ上げた値（float64 に丸めたもの）",
			"minus":       "h だけ下げた値",
			"loss-plus":   "θ_k + h でのバッチ損失：順伝播 1 回分",
			"loss-minus":  "θ_k − h でのバッチ損失：もう 1 回分",
			"diff":        "その差：灰色の桁は打ち消し合って消えます",
			"quotient":    "中心差分：ずらして求めた微分",
			"backprop":    "連鎖律で求めた微分",
			"rel-err":     "|中心差分 − 誤差逆伝播法| / max(|中心差分|, |誤差逆伝播法|)",
			"digits-lost": "L+ と L− で共通の上位の桁数（灰色）：引き算で失われます。",
		},
		Lost: func(left string) string {
			return "float64 の 16 桁ほどのうち、差に残るのはおよそ " + left + " 桁です。"
		},
		ChartTitle: "このパラメータの中心差分の相対誤差と h の関係（試した h ごと）",
		XLabel:     "h",
		YLabel:     "誤差逆伝播法との相対誤差",
		At: func(step string) string {
			return "ステップ " + step + " の後の重みと、次のステップのバッチで計算しました。"
		},
		Stale: func(step, what string) string {
			return "この数値はステップ " + step + " の後の " + what + " のものです。選んだパラメータ・h・ステップで計算するにはボタンを押してください。"
		},
		Yours: func(h string) string { return "h = " + h },
		Explain: "h を動かしてみましょう。h が大きいと、曲線を直線の弦で近似するので、中心差分は h²·f‴/6 ほどずれます（打ち切り誤差）。" +
			"h が小さいと、L+ と L− は上位の桁がますます一致し、引き算でその桁が消え、残るのは丸めの雑音を 2h で割ったものです（丸め誤差）。" +
			"その中間、h ≈ 1e-5 のあたりでは、中心差分は誤差逆伝播法と 8 桁以上一致します。「刻み幅 h の選び方」の V 字を、パラメータ 1 つで見ているのです。",
	},
}

// WigglePanel shows one central difference up close: the parameter and
// h chosen, θ_k ± h, both losses with the digits they share greyed, their
// difference and quotient, backprop's value, the relative error and the
// digits lost; and, for each h tried, the quotient's error.
type WigglePanel struct {
	vecty.Core
	Config spec.Config      `vecty:"prop"`
	Lang   text.Lang        `vecty:"prop"`
	Ready  bool             `vecty:"prop"` // the button may ask
	Edits  int              `vecty:"prop"` // the store's count of settings changes
	Wiggle store.WiggleView `vecty:"prop"`
}

// Render implements vecty.Component.
func (p *WigglePanel) Render() vecty.ComponentOrHTML {
	txt, w, c := wiggleText[p.Lang], p.Wiggle, p.Config
	card := &TeachCard{
		Lang: p.Lang, Class: "wiggle", Hooks: vecty.Markup(vecty.Data("testid", "wiggle")),
		Title: txt.Title, Lead: txt.Lead(format.Count(2 * c.Params())),
		Button: txt.Button, ButtonID: "wiggle-now", Ask: &action.Wiggle{}, Ready: p.Ready,
		Task: store.Task{Busy: w.Busy, Error: w.Error}, Progress: "wiggle-progress", Working: txt.Working,
		Empty: txt.Empty, Explain: txt.Explain,
	}
	if w.Auto {
		card.Hint = txt.Auto
	}
	body := vecty.List{
		&WigglePicker{Config: c, Param: w.Param, H: w.H, Lang: p.Lang, Edits: p.Edits},
		&NetworkDiagram{S: c.Size, H: c.Hidden, B: c.Batch, Lang: p.Lang, Picked: c.Param(w.Param).Tensor},
	}
	if r := w.Result; r != nil {
		x := r.Wiggle
		step := strconv.Itoa(r.Step)
		card.Hooks = vecty.Markup(card.Hooks, vecty.Data("step", step), vecty.Data("param", strconv.Itoa(x.K)), vecty.Data("h", format.Full(x.H)))
		card.Said, card.Stale = txt.At(step), w.Stale
		if w.Stale {
			card.Said = txt.Stale(step, c.Param(x.K).String()+", h = "+format.Short(x.H))
		}
		body = append(body, p.renderTable(x), p.renderTrail())
	}
	card.Result = elem.Div(vecty.Markup(vecty.Class("wiggle-body")), body)
	return card
}

// SkipRender skips the panel while nothing it shows changes: while a run
// goes the page renders ten times a second, and a wiggle changes at most
// once a followed step.
func (p *WigglePanel) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*WigglePanel)
	return ok && q.Config == p.Config && q.Lang == p.Lang && q.Ready == p.Ready && q.Edits == p.Edits && sameWiggle(q.Wiggle, p.Wiggle)
}

// sameWiggle reports whether a and b show the same: the store makes a new
// Result, and a new Trail, for every wiggle that comes.
func sameWiggle(a, b store.WiggleView) bool {
	return a.Param == b.Param && a.H == b.H && a.Result == b.Result && slices.Equal(a.Trail, b.Trail) &&
		a.Auto == b.Auto && a.Busy == b.Busy && a.Stale == b.Stale && a.Error == b.Error
}

// renderTable shows every number of wiggle x, the two losses with the
// leading digits they share greyed.
func (p *WigglePanel) renderTable(x spec.Wiggle) *vecty.HTML {
	txt := wiggleText[p.Lang]
	lost := strconv.Itoa(x.DigitsLost)
	row := func(col, quantity string, value vecty.MarkupOrChild, full string, extra ...vecty.Applyer) *vecty.HTML {
		meaning := txt.Meanings[col]
		if col == "digits-lost" {
			meaning = p.Lang.Join(meaning, txt.Lost(strconv.Itoa(max(16-x.DigitsLost, 0))))
		}
		return elem.TableRow(vecty.Markup(vecty.Data("row", col)),
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "row")), vecty.Text(quantity)),
			elem.TableData(vecty.Markup(append([]vecty.Applyer{vecty.Class("num"), vecty.Data("col", col), vecty.Data("value", full)}, extra...)...), value),
			elem.TableData(vecty.Markup(vecty.Class("meaning")), vecty.Text(meaning)),
		)
	}
	plain := func(v float64) vecty.MarkupOrChild { return vecty.Text(format.Sig17(v)) }
	shared := func(v float64) vecty.MarkupOrChild {
		head, tail := format.Lead(format.Sig17(v), x.DigitsLost)
		return vecty.List{elem.Span(vecty.Markup(vecty.Class("shared")), vecty.Text(head)), vecty.Text(tail)}
	}
	g := grade(x.RelErr)
	return elem.Div(vecty.Markup(vecty.Class("table-box")), elem.Table(vecty.Markup(vecty.Class("wiggle-table")),
		elem.TableHead(elem.TableRow(
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Quantity)),
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Value)),
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Meaning)),
		)),
		elem.TableBody(
			row("theta", "θ_k", plain(x.Theta), format.Full(x.Theta)),
			row("plus", "θ_k + h", plain(x.Plus), format.Full(x.Plus)),
			row("minus", "θ_k − h", plain(x.Minus), format.Full(x.Minus)),
			row("loss-plus", "L+ = L(θ + h·e_k)", shared(x.LossPlus), format.Full(x.LossPlus)),
			row("loss-minus", "L− = L(θ − h·e_k)", shared(x.LossMinus), format.Full(x.LossMinus)),
			row("diff", "L+ − L−", plain(x.Diff), format.Full(x.Diff)),
			row("quotient", "(L+ − L−) / 2h", plain(x.Quotient), format.Full(x.Quotient)),
			row("backprop", "∂L/∂θ_k", plain(x.Backprop), format.Full(x.Backprop)),
			row("rel-err", txt.RelErr, vecty.Text(format.Sci(x.RelErr, 2)), format.Full(x.RelErr), vecty.Class("grade-"+g), vecty.Data("grade", g)),
			row("digits-lost", txt.DigitsLost, vecty.Text(lost), lost),
		),
	))
}

// renderTrail plots the quotient's relative error against h for each h
// tried at this parameter and step, with the h chosen marked.
func (p *WigglePanel) renderTrail() *vecty.HTML {
	txt, w := wiggleText[p.Lang], p.Wiggle
	hs, errs := make([]float64, len(w.Trail)), make([]float64, len(w.Trail))
	for i, x := range w.Trail {
		hs[i], errs[i] = x.H, x.RelErr
	}
	y0, y1 := decades(errs, 4)
	plot := logPlot{x0: exponent(spec.MinH), x1: exponent(spec.MaxH), y0: y0, y1: y1}
	x := coord(plot.x(w.H))
	parts := []vecty.MarkupOrChild{
		svg("line", attrs("class", "marker yours", "x1", x, "x2", x, "y1", coord(marginT), "y2", coord(plotH-marginB))),
		svg("text", attrs("class", "marker-label yours", "x", coord(plot.x(w.H)+4), "y", coord(marginT+10), "text-anchor", "start"),
			vecty.Text(txt.Yours(format.Short(w.H)))),
	}
	if len(hs) > 1 {
		parts = append(parts, plot.polyline("wiggle-line", hs, errs))
	}
	for i, h := range hs {
		parts = append(parts, svg("circle", attrs("class", "point wiggle-point", "cx", coord(plot.x(h)), "cy", coord(plot.y(errs[i])), "r", "3.5",
			"data-h", format.Full(h), "data-err", format.Full(errs[i])),
			svg("title", vecty.Text("h = "+format.Short(h)+": "+format.Sci(errs[i], 2)))))
	}
	return elem.Figure(vecty.Markup(vecty.Class("chart-box", "plain"), vecty.Data("testid", "wiggle-trail")),
		chart(txt.ChartTitle, &LogAxes{Plot: plot, XLabel: txt.XLabel, YLabel: txt.YLabel}, parts...))
}
