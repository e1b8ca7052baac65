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
	"bibun/wasm/msg"
)

// gradCheckText is every string GradCheckPanel shows. The functions take
// numbers already written for reading, and a method's name in the language.
var gradCheckText = text.Table[struct {
	Title, Button, Auto, Empty                 string
	ForBackprop                                string
	Tensor, Params, RelErr, MaxRelErr, Verdict string
	RelErrTitle, MaxRelErrTitle                string
	Grades                                     map[string]string
	Explain                                    func(happy, fine, suspect string) string
	Compare                                    func(method, h string) string
	Sampled                                    func(n, each string) string
	All                                        func(n string) string
	At                                         func(step string) string
	Stale                                      func(step, now string) string
	Working                                    func(done, total string) string
}]{
	text.English: {
		Title:  "Gradient check",
		Button: "Check gradient",
		Explain: func(happy, fine, suspect string) string {
			return "The relative error ‖a − n‖ / max(‖a‖, ‖n‖) between backprop's gradient a and the differences n: " +
				"below " + happy + " they agree to the seven or so digits float64 differences allow, up to " + fine + " is fine, " +
				fine + " to " + suspect + " is suspect, and above " + suspect + " one of them is wrong."
		},
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
		Sampled: func(n, each string) string {
			return "On " + n + " sampled parameters (up to " + each + " of each tensor): a whole numerical gradient takes far longer."
		},
		All: func(n string) string { return "On all " + n + " parameters." },
		At:  func(step string) string { return "Checked after step " + step + "." },
		Stale: func(step, now string) string {
			return "Checked after step " + step + "; the network has taken " + now + " since: check again."
		},
		Working: func(done, total string) string { return "Differentiating: " + done + " of " + total + " parameters…" },
	},
	text.Japanese: {
		Title:  "勾配チェック",
		Button: "勾配をチェック",
		Explain: func(happy, fine, suspect string) string {
			return "誤差逆伝播法の勾配 a と差分 n との相対誤差 ‖a − n‖ / max(‖a‖, ‖n‖) です。" + happy + " 未満なら、" +
				"float64 の差分で出せる 7 桁ほどまで一致しています。" + fine + " までなら良好、" + fine + " から " + suspect + " は要注意、" +
				suspect + " を超えたらどちらかが間違っています。"
		},
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
		Sampled: func(n, each string) string {
			return "比べるのは抜き出した " + n + " 個のパラメータです（各テンソルから最大 " + each + " 個）。数値微分で勾配をすべて求めると、はるかに時間がかかるためです。"
		},
		All: func(n string) string { return "全 " + n + " 個のパラメータで比べます。" },
		At:  func(step string) string { return "ステップ " + step + " の後でチェックしました。" },
		Stale: func(step, now string) string {
			return "ステップ " + step + " の後でチェックしました。その後ネットワークは " + now + " ステップ進んだので、もう一度チェックしてください。"
		},
		Working: func(done, total string) string {
			return "微分を計算中：パラメータ " + total + " 個のうち " + done + " 個…"
		},
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
	txt, c, r := gradCheckText[p.Lang], p.Check, p.Check.Result
	method, sample := store.CheckPlan(p.Config)
	scope := txt.All(format.Count(p.Config.Params()))
	if sample > 0 {
		// nn.SampleParams takes a quarter of them from each of W1, b1, W2 and b2.
		scope = txt.Sampled(format.Count(sample), format.Count(sample/4))
	}
	if p.Config.Method == spec.Backprop {
		scope = p.Lang.Join(scope, txt.ForBackprop)
	}
	card := &TeachCard{
		Lang: p.Lang, Class: "gradcheck", Hooks: vecty.Markup(vecty.Data("testid", "gradcheck")),
		Title: txt.Title, Lead: p.Lang.Join(txt.Compare(methodName(p.Lang, method), format.Short(p.Config.H)), scope),
		Button: txt.Button, ButtonID: "check-gradient", Ask: &action.CheckGradient{}, Ready: p.Ready,
		Task: c.Task, Progress: "gradcheck-progress", Working: txt.Working(format.Count(c.Done), format.Count(c.Total)),
		Empty:   txt.Empty,
		Explain: txt.Explain(format.Pow10(happyBelow), format.Pow10(fineTo), format.Pow10(suspectTo)),
	}
	if p.Cheap {
		card.Hint = txt.Auto
	}
	if r == nil {
		return card
	}
	card.Hooks = vecty.Markup(card.Hooks, vecty.Data("step", strconv.Itoa(r.Step)), vecty.Data("method", string(r.Method)))
	card.Said, card.Stale = txt.At(strconv.Itoa(r.Step)), r.Step < p.Step
	if card.Stale {
		card.Said = txt.Stale(strconv.Itoa(r.Step), strconv.Itoa(p.Step-r.Step))
	}
	var rows vecty.List
	for _, t := range r.Tensors {
		rows = append(rows, p.renderRow(t, txt.Grades))
	}
	card.Result = elem.Table(vecty.Markup(vecty.Class("gradcheck-table")),
		elem.TableHead(elem.TableRow(
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Tensor)),
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Params)),
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col"), vecty.Attribute("title", txt.RelErrTitle)), vecty.Text(txt.RelErr)),
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col"), vecty.Attribute("title", txt.MaxRelErrTitle)), vecty.Text(txt.MaxRelErr)),
			elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col")), vecty.Text(txt.Verdict)),
		)),
		elem.TableBody(rows),
	)
	return card
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

// The grades of a gradient check's relative error, as powers of ten:
// happy below 10^happyBelow, fine to 10^fineTo, suspect to 10^suspectTo,
// wrong above.
const (
	happyBelow = -7
	fineTo     = -4
	suspectTo  = -2
)

// grade returns the verdict of a gradient check on relative error x.
func grade(x float64) string {
	switch {
	case x < math.Pow10(happyBelow):
		return "happy"
	case x <= math.Pow10(fineTo):
		return "fine"
	case x <= math.Pow10(suspectTo):
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
