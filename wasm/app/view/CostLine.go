package view

import (
	"time"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/app/text"
	"bibun/wasm/cost"
)

// costLineText is every string CostLine shows. The functions take numbers
// already written for reading.
var costLineText = text.Table[struct {
	Measuring   string
	Params      func(p string) string
	Numerical   func(evals, batch string) string
	Incremental func(evals string) string
	Backprop    string
	Workers     func(n int, shown string) string                          // n workers, n written as shown
	Estimate    func(step, who string, n int, steps, total string) string // n steps, written as steps
}]{
	text.English: {
		Measuring: "Measuring this browser's speed…",
		Params:    func(p string) string { return "P = " + p + " parameters: " },
		Numerical: func(evals, batch string) string {
			return evals + " forward passes a step (two per parameter), each over the whole batch of " + batch + "."
		},
		Incremental: func(evals string) string {
			return evals + " loss evaluations a step (two per parameter), each from cached activations instead of a forward pass."
		},
		Backprop: "one forward and one backward pass a step, for every derivative at once.",
		Workers: func(n int, shown string) string {
			if n == 1 {
				return "1 worker"
			}
			return shown + " workers"
		},
		Estimate: func(step, who string, n int, steps, total string) string {
			if n == 1 {
				return "About " + step + " a step here with " + who + "."
			}
			return "About " + step + " a step here with " + who + "; " + steps + " steps ≈ " + total + "."
		},
	},
	text.Japanese: {
		Measuring: "このブラウザの速さを測っています…",
		Params:    func(p string) string { return "パラメータ数 P = " + p + "：" },
		Numerical: func(evals, batch string) string {
			return "1 ステップに順伝播 " + evals + " 回（パラメータ 1 つにつき 2 回）。毎回バッチ全体の " + batch + " 個を計算します。"
		},
		Incremental: func(evals string) string {
			return "1 ステップに損失の評価 " + evals + " 回（パラメータ 1 つにつき 2 回）。どれも順伝播をせず、保存した活性から求めます。"
		},
		Backprop: "1 ステップに順伝播と逆伝播が 1 回ずつ。それだけですべての微分が求まります。",
		Workers:  func(n int, shown string) string { return "ワーカー " + shown + " 個" },
		Estimate: func(step, who string, n int, steps, total string) string {
			if n == 1 {
				return "このブラウザでは" + who + "で 1 ステップ約 " + step + "です。"
			}
			return "このブラウザでは" + who + "で 1 ステップ約 " + step + "、" + steps + " ステップで約 " + total + "です。"
		},
	},
}

// CostLine says what one step of the current settings costs: the
// parameters, the loss evaluations, and the time at this browser's speed.
type CostLine struct {
	vecty.Core
	Config   spec.Config   `vecty:"prop"`
	Lang     text.Lang     `vecty:"prop"`
	Workers  int           `vecty:"prop"`
	Estimate time.Duration `vecty:"prop"` // one step's gradient; 0 while unknown
}

// Render implements vecty.Component.
func (l *CostLine) Render() vecty.ComponentOrHTML {
	c, txt := l.Config, costLineText[l.Lang]
	var work string
	switch c.Method {
	case spec.Numerical:
		work = txt.Numerical(format.Count(cost.Evals(c)), format.Count(c.Batch))
	case spec.Incremental:
		work = txt.Incremental(format.Count(cost.Evals(c)))
	default:
		work = txt.Backprop
	}
	when := txt.Measuring
	if l.Estimate > 0 {
		n := 1 // backprop's gradient is not split
		if c.Method != spec.Backprop {
			n = max(l.Workers, 1)
		}
		when = txt.Estimate(duration(l.Lang, l.Estimate), txt.Workers(n, format.Count(n)),
			c.Steps, format.Count(c.Steps), duration(l.Lang, l.Estimate*time.Duration(c.Steps)))
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("cost"), vecty.Data("testid", "cost-line")),
		elem.Strong(vecty.Text(txt.Params(format.Count(c.Params())))),
		vecty.Text(work+" "),
		elem.Span(vecty.Markup(vecty.Class("estimate")), vecty.Text(when)),
	)
}

// SkipRender skips the line while settings and speed stay the same.
func (l *CostLine) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*CostLine)
	return ok && q.Config == l.Config && q.Lang == l.Lang && q.Workers == l.Workers &&
		duration(q.Lang, q.Estimate) == duration(l.Lang, l.Estimate) // refined each step, read rounded
}
