package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// teachCardText is every string TeachCard shows of its own; the view it
// frames gives the rest.
var teachCardText = text.Table[struct {
	NotReady string
	Failed   func(reason string) string
}]{
	text.English: {
		NotReady: "Available between steps: once the run is paused, done or reset.",
		Failed:   func(reason string) string { return "The worker could not do it: " + reason + "." },
	},
	text.Japanese: {
		NotReady: "ステップの合間（一時停止・完了・リセットの後）に使えます。",
		Failed:   func(reason string) string { return "ワーカーが計算できませんでした：" + reason + "。" },
	},
}

// The states of a teaching card, its data-state.
const (
	cardIdle  = "idle"  // nothing asked for yet in this run
	cardBusy  = "busy"  // asked for, not answered in full
	cardError = "error" // the latest request failed
	cardStale = "stale" // a result of a step before the run's latest
	cardDone  = "done"  // a result of the network as it stands
)

// TeachCard frames a teaching view that asks worker 0 for a computation
// (GradCheckPanel, HSweepChart, CostChart, WigglePanel): the title, what the
// computation does, the button that asks for it (only between steps), how
// far it has come or why it failed, the view's own result, and an
// explanation. The view renders only its result and the words about it.
type TeachCard struct {
	vecty.Core
	Lang     text.Lang           `vecty:"prop"`
	Class    string              `vecty:"prop"` // the view's class, beside teach-card
	Hooks    vecty.MarkupList    `vecty:"prop"` // the view's own markup of the card (data-testid, …)
	Title    string              `vecty:"prop"`
	Lead     string              `vecty:"prop"` // what the computation is, under the title; "" for none
	Button   string              `vecty:"prop"` // the button's label
	ButtonID string              `vecty:"prop"` // its data-testid
	Ask      any                 `vecty:"prop"` // the action the button dispatches
	Ready    bool                `vecty:"prop"` // the button may ask (store.Store.TeachReady)
	Hint     string              `vecty:"prop"` // said beside the button when Ready; "" for nothing
	Task     store.Task          `vecty:"prop"` // how far the computation is
	Progress string              `vecty:"prop"` // the id and data-testid of the progress bar
	Working  string              `vecty:"prop"` // what is being done, while Task.Busy
	Empty    string              `vecty:"prop"` // what the card says while there is no result
	Said     string              `vecty:"prop"` // what the result says of itself; "" while there is none
	Stale    bool                `vecty:"prop"` // the result is of a step before the run's latest
	Result   vecty.MarkupOrChild `vecty:"prop"` // the result as the view shows it: a table, a chart
	Explain  string              `vecty:"prop"`
}

// State returns the card's data-state: busy or error while the latest
// request is under way or has failed (never both: asking again clears the
// error), else stale or done once there is a result, else idle.
func (c *TeachCard) State() string {
	switch {
	case c.Task.Busy:
		return cardBusy
	case c.Task.Error != "":
		return cardError
	case c.Said == "":
		return cardIdle
	case c.Stale:
		return cardStale
	}
	return cardDone
}

// Render implements vecty.Component.
func (c *TeachCard) Render() vecty.ComponentOrHTML {
	txt, st := teachCardText[c.Lang], c.State()
	return elem.Section(vecty.Markup(vecty.Class("teach-card", c.Class), vecty.Data("state", st), c.Hooks),
		elem.Heading3(vecty.Text(c.Title)),
		vecty.If(c.Lead != "", elem.Paragraph(vecty.Text(c.Lead))),
		elem.Div(vecty.Markup(vecty.Class("task-controls")),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", c.ButtonID),
				vecty.Property("disabled", !c.Ready || c.Task.Busy), event.Click(c.onAsk)), vecty.Text(c.Button)),
			vecty.If(!c.Ready, elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.NotReady))),
			vecty.If(c.Ready && c.Hint != "", elem.Span(vecty.Markup(vecty.Class("hint")), vecty.Text(c.Hint))),
		),
		c.renderStatus(st, txt.Failed),
		c.Result,
		elem.Paragraph(vecty.Markup(vecty.Class("explain")), vecty.Text(c.Explain)),
	)
}

// renderStatus says how the computation stands in state st; failed words
// a failure.
func (c *TeachCard) renderStatus(st string, failed func(reason string) string) vecty.ComponentOrHTML {
	hint := func(s string, class ...string) *vecty.HTML {
		return elem.Paragraph(vecty.Markup(vecty.Class(append([]string{"hint"}, class...)...)), vecty.Text(s))
	}
	switch st {
	case cardBusy:
		return &TaskProgress{ID: c.Progress, Label: c.Working, Done: c.Task.Done, Total: c.Task.Total}
	case cardError:
		return elem.Paragraph(vecty.Markup(vecty.Class("task-error")), vecty.Text(failed(c.Task.Error)))
	case cardIdle:
		return hint(c.Empty)
	case cardStale:
		return hint(c.Said, "stale")
	}
	return hint(c.Said)
}

func (c *TeachCard) onAsk(*vecty.Event) { dispatcher.Dispatch(c.Ask) }
