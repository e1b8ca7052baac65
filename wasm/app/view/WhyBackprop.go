package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
	"bibun/wasm/cost"
)

// whyText is every string WhyBackprop shows. The functions take numbers
// already written for reading.
var whyText = text.Table[struct {
	Title, ChainTitle, Keeps, Walks, Moral string
	Colon                                  string // after a method's name
	FromA2, ReusesZ1, NoExp, ReusesX       string // what a line of the backward pass reuses
	Settings                               func(p, b, s, h string) string
	Numerical                              func(evals, b, h, s2, macs, totalMacs, flops string) string
	Incremental                            func(evals, b, updates string) string
	Backprop                               func(flops, times string) string
}]{
	text.English: {
		Title:      "Why is backprop fast?",
		ChainTitle: "The chain rule, for this network",
		Keeps:      "The forward pass computes the whole batch at once and keeps what it computes:",
		Walks:      "The backward pass walks back through those same values, once, from the loss to the weights:",
		Moral: "Each line is one matrix product or less, and each reuses a value the forward pass kept; no line runs the network again. " +
			"That is all backprop is: every one of the P derivatives for about the work of one more forward pass, " +
			"where central differences pay two forward passes per derivative.",
		Colon:    ": ",
		FromA2:   "from the kept a2",
		ReusesZ1: "reuses z1",
		NoExp:    "σ′ from the kept z1: no new exponential",
		ReusesX:  "reuses x",
		Settings: func(p, b, s, h string) string {
			return "One step at these settings: P = " + p + " parameters, a batch of B = " + b + ", S = " + s + " inputs, H = " + h + " hidden units."
		},
		Numerical: func(evals, b, h, s2, macs, totalMacs, flops string) string {
			return evals + " forward passes (two per parameter), each of B·H·(S+2) = " + b + "·" + h + "·" + s2 + " = " + macs +
				" multiply-adds: " + totalMacs + " multiply-adds, " + flops + " flops."
		},
		Incremental: func(evals, b, updates string) string {
			return evals + " nudged losses, each updating the B = " + b + " samples from cached activations instead of a forward pass: " +
				updates + " cheap sample updates, a few exponentials each."
		},
		Backprop: func(flops, times string) string {
			return "one forward pass and one backward pass, whose products add about one forward pass more: " +
				flops + " flops, " + times + " times less work than numerical."
		},
	},
	text.Japanese: {
		Title:      "誤差逆伝播法はなぜ速いのか",
		ChainTitle: "このネットワークでの連鎖律",
		Keeps:      "順伝播はバッチ全体を一度に計算し、計算した値を保存しておきます。",
		Walks:      "逆伝播は、その同じ値を損失から重みへと一度だけさかのぼります。",
		Moral: "どの行も行列積 1 回以下の計算で、順伝播が保存した値を再利用しています。ネットワークをもう一度動かす行はありません。" +
			"誤差逆伝播法とはそれだけのことです。P 個の微分すべてが、順伝播およそ 1 回分の追加の手間で求まります。" +
			"一方、中心差分は微分 1 つにつき順伝播 2 回分を払います。",
		Colon:    "：",
		FromA2:   "保存した a2 から",
		ReusesZ1: "z1 を再利用",
		NoExp:    "保存した z1 から σ′ を求めるので指数関数は不要",
		ReusesX:  "x を再利用",
		Settings: func(p, b, s, h string) string {
			return "この設定での 1 ステップ：パラメータ P = " + p + " 個、バッチ B = " + b + "、入力 S = " + s + "、隠れ層 H = " + h + " ユニット。"
		},
		Numerical: func(evals, b, h, s2, macs, totalMacs, flops string) string {
			return "順伝播を " + evals + " 回（パラメータ 1 つにつき 2 回）。1 回あたり B·H·(S+2) = " + b + "·" + h + "·" + s2 + " = " + macs +
				" 回の積和なので、合計で積和 " + totalMacs + " 回、浮動小数点演算 " + flops + " 回です。"
		},
		Incremental: func(evals, b, updates string) string {
			return "ずらした損失を " + evals + " 回。どれも順伝播の代わりに、保存した活性から B = " + b + " 個のサンプルを更新して求めます。" +
				"軽いサンプル更新が合計 " + updates + " 回で、1 回あたり指数関数が数回です。"
		},
		Backprop: func(flops, times string) string {
			return "順伝播 1 回と逆伝播 1 回。逆伝播の行列積で増える手間は順伝播およそ 1 回分です。" +
				"合計で浮動小数点演算 " + flops + " 回、数値微分の " + times + " 分の 1 の手間です。"
		},
	},
}

// WhyBackprop works out, for the current settings, what one step's
// gradient costs with each method, and walks through the chain rule of
// this very network.
type WhyBackprop struct {
	vecty.Core
	Config spec.Config `vecty:"prop"`
	Lang   text.Lang   `vecty:"prop"`
}

// Render implements vecty.Component.
func (w *WhyBackprop) Render() vecty.ComponentOrHTML {
	txt, c := whyText[w.Lang], w.Config
	p, b, s, h := c.Params(), c.Batch, c.Size, c.Hidden
	evals := format.Count(2 * p)
	forward := cost.Forward(c)                                          // flops of one forward pass
	backward := 2 * float64(b) * float64(h) * float64(s+2*spec.Outputs) // xᵀ·∂L/∂a1, z1ᵀ·∂L/∂a2, ∂L/∂a2·W2ᵀ
	numerical := 2 * float64(p) * forward
	method := func(m spec.Method, text string) *vecty.HTML {
		return elem.ListItem(elem.Strong(vecty.Text(methodName(w.Lang, m)+txt.Colon)), vecty.Text(text))
	}
	return elem.Section(vecty.Markup(vecty.Class("teach-card", "why"), vecty.Data("testid", "why")),
		elem.Heading3(vecty.Text(txt.Title)),
		elem.Paragraph(vecty.Text(txt.Settings(format.Count(p), format.Count(b), format.Count(s), format.Count(h)))),
		elem.UnorderedList(vecty.Markup(vecty.Class("work")),
			method(spec.Numerical, txt.Numerical(evals, strconv.Itoa(b), strconv.Itoa(h), strconv.Itoa(s+2),
				format.Count(b*h*(s+2)), format.Sci(numerical/2, 3), format.Sci(numerical, 3))),
			method(spec.Incremental, txt.Incremental(evals, format.Count(b), format.Sci(2*float64(p)*float64(b), 3))),
			method(spec.Backprop, txt.Backprop(format.Sci(forward+backward, 3), format.Count(int(numerical/(forward+backward))))),
		),
		elem.Heading4(vecty.Text(txt.ChainTitle)),
		&NetworkDiagram{S: s, H: h, B: b, Lang: w.Lang},
		elem.Paragraph(vecty.Text(txt.Keeps)),
		w.renderFormulas(elem.UnorderedList, forwardFormulas(c)),
		elem.Paragraph(vecty.Text(txt.Walks)),
		w.renderFormulas(elem.OrderedList, backwardFormulas(c, w.Lang)),
		elem.Paragraph(vecty.Markup(vecty.Class("explain")), vecty.Text(txt.Moral)),
	)
}

// formula is one line of the walk: the equation, its shape, and what it reuses.
type formula struct{ eq, shape, note string }

// forwardFormulas returns the forward pass of c's network.
func forwardFormulas(c spec.Config) []formula {
	bh := strconv.Itoa(c.Batch) + "×" + strconv.Itoa(c.Hidden)
	return []formula{
		{"a1 = x·W1 + b1", bh, ""},
		{"z1 = σ(a1)", bh, ""},
		{"a2 = z1·W2 + b2", strconv.Itoa(c.Batch) + "×2", ""},
		{"L = mean(−log softmax(a2)[t])", "1", ""},
	}
}

// backwardFormulas returns the backward pass of c's network.
func backwardFormulas(c spec.Config, l text.Lang) []formula {
	txt := whyText[l]
	b, s, h := strconv.Itoa(c.Batch), strconv.Itoa(c.Size), strconv.Itoa(c.Hidden)
	return []formula{
		{"∂L/∂a2 = (softmax(a2) − onehot(t)) / B", b + "×2", txt.FromA2},
		{"∂L/∂W2 = z1ᵀ·∂L/∂a2,  ∂L/∂b2 = Σ_rows ∂L/∂a2", h + "×2", txt.ReusesZ1},
		{"∂L/∂z1 = ∂L/∂a2·W2ᵀ", b + "×" + h, ""},
		{"∂L/∂a1 = ∂L/∂z1 ⊙ z1 ⊙ (1 − z1)", b + "×" + h, txt.NoExp},
		{"∂L/∂W1 = xᵀ·∂L/∂a1,  ∂L/∂b1 = Σ_rows ∂L/∂a1", s + "×" + h, txt.ReusesX},
	}
}

// renderFormulas lists fs in a list made by list.
func (w *WhyBackprop) renderFormulas(list func(...vecty.MarkupOrChild) *vecty.HTML, fs []formula) *vecty.HTML {
	items := make([]vecty.MarkupOrChild, 0, len(fs)+1)
	items = append(items, vecty.Markup(vecty.Class("formulas")))
	for _, f := range fs {
		item := []vecty.MarkupOrChild{elem.Code(vecty.Text(f.eq)), elem.Span(vecty.Markup(vecty.Class("shape")), vecty.Text(f.shape))}
		if f.note != "" {
			item = append(item, elem.Span(vecty.Markup(vecty.Class("note")), vecty.Text(f.note)))
		}
		items = append(items, elem.ListItem(item...))
	}
	return list(items...)
}

// SkipRender skips the text while the settings stay the same.
func (w *WhyBackprop) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*WhyBackprop)
	return ok && q.Config == w.Config && q.Lang == w.Lang
}
