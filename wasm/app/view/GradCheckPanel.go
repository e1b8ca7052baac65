package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/msg"
)

// gradCheckText is every string GradCheckPanel shows. The functions take
// numbers already written for reading, and a method's name in the language.
var gradCheckText = text.Table[struct {
	Title, Button, Explain, NotReady, Auto, Empty string
	ForBackprop                                   string
	Tensor, Params, RelErr, MaxRelErr, Verdict    string
	RelErrTitle, MaxRelErrTitle                   string
	Grades                                        map[string]string
	Compare                                       func(method, h string) string
	Sampled, All                                  func(n string) string
	At                                            func(step string) string
	Stale                                         func(step, now string) string
	Working                                       func(done, total string) string
	Failed                                        func(reason string) string
}]{
	text.English: {
		Title:  "Gradient check",
		Button: "Check gradient",
		Explain: "The relative error ‖a − n‖ / max(‖a‖, ‖n‖) between backprop's gradient a and the differences n: " +
			"below 10⁻⁷ they agree to the seven or so digits float64 differences allow, up to 10⁻⁴ is fine, " +
			"10⁻⁴ to 10⁻² is suspect, and above 10⁻² one of them is wrong.",
		NotReady:       "Available between steps: once the run is paused, done or reset.",
		Auto:           "Cheap at these settings, so it is redone whenever the run stops between steps.",
		Empty:          "No check yet: press the button.",
		ForBackprop:    "This run uses backprop itself, so its check uses incremental differences.",
		Tensor:         "tensor",
		Params:         "compared",
		RelErr:         "relative error",
		MaxRelErr:      "worst element",
		Verdict:        "verdict",
		RelErrTitle:    "‖a − n‖ / max(‖a‖, ‖n‖) over the whole tensor",
		MaxRelErrTitle: "the largest |a − n| / max(|a|, |n|) of any one parameter",
		Grades:         map[string]string{"happy": "happy", "fine": "fine", "suspect": "suspect", "wrong": "wrong"},
		Compare: func(method, h string) string {
			return "Compares " + method + " differences (h = " + h + ") with backprop, tensor by tensor, " +
				"at the current weights and the batch of the next step."
		},
		Sampled: func(n string) string {
			return "On " + n + " sampled parameters (up to 64 of each tensor): a whole numerical gradient takes far longer."
		},
		All: func(n string) string { return "On all " + n + " parameters." },
		At:  func(step string) string { return "Checked after step " + step + "." },
		Stale: func(step, now string) string {
			return "Checked after step " + step + "; the network has taken " + now + " since: check again."
		},
		Working: func(done, total string) string { return "Differentiating: " + done + " of " + total + " parameters…" },
		Failed:  func(reason string) string { return "The worker could not do it: " + reason + "." },
	},
	text.Japanese: {
		Title:  "勾配チェック",
		Button: "勾配をチェック",
		Explain: "誤差逆伝播法の勾配 a と差分 n との相対誤差 ‖a − n‖ / max(‖a‖, ‖n‖) です。10⁻⁷ 未満なら、" +
			"float64 の差分で出せる 7 桁ほどまで一致しています。10⁻⁴ までなら良好、10⁻⁴ から 10⁻² は要注意、" +
			"10⁻² を超えたらどちらかが間違っています。",
		NotReady:       "ステップの合間（一時停止・完了・リセットの後）に使えます。",
		Auto:           "この設定では軽いので、実行がステップの合間で止まるたびに自動でやり直します。",
		Empty:          "まだチェックしていません。ボタンを押してください。",
		ForBackprop:    "この実行は誤差逆伝播法そのものを使っているので、チェックには増分計算の差分を使います。",
		Tensor:         "テンソル",
		Params:         "比較した数",
		RelErr:         "相対誤差",
		MaxRelErr:      "最悪の要素",
		Verdict:        "判定",
		RelErrTitle:    "テンソル全体での ‖a − n‖ / max(‖a‖, ‖n‖)",
		MaxRelErrTitle: "パラメータ 1 つごとの |a − n| / max(|a|, |n|) のうち最大のもの",
		Grades:         map[string]string{"happy": "完璧", "fine": "良好", "suspect": "要注意", "wrong": "誤り"},
		Compare: func(method, h string) string {
			return "現在の重みと次のステップのバッチで、" + method + "による差分（h = " + h + "）を誤差逆伝播法とテンソルごとに比べます。"
		},
		Sampled: func(n string) string {
			return "比べるのは抜き出した " + n + " 個のパラメータです（各テンソルから最大 64 個）。数値微分で勾配をすべて求めると、はるかに時間がかかるためです。"
		},
		All: func(n string) string { return "全 " + n + " 個のパラメータで比べます。" },
		At:  func(step string) string { return "ステップ " + step + " の後でチェックしました。" },
		Stale: func(step, now string) string {
			return "ステップ " + step + " の後でチェックしました。その後ネットワークは " + now + " ステップ進んだので、もう一度チェックしてください。"
		},
		Working: func(done, total string) string {
			return "微分を計算中：パラメータ " + total + " 個のうち " + done + " 個…"
		},
		Failed: func(reason string) string { return "ワーカーが計算できませんでした：" + reason + "。" },
	},
}

// GradCheckPanel compares the run's differences with backprop at the
// current weights: per tensor, the relative error and the worst element's,
// graded by the thresholds of a gradient check.
type GradCheckPanel struct {
	vecty.Core
	Config spec.Config     `vecty:"prop"`
	Lang   text.Lang       `vecty:"prop"`
	Step   int             `vecty:"prop"` // steps the run has taken
	Ready  bool            `vecty:"prop"` // the button may ask
	Cheap  bool            `vecty:"prop"` // the check is redone after every step
	Check  store.GradCheck `vecty:"prop"`
}

// Render implements vecty.Component.
func (p *GradCheckPanel) Render() vecty.ComponentOrHTML {
	txt, c, r := gradCheckText.In(p.Lang), p.Check, p.Check.Result
	method, sample := store.CheckPlan(p.Config)
	scope := txt.All(format.Count(p.Config.Params()))
	if sample > 0 {
		scope = txt.Sampled(format.Count(sample))
	}
	if p.Config.Method == spec.Backprop {
		scope = p.Lang.Join(scope, txt.ForBackprop)
	}
	st := "idle"
	var status vecty.ComponentOrHTML = elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Empty))
	switch {
	case c.Busy:
		st = "busy"
		status = &TaskProgress{ID: "gradcheck-progress", Done: c.Done, Total: c.Total,
			Label: txt.Working(format.Count(c.Done), format.Count(c.Total))}
	case c.Error != "":
		st = "error"
		status = elem.Paragraph(vecty.Markup(vecty.Class("task-error")), vecty.Text(txt.Failed(c.Error)))
	case r != nil && r.Step < p.Step:
		st = "stale"
		status = elem.Paragraph(vecty.Markup(vecty.Class("hint", "stale")), vecty.Text(txt.Stale(strconv.Itoa(r.Step), strconv.Itoa(p.Step-r.Step))))
	case r != nil:
		st = "done"
		status = elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.At(strconv.Itoa(r.Step))))
	}
	var rows vecty.List
	if r != nil {
		for _, t := range r.Tensors {
			rows = append(rows, p.renderRow(t, txt.Grades))
		}
	}
	hooks := vecty.Markup(vecty.Class("teach-card", "gradcheck"), vecty.Data("testid", "gradcheck"), vecty.Data("state", st))
	if r != nil {
		hooks = vecty.Markup(hooks, vecty.Data("step", strconv.Itoa(r.Step)), vecty.Data("method", string(r.Method)))
	}
	return elem.Section(hooks,
		elem.Heading3(vecty.Text(txt.Title)),
		elem.Paragraph(vecty.Text(p.Lang.Join(txt.Compare(methodName(p.Lang, method), format.Short(p.Config.H)), scope))),
		elem.Div(vecty.Markup(vecty.Class("task-controls")),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "check-gradient"),
				vecty.Property("disabled", !p.Ready || c.Busy), event.Click(p.onCheck)), vecty.Text(txt.Button)),
			vecty.If(!p.Ready, elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.NotReady))),
			vecty.If(p.Ready && p.Cheap, elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Auto))),
		),
		status,
		vecty.If(r != nil, elem.Table(vecty.Markup(vecty.Class("gradcheck-table")),
			elem.TableHead(elem.TableRow(
				elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Tensor)),
				elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Params)),
				elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col"), vecty.Attribute("title", txt.RelErrTitle)), vecty.Text(txt.RelErr)),
				elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col"), vecty.Attribute("title", txt.MaxRelErrTitle)), vecty.Text(txt.MaxRelErr)),
				elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Verdict)),
			)),
			elem.TableBody(rows),
		)),
		elem.Paragraph(vecty.Markup(vecty.Class("explain")), vecty.Text(txt.Explain)),
	)
}

// renderRow shows one tensor's errors, each coloured by its grade; the
// verdict is the worse of the two.
func (p *GradCheckPanel) renderRow(t msg.TensorCheck, grades map[string]string) *vecty.HTML {
	cell := func(col string, x float64) *vecty.HTML {
		return elem.TableData(vecty.Markup(vecty.Data("col", col), vecty.Data("value", format.Full(x)),
			vecty.Data("grade", grade(x)), vecty.Class("grade-"+grade(x))), vecty.Text(format.Sci(x, 2)))
	}
	worst := grade(max(t.RelErr, t.MaxRelErr))
	return elem.TableRow(vecty.Markup(vecty.Data("tensor", t.Name)),
		elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "row")), vecty.Text(t.Name)),
		elem.TableData(vecty.Markup(vecty.Data("col", "params"), vecty.Data("value", strconv.Itoa(t.Params))), vecty.Text(format.Count(t.Params))),
		cell("rel-err", t.RelErr),
		cell("max-rel-err", t.MaxRelErr),
		elem.TableData(vecty.Markup(vecty.Data("col", "verdict"), vecty.Class("grade-"+worst)), vecty.Text(grades[worst])),
	)
}

// grade returns the verdict of a gradient check on relative error x:
// happy below 1e-7, fine to 1e-4, suspect to 1e-2, wrong above.
func grade(x float64) string {
	switch {
	case x < 1e-7:
		return "happy"
	case x <= 1e-4:
		return "fine"
	case x <= 1e-2:
		return "suspect"
	}
	return "wrong"
}

// SkipRender skips the panel while nothing it shows changes.
func (p *GradCheckPanel) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*GradCheckPanel)
	return ok && q.Config == p.Config && q.Lang == p.Lang && q.shownStep() == p.shownStep() && q.Ready == p.Ready && q.Cheap == p.Cheap && q.Check == p.Check
}

// shownStep is the run's step as far as the panel shows it: only a result
// (how many steps ago it was checked) tells it, so a run's steps before
// the first check do not redraw the panel.
func (p *GradCheckPanel) shownStep() int {
	if p.Check.Result == nil {
		return 0
	}
	return p.Step
}

func (p *GradCheckPanel) onCheck(*vecty.Event) { dispatcher.Dispatch(&action.CheckGradient{}) }
