package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/format"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// stepProgressText is every string StepProgress shows; the functions take
// numbers already written for reading.
var stepProgressText = text.Table[struct {
	None              string
	Of                func(step, done, total string) string
	Finished, Working string // what follows Of when the gradient is done, and while the time left is unknown
	Left              func(left string) string
}]{
	text.English: {
		None: "No step under way.",
		Of: func(step, done, total string) string {
			return "Step " + step + ": " + done + " of " + total + " derivatives"
		},
		Finished: ".",
		Working:  "…",
		Left:     func(left string) string { return ", about " + left + " left." },
	},
	text.Japanese: {
		None: "実行中のステップはありません。",
		Of: func(step, done, total string) string {
			return "ステップ " + step + "：微分 " + total + " 個のうち " + done + " 個"
		},
		Finished: "が済みました。",
		Working:  "が済みました…",
		Left:     func(left string) string { return "が済みました。残りは約 " + left + " です。" },
	},
}

// StepProgress shows how far the gradient of the step under way is: the
// parameters whose derivative is known, of P, and the time left.
type StepProgress struct {
	vecty.Core
	Progress store.Progress `vecty:"prop"`
	Lang     text.Lang      `vecty:"prop"`
	Params   int            `vecty:"prop"` // P of the current settings
}

// Render implements vecty.Component.
func (s *StepProgress) Render() vecty.ComponentOrHTML {
	p, txt := s.Progress, stepProgressText[s.Lang]
	total := max(p.Total, s.Params)
	text := txt.None
	if p.Step > 0 {
		text = txt.Of(strconv.Itoa(p.Step), format.Count(p.Done), format.Count(total))
		switch {
		case p.Done >= total:
			text += txt.Finished
		case p.Left > 0:
			text += txt.Left(duration(s.Lang, p.Left))
		default:
			text += txt.Working
		}
	}
	return elem.Div(vecty.Markup(vecty.Class("progress")),
		elem.Label(vecty.Markup(vecty.Attribute("for", "step-progress")), vecty.Text(text)),
		elem.Progress(vecty.Markup(vecty.Attribute("id", "step-progress"), vecty.Data("testid", "progress"),
			vecty.Attribute("value", strconv.Itoa(p.Done)), vecty.Attribute("max", strconv.Itoa(total)))),
	)
}
