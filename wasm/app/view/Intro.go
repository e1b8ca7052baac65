package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
)

// introText is every string Intro shows: three parts, a title and a text each.
var introText = text.Table[[3][2]string]{
	text.English: {
		{"The idea",
			"To learn, a network needs the slope of its loss along each of its weights. The plainest way to find one is to ask: " +
				"nudge the weight up by a tiny h and measure the loss, nudge it down by h and measure again; " +
				"the difference over 2h is the slope. That is numerical differentiation, a central difference."},
		{"Why it is slow",
			"It needs only the forward pass, but it asks twice per weight. The article's network, 256 inputs and 64 hidden units, " +
				"has 16,578 parameters: one training step runs it forward 33,156 times. " +
				"Backpropagation gets the same derivatives from one forward and one backward pass; that is all it is."},
		{"What to try",
			"The task is easy on purpose: tell flat grey tiles from noise. Press Run, then switch the gradient method " +
				"and run again. The numbers agree; the clock does not. Quick look shrinks the network so that even " +
				"the article's method takes well under a second a step."},
	},
	text.Japanese: {
		{"考え方",
			"ネットワークが学習するには、重みの一つひとつについて、損失がどちらにどれだけ傾いているか（勾配）を知る必要があります。" +
				"いちばん素朴な求め方は、実際に試すことです。重みを小さな h だけ増やして損失を測り、h だけ減らしてもう一度測ります。" +
				"その差を 2h で割れば傾きです。これが数値微分（中心差分）で、元の記事では「算術微分」と呼ばれています。"},
		{"なぜ遅いのか",
			"必要なのは順伝播だけですが、重み 1 つにつき 2 回ずつ計算し直します。記事のネットワーク（入力 256、隠れ層 64 ユニット）には" +
				"パラメータが 16,578 個あり、1 回の学習ステップで順伝播を 33,156 回も実行します。" +
				"誤差逆伝播法なら、同じ微分が順伝播と逆伝播の 1 回ずつで求まります。誤差逆伝播法とは、つまりそういうことです。"},
		{"試してみよう",
			"課題はわざと易しくしてあります。平坦な灰色のタイルとノイズのタイルを見分けるだけです。「実行」を押したら、" +
				"勾配の計算方法を切り替えてもう一度実行してみてください。数値は一致しますが、かかる時間はまるで違います。" +
				"「お試し」はネットワークを小さくするので、記事の方法でも 1 ステップ 1 秒とかかりません。"},
	},
}

// introLabel names the introduction, which makes it a landmark of its own.
var introLabel = text.Table[string]{
	text.English:  "About bibun",
	text.Japanese: "bibun について",
}

// Intro says what numerical differentiation is and why it is slow.
type Intro struct {
	vecty.Core
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (i *Intro) Render() vecty.ComponentOrHTML {
	parts := make(vecty.List, 0, 3)
	for _, p := range introText[i.Lang] {
		parts = append(parts, elem.Div(elem.Heading2(vecty.Text(p[0])), elem.Paragraph(vecty.Text(p[1]))))
	}
	return elem.Section(vecty.Markup(vecty.Class("intro"), vecty.Attribute("aria-label", introLabel[i.Lang])), parts)
}

// SkipRender keeps the text while the language stays the same.
func (i *Intro) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*Intro)
	return ok && q.Lang == i.Lang
}
