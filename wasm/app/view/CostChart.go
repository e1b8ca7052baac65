package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/msg"
)

// costText is every string CostChart shows. The functions take numbers
// already written for reading, and a method's name in the language.
var costText = text.Table[struct {
	Title, Button, Empty, ChartTitle, XLabel, YLabel, Explain string
	About                                                     func(batch, passes string) string
	Sizes                                                     func(lo, hi, hidden string) string
	Legend                                                    func(method, slope string) string
	Working                                                   func(method, params, turn, turns string) string
}]{
	text.English: {
		Title:      "Cost growth",
		Button:     "Measure cost",
		Empty:      "Nothing measured yet: press the button (it takes some seconds).",
		ChartTitle: "Time of one gradient against the number of parameters",
		XLabel:     "parameters P",
		YLabel:     "ms per gradient",
		Explain: "On log-log axes a power law, time ∝ Pᵃ, is a straight line of slope a. Numerical differences run 2P forward passes " +
			"that each cost ∝ P, so their time grows as P² (slope 2). Backprop's one forward and one backward pass grow as P " +
			"(slope 1), and so do incremental's 2P cheap updates. But in WebAssembly an exponential costs as much as some 200 " +
			"multiply-adds, so on the small networks each sample's sigmoids and loss outweigh its matrix products: the lines " +
			"start flatter, and numerical's steepens toward 2 only at the largest sizes.",
		About: func(batch, passes string) string {
			return "Times one whole gradient of each method on networks of growing size, batch " + batch +
				", in a worker: the fastest of several runs, the networks taking turns " + passes + " times over."
		},
		Sizes: func(lo, hi, hidden string) string {
			return "Inputs S = " + lo + " … " + hi + ", " + hidden + " hidden units."
		},
		Legend: func(method, slope string) string { return method + ": slope " + slope },
		Working: func(method, params, turn, turns string) string {
			return "Timing " + method + " at P = " + params + " (turn " + turn + " of " + turns + ")…"
		},
	},
	text.Japanese: {
		Title:      "計算時間の増え方",
		Button:     "計算時間を測る",
		Empty:      "まだ測っていません。ボタンを押してください（数秒かかります）。",
		ChartTitle: "勾配 1 回の計算時間とパラメータ数の関係",
		XLabel:     "パラメータ数 P",
		YLabel:     "勾配 1 回の時間 (ms)",
		Explain: "両対数グラフでは、べき乗則「時間 ∝ Pᵃ」は傾き a の直線になります。数値微分は P に比例する手間の順伝播を 2P 回行うので、" +
			"時間は P² に比例して増えます（傾き 2）。誤差逆伝播法の順伝播と逆伝播 1 回ずつは P に比例し（傾き 1）、" +
			"増分計算の 2P 回の軽い更新も同じです。ただし WebAssembly では指数関数 1 回に積和およそ 200 回分の時間がかかるため、" +
			"小さなネットワークではサンプルごとのシグモイドと損失の計算が行列積より重くなります。そのため直線は初めは緩やかで、" +
			"数値微分の傾きが 2 に近づくのは最大のサイズになってからです。",
		About: func(batch, passes string) string {
			return "大きさの違うネットワークで、各方法の勾配 1 回分の計算時間をワーカーの中で測ります（バッチ " + batch +
				"）。ネットワークを順番に " + passes + " 巡させ、何回か測ったうちの最速の値を使います。"
		},
		Sizes: func(lo, hi, hidden string) string {
			return "入力 S = " + lo + " … " + hi + "、隠れ層 " + hidden + " ユニット。"
		},
		Legend: func(method, slope string) string { return method + "：傾き " + slope },
		Working: func(method, params, turn, turns string) string {
			return "P = " + params + " で" + method + "を計測中（" + turns + " 回中 " + turn + " 回目）…"
		},
	},
}

// CostChart plots the time of one gradient of each method against P on
// log-log axes, with the slope fitted to each method's points.
type CostChart struct {
	vecty.Core
	Batch int              `vecty:"prop"` // the run's batch size
	Lang  text.Lang        `vecty:"prop"`
	Ready bool             `vecty:"prop"` // the button may ask
	Cost  store.CostGrowth `vecty:"prop"`
}

// Render implements vecty.Component.
func (c *CostChart) Render() vecty.ComponentOrHTML {
	txt, g, r := costText[c.Lang], c.Cost, c.Cost.Result
	card := &TeachCard{
		Lang: c.Lang, Class: "cost-growth", Title: txt.Title, Lead: txt.About(strconv.Itoa(c.Batch), strconv.Itoa(msg.CostPasses)),
		Button: txt.Button, ButtonID: "measure-cost", Ask: &action.MeasureCost{}, Ready: c.Ready,
		Task: g.Task, Progress: "cost-progress", Working: "…", Empty: txt.Empty, Explain: txt.Explain,
	}
	if r != nil && r.Now.Params > 0 {
		card.Working = txt.Working(methodName(c.Lang, r.Now.Method), format.Count(r.Now.Params), strconv.Itoa(r.Done+1), strconv.Itoa(r.Total))
	}
	if r != nil && len(r.Points) > 0 {
		lo, hi := r.Points[0].Size, r.Points[0].Size
		for _, p := range r.Points {
			lo, hi = min(lo, p.Size), max(hi, p.Size)
		}
		card.Said = txt.Sizes(strconv.Itoa(lo), strconv.Itoa(hi), strconv.Itoa(r.Points[0].Hidden))
	}
	figure := vecty.Markup(vecty.Class("chart-box", "plain"), vecty.Data("testid", "cost"), vecty.Data("state", card.State()))
	if r != nil {
		for m, a := range r.Slopes {
			figure = vecty.Markup(figure, vecty.Attribute("data-slope-"+string(m), format.Full(a)))
		}
	}
	card.Result = elem.Figure(figure, c.renderChart())
	return card
}

// renderChart draws each method's points and the line through them.
func (c *CostChart) renderChart() *vecty.HTML {
	txt, r := costText[c.Lang], c.Cost.Result
	var points []msg.CostPoint
	if r != nil {
		points = r.Points
	}
	var params, ms []float64
	for _, q := range points {
		params, ms = append(params, float64(q.Params)), append(ms, q.Ms)
	}
	x0, x1 := decades(params, 2)
	y0, y1 := decades(ms, 4)
	p := logPlot{x0: x0, x1: x1, y0: y0, y1: y1}
	var legend [][2]string
	var parts []vecty.MarkupOrChild
	for _, m := range spec.Methods {
		var xs, ys []float64
		for _, q := range points {
			if q.Method == m {
				xs, ys = append(xs, float64(q.Params)), append(ys, q.Ms)
			}
		}
		if len(xs) == 0 {
			continue
		}
		slope := "…"
		if a, ok := r.Slopes[m]; ok {
			slope = strconv.FormatFloat(a, 'f', 2, 64)
		}
		legend = append(legend, [2]string{"cost-" + string(m), txt.Legend(methodName(c.Lang, m), slope)})
		parts = append(parts, p.polyline("cost-"+string(m), xs, ys))
		for i := range xs {
			parts = append(parts, svg("circle", attrs("class", "point cost-"+string(m), "cx", coord(p.x(xs[i])), "cy", coord(p.y(ys[i])), "r", "3.5",
				"data-method", string(m), "data-params", strconv.Itoa(int(xs[i])), "data-ms", format.Full(ys[i])),
				svg("title", vecty.Text(methodName(c.Lang, m)+", P = "+format.Count(int(xs[i]))+": "+duration(c.Lang, format.Milliseconds(ys[i]))))))
		}
	}
	return chart(txt.ChartTitle, &LogAxes{Plot: p, XLabel: txt.XLabel, YLabel: txt.YLabel, Legend: legend}, parts...)
}

// SkipRender skips the chart while nothing it shows changes.
func (c *CostChart) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*CostChart)
	return ok && q.Batch == c.Batch && q.Lang == c.Lang && q.Ready == c.Ready && q.Cost == c.Cost
}
