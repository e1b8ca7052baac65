package view

import (
	"strings"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
)

// metricsHeadText is every string MetricsHead shows: each column's name
// and, in its title, what it holds. A "|" in a name is where it may break
// on a narrow screen (Japanese has no spaces; the heads keep their words
// whole, as style.css says).
var metricsHeadText = text.Table[[6][2]string]{
	text.English: {
		{"step", "steps taken"},
		{"loss", "mean cross-entropy on the step's batch, after the update"},
		{"train acc", "accuracy on the whole training set"},
		{"test acc", "accuracy on the whole test set"},
		{"loss evals", "times the gradient evaluated the batch loss"},
		{"gradient time", "wall-clock time of the step's gradient"},
	},
	text.Japanese: {
		{"ステップ", "終えたステップの数"},
		{"損失", "更新後の、そのステップのバッチでの平均交差エントロピー"},
		{"訓練|正解率", "訓練データ全体での正解率"},
		{"テスト|正解率", "テストデータ全体での正解率"},
		{"損失の|評価回数", "勾配を求めるのにバッチの損失を計算した回数"},
		{"勾配の|計算時間", "そのステップの勾配の計算にかかった実時間"},
	},
}

// MetricsHead names the columns of the metrics table.
type MetricsHead struct {
	vecty.Core
	Lang        text.Lang `vecty:"prop"`
	Beside      string    `vecty:"prop"` // the heading of a pinned run's losses beside; "" for none
	BesideTitle string    `vecty:"prop"` // what that column holds
}

// Render implements vecty.Component.
func (h *MetricsHead) Render() vecty.ComponentOrHTML {
	cols := make(vecty.List, 0, 7)
	for _, c := range metricsHeadText[h.Lang] {
		cols = append(cols, elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col"), vecty.Attribute("title", c[1])), breakable(c[0])))
	}
	if h.Beside != "" {
		cols = append(cols, elem.TableHeader(vecty.Markup(vecty.Class("beside"), vecty.Attribute("scope", "col"),
			vecty.Attribute("title", h.BesideTitle)), vecty.Text(h.Beside)))
	}
	return elem.TableHead(elem.TableRow(cols))
}

// SkipRender keeps the head while the language stays the same.
func (h *MetricsHead) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*MetricsHead)
	return ok && q.Lang == h.Lang && q.Beside == h.Beside && q.BesideTitle == h.BesideTitle
}

// breakable returns s as text with a <wbr> where s has a "|".
func breakable(s string) vecty.List {
	var l vecty.List
	for i, part := range strings.Split(s, "|") {
		if i > 0 {
			l = append(l, elem.WordBreakOpportunity())
		}
		l = append(l, vecty.Text(part))
	}
	return l
}
