package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// methodText is every string MethodSelect shows, and each method's short
// name, which the teaching views use too (methodName).
var methodText = text.Table[struct {
	Label        string
	Short, Names map[spec.Method]string // a method's name; a choice of the menu
	Hints        map[spec.Method]string // more about each method
}]{
	text.English: {
		Label: "Gradient",
		Short: map[spec.Method]string{spec.Numerical: "numerical", spec.Incremental: "incremental", spec.Backprop: "backprop"},
		Names: map[spec.Method]string{
			spec.Numerical:   "numerical: a forward pass per nudge",
			spec.Incremental: "incremental: nudges from cached activations",
			spec.Backprop:    "backprop: the chain rule",
		},
		Hints: map[spec.Method]string{
			spec.Numerical: "The article's way: for every parameter, nudge it by ±h and run the whole batch forward each time. " +
				"Honest, and very slow.",
			spec.Incremental: "The same central differences with the same h, but each nudged loss is worked out from cached activations: " +
				"one nudge moves only one column of them. The same numbers, to rounding, far faster.",
			spec.Backprop: "Every derivative at once by the chain rule: one forward and one backward pass. " +
				"What every framework does; on a typical parameter the differences agree with it to about seven digits.",
		},
	},
	text.Japanese: {
		Label: "勾配の計算方法",
		Short: map[spec.Method]string{spec.Numerical: "数値微分", spec.Incremental: "増分計算", spec.Backprop: "誤差逆伝播法"},
		Names: map[spec.Method]string{
			spec.Numerical:   "数値微分：ずらすたびに順伝播",
			spec.Incremental: "増分計算：保存した活性から差分",
			spec.Backprop:    "誤差逆伝播法：連鎖律",
		},
		Hints: map[spec.Method]string{
			spec.Numerical: "記事のやり方です。パラメータを 1 つずつ ±h だけずらし、そのたびにバッチ全体を順伝播します。" +
				"素直ですが、とても遅い方法です。",
			spec.Incremental: "同じ h で同じ中心差分を求めますが、ずらしたときの損失を、保存しておいた活性から計算します。" +
				"パラメータを 1 つずらしても、変わる活性は 1 列だけだからです。丸め誤差の範囲で同じ数値が、はるかに速く得られます。",
			spec.Backprop: "連鎖律ですべての微分を一度に求めます。順伝播と逆伝播が 1 回ずつで済みます。" +
				"どのフレームワークも使っている方法で、典型的なパラメータでは数値微分と 7 桁ほど一致します。",
		},
	},
}

// methodName returns the short name of method m in language l.
func methodName(l text.Lang, m spec.Method) string {
	if n, ok := methodText[l].Short[m]; ok {
		return n
	}
	return string(m)
}

// MethodSelect shows how the gradient is computed, and lets the visitor choose.
type MethodSelect struct {
	vecty.Core
	Method spec.Method `vecty:"prop"`
	Lang   text.Lang   `vecty:"prop"`
	Fixed  string      `vecty:"prop"` // "fixed by this link" when the link locks it (fixedText); "" when open
}

// Render implements vecty.Component.
func (m *MethodSelect) Render() vecty.ComponentOrHTML {
	txt := methodText[m.Lang]
	options := make(vecty.List, len(spec.Methods))
	for i, method := range spec.Methods {
		options[i] = elem.Option(vecty.Markup(prop.Value(string(method)), vecty.Property("selected", method == m.Method)),
			vecty.Text(txt.Names[method]))
	}
	return elem.Div(vecty.Markup(vecty.Class("control", "method")),
		elem.Label(vecty.Markup(prop.For("ctl-grad")), vecty.Text(txt.Label)),
		elem.Select(vecty.Markup(prop.ID("ctl-grad"), prop.Name("grad"), vecty.Attribute("aria-describedby", "hint-grad"),
			vecty.Property("disabled", m.Fixed != ""), event.Change(m.onChange)), options),
		elem.Small(vecty.Markup(prop.ID("hint-grad"), vecty.Class("hint")), vecty.Text(txt.Hints[m.Method])),
		fixedNote(m.Fixed),
	)
}

func (m *MethodSelect) onChange(e *vecty.Event) {
	dispatcher.Dispatch(&action.Set{Key: "grad", Value: e.Target.Get("value").String()})
}
