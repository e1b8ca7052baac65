package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
)

// ArticleRow is one step of ArticleCompare's table: this run's loss and
// accuracies beside the article's, each with its full value in data-value.
// Before this run reaches the step, its cells are empty.
type ArticleRow struct {
	vecty.Core
	Step    int              `vecty:"prop"` // 1, 2, …
	Theirs  spec.ArticleStep `vecty:"prop"` // the article's log at Step
	Ours    spec.Metrics     `vecty:"prop"` // this run's step, if Reached
	Reached bool             `vecty:"prop"`
}

// Render implements vecty.Component.
func (r *ArticleRow) Render() vecty.ComponentOrHTML {
	td := func(col string, x float64, ok bool, digits int) *vecty.HTML {
		if !ok {
			return elem.TableData(vecty.Markup(vecty.Data("col", col)))
		}
		return elem.TableData(vecty.Markup(vecty.Data("col", col), vecty.Data("value", format.Full(x))),
			vecty.Text(strconv.FormatFloat(x, 'f', digits, 64)))
	}
	m, s, ours := r.Ours, r.Theirs, r.Reached
	return elem.TableRow(vecty.Markup(vecty.Data("step", strconv.Itoa(r.Step))),
		elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "row")), vecty.Text(strconv.Itoa(r.Step))),
		td("loss", m.Loss, ours, 3), td("article-loss", s.Loss, true, 3),
		td("train-acc", m.TrainAcc, ours, 2), td("article-train-acc", s.TrainAcc, true, 2),
		td("test-acc", m.TestAcc, ours, 2), td("article-test-acc", s.TestAcc, true, 2),
	)
}

// SkipRender skips a row whose figures have not changed: a run fills one
// row a step.
func (r *ArticleRow) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*ArticleRow)
	return ok && p.Step == r.Step && p.Theirs == r.Theirs && p.Ours == r.Ours && p.Reached == r.Reached
}
