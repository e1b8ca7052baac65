package view

import (
	"strconv"
	"strings"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"
	"github.com/hexops/vecty/prop"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/link"
	"bibun/wasm/record"
)

// openText is every string OpenBox shows.
var openText = text.Table[struct {
	Title, Label, Drop, Verify, VerifyHint, Unknown string
	Opened                                          func(name, steps, date, browser string) string
	Checking                                        func(done, steps string) string
	Identical                                       func(steps string) string
	Different                                       func(step, column, saved, got string) string
	Diverged                                        func(step string) string
	Shorter                                         func(step string) string
	Refused                                         func(name, why string) string
	Unreadable                                      func(why string) string
	Why                                             map[record.Kind]func(e *record.Error) string
	Kinds                                           map[string]string
	Clamped, Invalid                                func(field, value, used string) string
	Locked                                          func(keys string) string
}]{
	text.English: {
		Title:      "Check a saved run",
		Label:      "Open a saved run (.json)",
		Drop:       "or drop the file anywhere on this page.",
		Verify:     "Verify",
		VerifyHint: "Runs the same settings again in this browser and compares every step, digit for digit.",
		Unknown:    "an unknown browser",
		Opened: func(name, steps, date, browser string) string {
			return "Opened " + name + ": " + steps + " steps, saved " + date + " in " + browser + "."
		},
		Checking: func(done, steps string) string {
			return "Verifying: " + done + " of " + steps + " steps match so far…"
		},
		Identical: func(steps string) string {
			return "Identical: all " + steps + " steps match, digit for digit. This run is genuine."
		},
		Different: func(step, column, saved, got string) string {
			return "Different: step " + step + " differs in " + column + ": the file says " + saved + ", the run here gives " + got + "."
		},
		Diverged: func(step string) string {
			return "Different: the run here diverged at step " + step + ", which the file says it took."
		},
		Shorter: func(step string) string {
			return "Different: the run here stopped before step " + step + ", which the file has."
		},
		Refused: func(name, why string) string { return "Could not open " + name + ": " + why + " Nothing was changed." },
		Unreadable: func(why string) string {
			return "the browser could not read it (" + why + ")."
		},
		Why: map[record.Kind]func(e *record.Error) string{
			record.NotJSON:   func(e *record.Error) string { return "it is not JSON (at byte " + e.Value + ")." },
			record.NotRecord: func(e *record.Error) string { return "it is not a run saved by bibun." },
			record.WrongVersion: func(e *record.Error) string {
				return "it was saved in format version " + e.Value + "; this page reads version " + e.Want + "."
			},
			record.TooLarge: func(e *record.Error) string {
				return "it is " + megabytes(e.Value) + " MB; a saved run is at most " + megabytes(e.Want) + " MB."
			},
			record.Missing: func(e *record.Error) string { return e.Field + " is missing or is not " + e.Want + "." },
			record.OutOfRange: func(e *record.Error) string {
				return e.Field + " is " + e.Value + ", outside its range (" + e.Want + ")."
			},
			record.Mismatch: func(e *record.Error) string { return e.Field + " (" + e.Value + ") disagrees with " + e.Want + "." },
			record.RowCount: func(e *record.Error) string {
				return "its rows disagree with its steps and status: " + e.Field + " is " + e.Value + ", where it should be " + e.Want + "."
			},
		},
		Kinds: map[string]string{"a number": "a number", "a string": "a string", "a list": "a list", "an object": "an object",
			"true or false": "true or false", "null": "null"},
		Clamped: func(field, value, used string) string {
			return field + " is " + value + ", outside its range: the nearest a link allows is " + used + "."
		},
		Invalid: func(field, value, used string) string {
			return field + " is " + value + ", which is not a value it takes."
		},
		Locked: func(keys string) string {
			return "this page's link fixes " + keys + " for the class, and the saved run has another value."
		},
	},
	text.Japanese: {
		Title:      "保存した実行を確かめる",
		Label:      "保存した実行を開く（.json）",
		Drop:       "ページのどこかにファイルをドロップしても開けます。",
		Verify:     "検証",
		VerifyHint: "同じ設定をこのブラウザでもう一度実行し、すべてのステップを 1 桁ずつ照らし合わせます。",
		Unknown:    "不明なブラウザ",
		Opened: func(name, steps, date, browser string) string {
			return name + " を開きました：" + steps + " ステップ、" + date + " に " + browser + " で保存。"
		},
		Checking: func(done, steps string) string {
			return "検証中：" + steps + " ステップ中 " + done + " ステップまで一致…"
		},
		Identical: func(steps string) string {
			return "一致：" + steps + " ステップすべてが 1 桁も違わず一致しました。本物の実行です。"
		},
		Different: func(step, column, saved, got string) string {
			return "不一致：ステップ " + step + " の「" + column + "」が違います。ファイルでは " + saved + "、ここでの実行では " + got + " です。"
		},
		Diverged: func(step string) string {
			return "不一致：ここでの実行はステップ " + step + " で発散しましたが、ファイルにはそのステップがあります。"
		},
		Shorter: func(step string) string {
			return "不一致：ここでの実行はステップ " + step + " の前で止まりましたが、ファイルにはそのステップがあります。"
		},
		Refused: func(name, why string) string {
			return name + " を開けませんでした。" + why + "何も変更していません。"
		},
		Unreadable: func(why string) string {
			return "ブラウザがファイルを読めませんでした（" + why + "）。"
		},
		Why: map[record.Kind]func(e *record.Error) string{
			record.NotJSON:   func(e *record.Error) string { return "JSON ではありません（" + e.Value + " バイト目）。" },
			record.NotRecord: func(e *record.Error) string { return "bibun で保存した実行ではありません。" },
			record.WrongVersion: func(e *record.Error) string {
				return "保存形式の版が " + e.Value + " です。このページが読めるのは版 " + e.Want + " です。"
			},
			record.TooLarge: func(e *record.Error) string {
				return "大きさが " + megabytes(e.Value) + " MB あります。保存した実行は最大 " + megabytes(e.Want) + " MB です。"
			},
			record.Missing: func(e *record.Error) string {
				return e.Field + " がないか、" + e.Want + "ではありません。"
			},
			record.OutOfRange: func(e *record.Error) string {
				return e.Field + " が " + e.Value + " で、範囲（" + e.Want + "）の外です。"
			},
			record.Mismatch: func(e *record.Error) string {
				return e.Field + "（" + e.Value + "）が " + e.Want + " と食い違っています。"
			},
			record.RowCount: func(e *record.Error) string {
				return "行がステップ数と合いません：" + e.Field + " が " + e.Value + " ですが、" + e.Want + " のはずです。"
			},
		},
		Kinds: map[string]string{"a number": "数値", "a string": "文字列", "a list": "リスト", "an object": "オブジェクト",
			"true or false": "真偽値", "null": "ヌル値"},
		Clamped: func(field, value, used string) string {
			return field + " が " + value + " で、範囲の外です（リンクで使える最も近い値は " + used + "）。"
		},
		Invalid: func(field, value, used string) string {
			return field + " の " + value + " は使える値ではありません。"
		},
		Locked: func(keys string) string {
			return "このページのリンクは授業のために " + keys + " を固定していますが、保存した実行では値が違います。"
		},
	},
}

// megabytes writes a size in bytes, given as a decimal string, in MB.
func megabytes(bytes string) string {
	n, _ := strconv.ParseFloat(bytes, 64)
	return strconv.FormatFloat(n/(1<<20), 'f', 1, 64)
}

// OpenBox opens a saved run (a file input; the page also takes a file
// dropped anywhere on it), and verifies it: the run again, step by step.
type OpenBox struct {
	vecty.Core
	Saved     *store.SavedRun    `vecty:"prop"` // the saved run whose settings are the page's; nil if none
	Failed    *store.OpenProblem `vecty:"prop"` // why the latest file opened was refused; nil if it was not
	Verdict   store.Verdict      `vecty:"prop"`
	CanVerify bool               `vecty:"prop"`
	Lang      text.Lang          `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *OpenBox) Render() vecty.ComponentOrHTML {
	txt := openText[b.Lang]
	return elem.Section(vecty.Markup(vecty.Class("open-box"), vecty.Data("testid", "open")),
		elem.Heading2(vecty.Text(txt.Title)),
		elem.Div(vecty.Markup(vecty.Class("open-file")),
			elem.Label(vecty.Markup(prop.For("ctl-import")), vecty.Text(txt.Label)),
			// The browser edge reads the file the visitor picks (or
			// drops) and dispatches it: the input has no handler here.
			elem.Input(vecty.Markup(prop.Type(prop.TypeFile), prop.ID("ctl-import"), vecty.Data("testid", "import"),
				vecty.Attribute("accept", ".json,application/json"))),
			elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Drop)),
		),
		b.renderFailed(),
		b.renderSaved(),
	)
}

// renderFailed says why the latest file was refused.
func (b *OpenBox) renderFailed() vecty.MarkupOrChild {
	f := b.Failed
	if f == nil {
		return nil
	}
	txt := openText[b.Lang]
	why, kind := txt.Unreadable(f.Read), "unreadable"
	if len(f.Locked) > 0 {
		why, kind = txt.Locked(strings.Join(f.Locked, ", ")), "locked"
	}
	if e := f.Err; e != nil {
		kind = e.Kind.String()
		shown := *e
		if k, ok := txt.Kinds[e.Want]; ok && e.Kind == record.Missing {
			shown.Want = k
		}
		why = txt.Why[e.Kind](&shown)
		if n := e.Notice; n != nil {
			why = txt.Invalid(e.Field, e.Value, n.Used)
			if n.Kind == link.Clamped {
				why = txt.Clamped(e.Field, e.Value, n.Used)
			}
		}
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("open-failed"), vecty.Data("testid", "import-error"), vecty.Data("value", kind),
		vecty.Attribute("role", "alert")), vecty.Text(txt.Refused(f.Name, why)))
}

// renderSaved describes the saved run, offers Verify and says what it
// found.
func (b *OpenBox) renderSaved() vecty.MarkupOrChild {
	sv := b.Saved
	if sv == nil {
		return nil
	}
	txt := openText[b.Lang]
	r := sv.Record
	date := r.Saved
	if t, ok := record.ParseStamp(r.Saved); ok {
		date = record.Date(t)
	}
	browser := browserName(r.Browser)
	if browser == "" {
		browser = txt.Unknown
	}
	return elem.Div(vecty.Markup(vecty.Class("saved-run"), vecty.Data("testid", "saved")),
		elem.Paragraph(vecty.Markup(vecty.Attribute("title", r.Browser)),
			vecty.Text(txt.Opened(sv.Name, format.Count(len(r.Rows)), date, browser))),
		elem.Div(vecty.Markup(vecty.Class("save-row")),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "verify"),
				vecty.Property("disabled", !b.CanVerify), event.Click(b.onVerify)), vecty.Text(txt.Verify)),
			elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.VerifyHint)),
		),
		b.renderVerdict(),
	)
}

// renderVerdict says what the verification found: data-value identical
// or different, with data-step and data-col of the first difference.
func (b *OpenBox) renderVerdict() vecty.MarkupOrChild {
	v := b.Verdict
	if v.State == store.Unverified {
		return nil
	}
	txt := openText[b.Lang]
	var say string
	d := v.Diff
	switch {
	case v.State == store.Checking:
		say = txt.Checking(format.Count(v.Done), format.Count(v.Steps))
	case v.State == store.Identical:
		say = txt.Identical(format.Count(v.Steps))
	case d.Got == "diverged":
		say = txt.Diverged(strconv.Itoa(d.Step))
	case d.Column == record.ColStep:
		say = txt.Shorter(strconv.Itoa(d.Step))
	default:
		say = txt.Different(strconv.Itoa(d.Step), columnName(b.Lang, d.Column), d.Saved, d.Got)
	}
	m := vecty.Markup(vecty.Class("verdict", string(v.State)), vecty.Data("testid", "verdict"), vecty.Data("value", string(v.State)),
		vecty.Attribute("role", "status"))
	if v.State == store.Different {
		m = vecty.Markup(m, vecty.Data("step", strconv.Itoa(d.Step)), vecty.Data("col", d.Column))
	}
	return elem.Paragraph(m, vecty.Text(say))
}

// columnName returns the table's heading of a saved run's column.
func columnName(l text.Lang, col string) string {
	head := metricsHeadText[l]
	for i, c := range []string{record.ColStep, record.ColLoss, record.ColTrain, record.ColTest, record.ColEvals, record.ColGradMs} {
		if c == col {
			return strings.ReplaceAll(head[i][0], "|", "") // no break marks in a sentence
		}
	}
	return col
}

// browserName returns a short name of the browser a user agent string
// names, "Chrome 156", "Firefox 140", "Safari 18"; "" if it names none
// of them.
func browserName(agent string) string {
	version := func(token string) string {
		i := strings.Index(agent, token)
		if i < 0 {
			return ""
		}
		v := agent[i+len(token):]
		if j := strings.IndexAny(v, ". ;)"); j >= 0 {
			v = v[:j]
		}
		return v
	}
	for _, b := range []struct{ token, name string }{
		{"Edg/", "Edge"}, {"Firefox/", "Firefox"}, {"HeadlessChrome/", "Chrome"}, {"Chrome/", "Chrome"}, {"Version/", "Safari"},
	} {
		if v := version(b.token); v != "" {
			return b.name + " " + v
		}
	}
	return ""
}

func (b *OpenBox) onVerify(*vecty.Event) { dispatcher.Dispatch(&action.Verify{}) }

// SkipRender skips the box while the saved run, the refusal, the verdict
// and the language stay the same.
func (b *OpenBox) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*OpenBox)
	return ok && p.Saved == b.Saved && p.Failed == b.Failed && p.Verdict == b.Verdict && p.CanVerify == b.CanVerify && p.Lang == b.Lang
}
