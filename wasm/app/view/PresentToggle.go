package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// presentText is every string PresentToggle shows.
var presentText = text.Table[struct{ Label, Hint string }]{
	text.English:  {Label: "Present", Hint: "Large type for a projector: the run fills the screen"},
	text.Japanese: {Label: "発表", Hint: "プロジェクター向けの大きな表示：実行が画面いっぱいに"},
}

// PresentToggle switches the presenter's view (present=1 in the link): type
// a third larger, higher contrast, the introduction and settings folded,
// the samples, table and charts large. It keeps the run.
type PresentToggle struct {
	vecty.Core
	On    bool      `vecty:"prop"`
	Fixed bool      `vecty:"prop"` // the link locks present
	Lang  text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (p *PresentToggle) Render() vecty.ComponentOrHTML {
	txt := presentText[p.Lang]
	pressed := "false"
	if p.On {
		pressed = "true"
	}
	return elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Class("present-toggle"), vecty.Data("testid", "present"),
		vecty.Attribute("aria-pressed", pressed), vecty.Attribute("title", txt.Hint), vecty.Property("disabled", p.Fixed),
		event.Click(p.onToggle)), vecty.Text(txt.Label))
}

func (p *PresentToggle) onToggle(*vecty.Event) {
	v := "1"
	if p.On {
		v = "0"
	}
	dispatcher.Dispatch(&action.Set{Key: "present", Value: v})
}
