package view

import (
	"math"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// articleText is every string ArticleCompare shows.
var articleText = text.Table[struct {
	Title, Off, Button, Note, ChartTitle, XLabel, YLabel, Caption string
	Ours, Theirs, Step, Loss, TrainAcc, TestAcc                   string
	Series                                                        [4]string // our loss, the article's loss, our test accuracy, the article's
}]{
	text.English: {
		Title:  "The article beside this run",
		Off:    "With the article's settings (any seed, any method), the loss and accuracies its author logged appear here beside this run's.",
		Button: "Use the article's settings",
		Note: "The article's own log, step by step, beside this run. Its random streams are numpy's and its sigmoid is written " +
			"1/(1 + exp(a)), a sign slip that W1 absorbs, so the digits differ from ours; the shape should match: " +
			"the loss falls from about 0.61 to 0.2 and the accuracy climbs from 0.5 to about 0.96.",
		ChartTitle: "Loss and test accuracy, this run and the article's",
		XLabel:     "step",
		YLabel:     "loss, accuracy",
		Caption:    "Solid: this run. Dashed: the article's log.",
		Ours:       "this run",
		Theirs:     "article",
		Step:       "step",
		Loss:       "loss",
		TrainAcc:   "train acc",
		TestAcc:    "test acc",
		Series:     [4]string{"loss, this run", "loss, article", "test accuracy, this run", "test accuracy, article"},
	},
	text.Japanese: {
		Title:  "記事の実行と並べて",
		Off:    "記事の設定にすると（シードと勾配の計算方法は問いません）、記事の筆者が記録した損失と正解率が、この実行の値と並んでここに表示されます。",
		Button: "記事の設定にする",
		Note: "記事の筆者自身の記録を、この実行とステップごとに並べています。記事の乱数は numpy のもので、シグモイドも " +
			"1/(1 + exp(a)) と符号が逆に書かれています（W1 が吸収するので学習はできます）。そのため数値は一致しませんが、" +
			"形は同じはずです。損失は約 0.61 から 0.2 まで下がり、正解率は 0.5 から約 0.96 まで上がります。",
		ChartTitle: "損失とテスト正解率：この実行と記事",
		XLabel:     "ステップ",
		YLabel:     "損失・正解率",
		Caption:    "実線：この実行。破線：記事の記録。",
		Ours:       "この実行",
		Theirs:     "記事",
		Step:       "ステップ",
		Loss:       "損失",
		TrainAcc:   "訓練正解率",
		TestAcc:    "テスト正解率",
		Series:     [4]string{"損失（この実行）", "損失（記事）", "テスト正解率（この実行）", "テスト正解率（記事）"},
	},
}

// ArticleCompare shows the article's logged run beside this one when the
// settings are the article's, and otherwise offers them.
type ArticleCompare struct {
	vecty.Core
	Config spec.Config    `vecty:"prop"`
	Lang   text.Lang      `vecty:"prop"`
	Rows   []spec.Metrics `vecty:"prop"`
}

// isArticle reports whether c is the article's run but for the seed and
// the gradient method, which its log does not depend on.
func isArticle(c spec.Config) bool {
	a := spec.Article()
	a.Seed, a.Method = c.Seed, c.Method
	return c == a
}

// Render implements vecty.Component.
func (a *ArticleCompare) Render() vecty.ComponentOrHTML {
	txt := articleText[a.Lang]
	if !isArticle(a.Config) {
		return elem.Section(vecty.Markup(vecty.Class("teach-card", "article"), vecty.Data("state", "off")),
			elem.Heading3(vecty.Text(txt.Title)),
			elem.Paragraph(vecty.Text(txt.Off)),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "use-article"), event.Click(a.onArticle)),
				vecty.Text(txt.Button)),
		)
	}
	return elem.Section(vecty.Markup(vecty.Class("teach-card", "article"), vecty.Data("state", "on")),
		elem.Heading3(vecty.Text(txt.Title)),
		elem.Paragraph(vecty.Text(txt.Note)),
		elem.Div(vecty.Markup(vecty.Class("article-body")),
			elem.Figure(vecty.Markup(vecty.Class("chart-box", "plain")),
				a.renderChart(),
				elem.FigureCaption(vecty.Text(txt.Caption)),
				&ArticleLegend{Lang: a.Lang},
			),
			a.renderTable(),
		),
	)
}

// renderChart draws the loss and the test accuracy of both runs.
func (a *ArticleCompare) renderChart() *vecty.HTML {
	log := spec.ArticleLog
	p := plot{x0: 0, x1: float64(len(log)), y0: 0, y1: 1}
	var loss, test, theirLoss, theirTest []float64
	for _, m := range a.Rows {
		loss, test = append(loss, m.Loss), append(test, m.TestAcc)
	}
	for _, s := range log {
		theirLoss, theirTest = append(theirLoss, s.Loss), append(theirTest, s.TestAcc)
	}
	series := []vecty.MarkupOrChild{p.line("article-loss", math.NaN(), theirLoss), p.line("article-test", math.NaN(), theirTest)}
	if len(a.Rows) > 0 {
		series = append(series, p.line("loss", math.NaN(), loss), p.line("test", math.NaN(), test))
	}
	txt := articleText[a.Lang]
	return chart(txt.ChartTitle, &ChartAxes{Plot: p, XLabel: txt.XLabel, YLabel: txt.YLabel, YDigits: 1}, series...)
}

// renderTable lists each step of both runs; this run's cells stay empty
// until it takes the step.
func (a *ArticleCompare) renderTable() *vecty.HTML {
	txt := articleText[a.Lang]
	rows := make(vecty.List, len(spec.ArticleLog))
	for i, s := range spec.ArticleLog {
		row := &ArticleRow{Step: i + 1, Theirs: s}
		if i < len(a.Rows) {
			row.Ours, row.Reached = a.Rows[i], true
		}
		rows[i] = row
	}
	return elem.Div(vecty.Markup(vecty.Class("article-scroll"), vecty.Attribute("tabindex", "0"), vecty.Attribute("role", "region"),
		vecty.Attribute("aria-label", txt.Title)),
		elem.Table(vecty.Markup(vecty.Class("article-table"), vecty.Data("testid", "article")),
			&ArticleHead{Lang: a.Lang},
			elem.TableBody(rows),
		),
	)
}

// SkipRender skips the card while the settings and the steps stay the same.
func (a *ArticleCompare) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*ArticleCompare)
	return ok && q.Config == a.Config && q.Lang == a.Lang && sameRows(q.Rows, a.Rows)
}

func (a *ArticleCompare) onArticle(*vecty.Event) {
	dispatcher.Dispatch(&action.UsePreset{Preset: action.Article})
}
