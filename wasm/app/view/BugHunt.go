package view

import (
	"strings"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// bugText is every string BugHunt shows; the functions take names and
// numbers already written for reading.
var bugText = text.Table[struct {
	Title, Planted, Lines, Reveal, Plant, Again, Should, Was string
	None                                                     func(example, names string) string
	Named                                                    func(what, tensors string) string
	What                                                     map[spec.Bug]string
	And                                                      string // joins the last two tensors
}]{
	text.English: {
		Title: "Find the bug",
		None: func(example, names string) string {
			return "No bug is planted. A link can plant one in backprop, for a class to find: " + example +
				" Then ask which layer is wrong. The bugs on offer: " + names + "."
		},
		Planted: "A bug is planted in backprop: one line of the chain rule below is written wrong. The numerical and incremental " +
			"differences are untouched, since they only run the network forward. Run the gradient check above: which tensors " +
			"disagree with the differences? Then: which line breaks them?",
		Lines:  "Backprop's chain rule for this network, from the loss back to the weights:",
		Reveal: "Reveal the bug",
		Plant:  "Plant a random bug",
		Again:  "Plant another",
		Should: "should read",
		Was:    "was planted as",
		Named:  func(what, tensors string) string { return "The bug: " + what + " It breaks " + tensors + "." },
		What: map[spec.Bug]string{
			spec.SigmoidPrime:  "σ′ is left out, as if the hidden units were linear.",
			spec.BiasNotSummed: "the hidden biases' gradient takes the batch's last sample alone instead of summing over the batch.",
			spec.SoftmaxIndex:  "the one-hot label is subtracted at the other class.",
			spec.W2Transposed:  "W2's gradient is written as its transpose, 2×H into the H×2 place.",
		},
		And: " and ",
	},
	text.Japanese: {
		Title: "バグを探せ",
		None: func(example, names string) string {
			return "バグは仕込まれていません。リンクで誤差逆伝播法にバグを 1 つ仕込み、クラスで探すことができます：" + example +
				" そのうえで、どの層が間違っているかを尋ねてみましょう。仕込めるバグ：" + names + "。"
		},
		Planted: "誤差逆伝播法にバグが仕込まれています。下の連鎖律のうち 1 行が間違って書かれています。数値微分と増分計算の差分は" +
			"順伝播しか使わないので影響を受けません。上の勾配チェックを実行してみましょう。どのテンソルが差分と食い違うでしょうか。" +
			"そして、それを壊しているのはどの行でしょうか。",
		Lines:  "このネットワークの誤差逆伝播法の連鎖律（損失から重みへ）：",
		Reveal: "バグを明かす",
		Plant:  "ランダムにバグを仕込む",
		Again:  "別のバグを仕込む",
		Should: "正しくは",
		Was:    "仕込まれたのは",
		Named: func(what, tensors string) string {
			return "バグ：" + what + "壊れるのは " + tensors + " です。"
		},
		What: map[spec.Bug]string{
			spec.SigmoidPrime:  "σ′ が抜けていて、隠れユニットが線形であるかのように計算しています。",
			spec.BiasNotSummed: "隠れ層のバイアスの勾配を、バッチで合計せず最後のサンプルだけから求めています。",
			spec.SoftmaxIndex:  "one-hot のラベルを、もう一方のクラスの位置で引いています。",
			spec.W2Transposed:  "W2 の勾配を転置して、2×H の行列を H×2 の場所に書き込んでいます。",
		},
		And: "と",
	},
}

// BugHunt sets the exercise of a bug planted in backprop (the link's bug):
// it says a bug is planted but not which, shows the chain rule, and on
// request names the bug and the line it breaks. With no bug it says how to
// plant one.
type BugHunt struct {
	vecty.Core
	Bug      spec.Bug  `vecty:"prop"`
	Revealed bool      `vecty:"prop"`
	Lang     text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *BugHunt) Render() vecty.ComponentOrHTML {
	txt := bugText[b.Lang]
	planted := b.Bug != spec.NoBug
	state := "none"
	switch {
	case planted && b.Revealed:
		state = "revealed"
	case planted:
		state = "hidden"
	}
	var body vecty.List
	if !planted {
		names := make([]string, len(spec.Bugs))
		for i, bug := range spec.Bugs {
			names[i] = string(bug)
		}
		body = vecty.List{
			elem.Paragraph(vecty.Text(txt.None("…#…&grad=backprop&bug=sigmoid-prime.", strings.Join(names, ", ")))),
			b.renderButtons(txt.Plant, ""),
		}
	} else {
		body = vecty.List{
			elem.Paragraph(vecty.Markup(vecty.Data("testid", "bug-planted")), vecty.Text(txt.Planted)),
			elem.Paragraph(vecty.Text(txt.Lines)),
			b.renderLines(),
			b.renderButtons(txt.Again, txt.Reveal),
		}
		if b.Revealed {
			body = append(body, b.renderAnswer())
		}
	}
	return elem.Section(vecty.Markup(vecty.Class("teach-card", "bug"), vecty.Data("testid", "bug"), vecty.Data("state", state)),
		elem.Heading3(vecty.Text(txt.Title)),
		body,
	)
}

// renderLines lists the chain rule, the broken line marked once revealed.
func (b *BugHunt) renderLines() *vecty.HTML {
	right, _ := b.Bug.Line()
	items := make(vecty.List, len(spec.ChainRule))
	for i, line := range spec.ChainRule {
		broken := b.Revealed && line == right
		items[i] = elem.ListItem(vecty.Markup(vecty.MarkupIf(broken, vecty.Class("broken"), vecty.Data("broken", "true"))),
			elem.Code(vecty.Text(line)))
	}
	return elem.OrderedList(vecty.Markup(vecty.Class("chain-rule")), items)
}

// renderButtons offers to plant a bug, and to reveal the planted one when
// reveal is not "".
func (b *BugHunt) renderButtons(plant, reveal string) *vecty.HTML {
	return elem.Div(vecty.Markup(vecty.Class("task-controls")),
		vecty.If(reveal != "", elem.Button(vecty.Markup(prop.Type(prop.TypeButton), vecty.Data("testid", "reveal-bug"),
			vecty.Property("disabled", b.Revealed), event.Click(b.onReveal)), vecty.Text(reveal))),
		elem.Button(vecty.Markup(prop.Type(prop.TypeButton), vecty.Data("testid", "plant-bug"), event.Click(b.onPlant)), vecty.Text(plant)),
	)
}

// renderAnswer names the bug, the tensors it breaks and its line, right
// and as planted.
func (b *BugHunt) renderAnswer() *vecty.HTML {
	txt := bugText[b.Lang]
	tensors := b.Bug.Breaks()
	list := strings.Join(tensors, ", ")
	if n := len(tensors); n > 1 {
		list = strings.Join(tensors[:n-1], ", ") + txt.And + tensors[n-1]
	}
	right, planted := b.Bug.Line()
	return elem.Div(vecty.Markup(vecty.Class("bug-answer"), vecty.Data("testid", "bug-name"), vecty.Data("bug", string(b.Bug))),
		elem.Paragraph(elem.Strong(vecty.Text(string(b.Bug))), vecty.Text(" — "+txt.Named(txt.What[b.Bug], list))),
		elem.Paragraph(vecty.Text(txt.Should+" "), elem.Code(vecty.Text(right))),
		elem.Paragraph(vecty.Text(txt.Was+" "), elem.Code(vecty.Markup(vecty.Class("planted")), vecty.Text(planted))),
	)
}

// SkipRender skips the card while its bug, reveal and language stay.
func (b *BugHunt) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*BugHunt)
	return ok && q.Bug == b.Bug && q.Revealed == b.Revealed && q.Lang == b.Lang
}

func (b *BugHunt) onReveal(*vecty.Event) { dispatcher.Dispatch(&action.RevealBug{}) }
func (b *BugHunt) onPlant(*vecty.Event)  { dispatcher.Dispatch(&action.PlantBug{}) }
