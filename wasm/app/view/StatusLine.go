package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// statusText is every string StatusLine shows: what the run is doing, at
// step k of n (steps already written for reading).
var statusText = text.Table[struct {
	Pausing, Running, Paused, Diverged, Ready func(k, n string) string
	Done                                      func(n string) string
	Saved                                     func(k, n string) string
	Failed                                    string
}]{
	text.English: {
		Pausing:  func(k, n string) string { return "Training step " + k + " of " + n + "; pausing after it." },
		Running:  func(k, n string) string { return "Training step " + k + " of " + n + "…" },
		Paused:   func(k, n string) string { return "Paused after step " + k + " of " + n + "." },
		Diverged: func(k, n string) string { return "Diverged at step " + k + " of " + n + "." },
		Ready:    func(k, n string) string { return "Ready: step " + k + " of " + n + "." },
		Done:     func(n string) string { return "Done: " + n + " steps." },
		Saved:    func(k, n string) string { return "A saved run: " + k + " of " + n + " steps, opened from a file." },
		Failed:   "Stopped by an error.",
	},
	text.Japanese: {
		Pausing: func(k, n string) string {
			return "ステップ " + k + " / " + n + " を学習中。このステップの後で一時停止します。"
		},
		Running:  func(k, n string) string { return "ステップ " + k + " / " + n + " を学習中…" },
		Paused:   func(k, n string) string { return "ステップ " + k + " / " + n + " の後で一時停止中。" },
		Diverged: func(k, n string) string { return "ステップ " + k + " / " + n + " で発散しました。" },
		Ready:    func(k, n string) string { return "準備完了：ステップ " + k + " / " + n + "。" },
		Done:     func(n string) string { return "完了：" + n + " ステップ。" },
		Saved: func(k, n string) string {
			return "保存した実行：" + n + " ステップ中 " + k + " ステップ。ファイルから開きました。"
		},
		Failed: "エラーで停止しました。",
	},
}

// StatusLine says what the run is doing; its data-state is the status, and
// its data-pending the requests the workers have not answered yet
// (store.Store.Pending): 0 when no worker will report anything more until
// an action asks, which a test can wait for instead of sleeping.
type StatusLine struct {
	vecty.Core
	Status  store.Status `vecty:"prop"`
	Lang    text.Lang    `vecty:"prop"`
	Step    int          `vecty:"prop"` // steps taken
	Steps   int          `vecty:"prop"` // steps of the whole run
	PauseAt int          `vecty:"prop"` // the last step of the current Run or Step
	Pending int          `vecty:"prop"` // requests the workers have not answered
}

// Render implements vecty.Component.
func (l *StatusLine) Render() vecty.ComponentOrHTML {
	return elem.Paragraph(vecty.Markup(vecty.Class("status", string(l.Status)), vecty.Data("testid", "status"),
		vecty.Data("state", string(l.Status)), vecty.Data("pending", strconv.Itoa(l.Pending)), vecty.Attribute("role", "status")),
		vecty.Text(l.text()))
}

// text says what the run is doing.
func (l *StatusLine) text() string {
	txt, n := statusText[l.Lang], strconv.Itoa(l.Steps)
	switch l.Status {
	case store.Running:
		if l.PauseAt < l.Steps {
			return txt.Pausing(strconv.Itoa(l.Step+1), n)
		}
		return txt.Running(strconv.Itoa(l.Step+1), n)
	case store.Paused:
		return txt.Paused(strconv.Itoa(l.Step), n)
	case store.Done:
		return txt.Done(n)
	case store.Diverged:
		return txt.Diverged(strconv.Itoa(l.Step+1), n)
	case store.Failed:
		return txt.Failed
	case store.Saved:
		return txt.Saved(strconv.Itoa(l.Step), n)
	}
	return txt.Ready("0", n)
}

// SkipRender skips the line while what it says and its hooks stay the same.
func (l *StatusLine) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*StatusLine)
	return ok && p.Status == l.Status && p.Lang == l.Lang && p.Step == l.Step && p.Steps == l.Steps && p.PauseAt == l.PauseAt && p.Pending == l.Pending
}
