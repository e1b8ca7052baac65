package view

import (
	"math"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// hSweepText is every string HSweepChart shows; the functions take
// numbers already written for reading.
var hSweepText = text.Table[struct {
	Title, Button, Empty, ChartTitle, XLabel, YLabel string
	Explain                                          func(eps, best string) string
	Yours                                            func(h string) string
	About                                            func(params, step string) string
	Working                                          func(done, total string) string
}]{
	text.English: {
		Title:      "Choosing h",
		Button:     "Sweep h",
		Empty:      "No sweep yet: press the button.",
		ChartTitle: "Relative error of central differences against h",
		XLabel:     "h",
		YLabel:     "relative error to backprop",
		Explain: func(eps, best string) string {
			return "A central difference errs two ways. Truncation: (f(θ+h) − f(θ−h))/2h is exact only for a parabola, " +
				"so it is off by about h²·f‴/6, an error that falls as h² while h shrinks. " +
				"Round-off: each loss is rounded to float64, off by about ε·|L| (ε ≈ " + eps + "), and dividing by 2h " +
				"magnifies that as ε/h. The sum is smallest where the two meet, near " + best + ": the bottom of the V."
		},
		Yours: func(h string) string { return "your h = " + h },
		About: func(params, step string) string {
			return "The article's differences, two full forward passes each, on " + params +
				" sampled parameters, at the weights after step " + step + " and the next step's batch."
		},
		Working: func(done, total string) string { return "Sweeping: " + done + " of " + total + " values of h…" },
	},
	text.Japanese: {
		Title:      "刻み幅 h の選び方",
		Button:     "h を変えて測る",
		Empty:      "まだ測っていません。ボタンを押してください。",
		ChartTitle: "中心差分の相対誤差と h の関係",
		XLabel:     "h",
		YLabel:     "誤差逆伝播法との相対誤差",
		Explain: func(eps, best string) string {
			return "中心差分の誤差には 2 つの原因があります。打ち切り誤差：(f(θ+h) − f(θ−h))/2h が正確なのは放物線のときだけなので、" +
				"およそ h²·f‴/6 だけずれます。この誤差は h を小さくすると h² に比例して減ります。" +
				"丸め誤差：損失はどれも float64 に丸められて ε·|L|（ε ≈ " + eps + "）ほどずれ、2h で割るとそれが ε/h に拡大されます。" +
				"両者の和がいちばん小さくなるのは、2 つが釣り合う " + best + " のあたり、つまり V 字の底です。"
		},
		Yours: func(h string) string { return "いまの h = " + h },
		About: func(params, step string) string {
			return "記事と同じく順伝播を 2 回ずつ行う差分で、抜き出した " + params + " 個のパラメータについて、" +
				"ステップ " + step + " の後の重みと次のステップのバッチで測りました。"
		},
		Working: func(done, total string) string {
			return "測定中：h の値 " + total + " 個のうち " + done + " 個…"
		},
	},
}

// The chart's marks are notation, the same in every language: the slopes
// of truncation and round-off, and where they meet.
const (
	truncationMark = "∝ h²"
	roundOffMark   = "∝ ε/h"
)

// eps is float64's machine epsilon, ε: the spacing of the numbers next to 1.
const eps = 0x1p-52

// epsCubeRoot is ∛ε: where truncation and round-off of a central
// difference balance; bestMark marks it.
var (
	epsCubeRoot = math.Cbrt(eps)
	bestMark    = "∛ε ≈ " + format.Sci(epsCubeRoot, 1)
)

// HSweepChart plots the error of central differences against h on log-log
// axes: the V of truncation against round-off.
type HSweepChart struct {
	vecty.Core
	H     float64      `vecty:"prop"` // the run's h
	Lang  text.Lang    `vecty:"prop"`
	Ready bool         `vecty:"prop"` // the button may ask
	Sweep store.HSweep `vecty:"prop"`
}

// Render implements vecty.Component.
func (c *HSweepChart) Render() vecty.ComponentOrHTML {
	txt, w, r := hSweepText[c.Lang], c.Sweep, c.Sweep.Result
	card := &TeachCard{
		Lang: c.Lang, Class: "hsweep", Title: txt.Title,
		Button: txt.Button, ButtonID: "sweep-h", Ask: &action.SweepH{}, Ready: c.Ready,
		Task: w.Task, Progress: "hsweep-progress", Working: txt.Working(strconv.Itoa(w.Done), strconv.Itoa(w.Total)),
		Empty: txt.Empty, Explain: txt.Explain(format.Sci(eps, 2), bestMark),
	}
	if r != nil {
		card.Said = txt.About(strconv.Itoa(r.Params), strconv.Itoa(r.Step))
	}
	card.Result = elem.Figure(vecty.Markup(vecty.Class("chart-box", "plain"), vecty.Data("testid", "hsweep"), vecty.Data("state", card.State())),
		c.renderChart(),
	)
	return card
}

// renderChart draws the sweep's points, the h² and ε/h guides through its
// ends, and marks at the run's h and at ε^(1/3).
func (c *HSweepChart) renderChart() *vecty.HTML {
	txt, r := hSweepText[c.Lang], c.Sweep.Result
	var hs, errs []float64
	if r != nil {
		hs, errs = r.H, r.Err
	}
	y0, y1 := decades(errs, 6)
	p := logPlot{x0: exponent(spec.MinH), x1: exponent(spec.MaxH), y0: y0, y1: y1} // every h a link may hold (nn.HSteps among them)
	top, bottom := coord(marginT), coord(plotH-marginB)
	var parts []vecty.MarkupOrChild
	mark := func(class string, h float64, label string, right bool) {
		x, anchor, dx := p.x(h), "end", -4.0
		if right {
			anchor, dx = "start", 4
		}
		parts = append(parts,
			svg("line", attrs("class", "marker "+class, "x1", coord(x), "x2", coord(x), "y1", top, "y2", bottom)),
			svg("text", attrs("class", "marker-label "+class, "x", coord(x+dx), "y", coord(marginT+10), "text-anchor", anchor), vecty.Text(label)))
	}
	mark("best", epsCubeRoot, bestMark, false)
	if c.H >= spec.MinH && c.H <= spec.MaxH {
		mark("yours", c.H, txt.Yours(format.Short(c.H)), true)
	}
	if n := len(hs); r != nil && n == r.Total && n >= 2 {
		parts = append(parts, p.guide("truncation", hs[0], errs[0], 2, truncationMark), p.guide("round-off", hs[n-1], errs[n-1], -1, roundOffMark))
	}
	if len(hs) > 0 {
		parts = append(parts, p.polyline("hsweep-line", hs, errs))
	}
	for n, h := range hs {
		parts = append(parts, svg("circle", attrs("class", "point hsweep-point", "cx", coord(p.x(h)), "cy", coord(p.y(errs[n])), "r", "3.5",
			"data-h", format.Full(h), "data-err", format.Full(errs[n])),
			svg("title", vecty.Text("h = "+format.Sci(h, 1)+": "+format.Sci(errs[n], 2)))))
	}
	return chart(txt.ChartTitle, &LogAxes{Plot: p, XLabel: txt.XLabel, YLabel: txt.YLabel}, parts...)
}

// guide returns a dotted line of slope a on the log-log axes through the
// point (h, e), clipped to the chart, labelled beside its middle on the
// side away from the data's V.
func (p logPlot) guide(class string, h, e, a float64, label string) *vecty.HTML {
	// e(x) = e·(x/h)^a; x where it meets the top and the bottom of the chart.
	at := func(y float64) float64 { return h * math.Pow(math.Pow10(int(y))/e, 1/a) }
	lo, hi := at(float64(p.y0)), at(float64(p.y1))
	if lo > hi {
		lo, hi = hi, lo
	}
	lo, hi = max(lo, math.Pow10(p.x0)), min(hi, math.Pow10(p.x1))
	ey := func(x float64) float64 { return e * math.Pow(x/h, a) }
	mid := math.Sqrt(lo * hi) // the middle on the log axis
	x, y := p.x(mid), p.y(ey(mid))
	anchor, dx := "end", -8.0 // above a rising line is left of it
	if a < 0 {
		anchor, dx = "start", 8
	}
	return svg("g", attrs("class", "guide "+class),
		svg("line", attrs("x1", coord(p.x(lo)), "y1", coord(p.y(ey(lo))), "x2", coord(p.x(hi)), "y2", coord(p.y(ey(hi))))),
		svg("text", attrs("class", "guide-label", "x", coord(x+dx), "y", coord(y-8), "text-anchor", anchor), vecty.Text(label)),
	)
}

// SkipRender skips the chart while nothing it shows changes.
func (c *HSweepChart) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*HSweepChart)
	return ok && q.H == c.H && q.Lang == c.Lang && q.Ready == c.Ready && q.Sweep == c.Sweep
}

// exponent returns the power of ten nearest x.
func exponent(x float64) int { return int(math.Round(math.Log10(x))) }
