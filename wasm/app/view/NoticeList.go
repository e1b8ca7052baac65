package view

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/link"
)

// noticeText is every string NoticeList composes; the link's notices word
// themselves (link.Notice.Text). A worker's or the browser's reason for a
// failure is shown as given, in English.
var noticeText = text.Table[struct {
	What     map[string]string // what diverged: the loss, the gradient
	TooLarge func(loss string) string
	NotReal  func(what string) string
	Diverged func(step, why, lr, std string) string
	Failed   func(worker, reason string) string
}]{
	text.English: {
		What:     map[string]string{"loss": "loss", "gradient": "gradient"},
		TooLarge: func(loss string) string { return "the loss reached " + loss + " (a coin toss costs 0.69)" },
		NotReal:  func(what string) string { return "the " + what + " is not a finite number" },
		Diverged: func(step, why, lr, std string) string {
			return "The run diverged at step " + step + ": " + why + ", so the step is not in the table. " +
				"Try a smaller learning rate (now " + lr + ") or init std (now " + std + "); changing either starts a new run."
		},
		Failed: func(worker, reason string) string {
			return "Training worker " + worker + " failed: " + reason + ". Press Reset to start the workers again."
		},
	},
	text.Japanese: {
		What: map[string]string{"loss": "損失", "gradient": "勾配"},
		TooLarge: func(loss string) string {
			return "損失が " + loss + " に達した（当てずっぽうでも 0.69 です）"
		},
		NotReal: func(what string) string { return what + "が有限の数でなくなった" },
		Diverged: func(step, why, lr, std string) string {
			return "ステップ " + step + " で発散しました。" + why + "ため、このステップは表に載せていません。" +
				"学習率（いまは " + lr + "）か初期重みの標準偏差（いまは " + std + "）を小さくしてみてください。どちらかを変えると新しい実行が始まります。"
		},
		Failed: func(worker, reason string) string {
			return "学習ワーカー " + worker + " が停止しました：" + reason + "。「リセット」を押すとワーカーを起動し直します。"
		},
	},
}

// NoticeList shows why the run stopped, if it did, and what the latest
// link or setting could not be. It is always in the page, empty or not.
type NoticeList struct {
	vecty.Core
	Status  store.Status  `vecty:"prop"`
	Stopped store.Problem `vecty:"prop"` // why the run stopped, when it diverged or failed
	Notices []link.Notice `vecty:"prop"` // about the link's values
	Lang    text.Lang     `vecty:"prop"`
}

// Render implements vecty.Component.
func (n *NoticeList) Render() vecty.ComponentOrHTML {
	items := vecty.List{}
	if problem := n.problem(); problem != "" {
		items = append(items, elem.ListItem(vecty.Markup(vecty.Class("problem")), vecty.Text(problem)))
	}
	for _, notice := range n.Notices {
		items = append(items, elem.ListItem(vecty.Text(notice.Text(string(n.Lang)))))
	}
	return elem.UnorderedList(vecty.Markup(vecty.Class("notice"), vecty.Data("testid", "notice"), vecty.Attribute("aria-live", "polite"),
		vecty.MarkupIf(len(items) == 0, vecty.Class("empty"))), items)
}

// problem says why the run stopped; "" if it did not.
func (n *NoticeList) problem() string {
	txt, p := noticeText[n.Lang], n.Stopped
	switch n.Status {
	case store.Diverged:
		what, ok := txt.What[p.What]
		if !ok {
			what = p.What
		}
		why := txt.NotReal(what)
		if p.What == "loss" && !math.IsNaN(p.Loss) && !math.IsInf(p.Loss, 0) {
			why = txt.TooLarge(fmt.Sprintf("%.4g", p.Loss))
		}
		return txt.Diverged(strconv.Itoa(p.Step), why, fmt.Sprintf("%g", p.LR), fmt.Sprintf("%g", p.Std))
	case store.Failed:
		return txt.Failed(strconv.Itoa(p.Worker), p.Reason)
	}
	return ""
}

// SkipRender skips the list while what it says stays the same. (It
// compares the problem as worded: a NaN loss is never == itself.)
func (n *NoticeList) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*NoticeList)
	return ok && q.problem() == n.problem() && q.Lang == n.Lang && slices.Equal(q.Notices, n.Notices)
}
