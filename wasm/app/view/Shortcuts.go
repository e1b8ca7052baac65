package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/keys"
	"bibun/wasm/app/text"
)

// ShortcutsID is the id of the dialog that lists the shortcuts; the page
// opens it as a modal dialog (action.ShowShortcuts).
const ShortcutsID = "shortcuts"

// shortcutsText is every string Shortcuts shows.
var shortcutsText = text.Table[struct {
	Button, Title, Note, Close string
	What                       map[string]string // by keys.Shortcut.What
	Or                         string
}]{
	text.English: {
		Button: "Keys",
		Title:  "Keyboard shortcuts",
		Note:   "They do nothing while you type in a field. Tab moves between the controls.",
		Close:  "Close",
		What: map[string]string{
			"run":   "Run, or pause after the step under way",
			"step":  "Take one step",
			"reset": "Reset to step 0",
			"help":  "Show this list",
		},
		Or: " or ",
	},
	text.Japanese: {
		Button: "キー操作",
		Title:  "キーボードショートカット",
		Note:   "入力欄に入力している間は働きません。Tab キーで操作部品の間を移動できます。",
		Close:  "閉じる",
		What: map[string]string{
			"run":   "実行、または今のステップの後で一時停止",
			"step":  "1 ステップ進める",
			"reset": "ステップ 0 に戻す",
			"help":  "この一覧を表示",
		},
		Or: " または ",
	},
}

// Shortcuts is a button that opens the list of keyboard shortcuts, and
// that list, a dialog: Escape or Close shuts it and the focus goes back to
// where it was.
type Shortcuts struct {
	vecty.Core
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (s *Shortcuts) Render() vecty.ComponentOrHTML {
	txt := shortcutsText[s.Lang]
	var rows vecty.List
	for _, sc := range keys.List {
		var ks vecty.List
		for i, k := range sc.Keys {
			if i > 0 {
				ks = append(ks, vecty.Text(txt.Or))
			}
			ks = append(ks, elem.KeyboardInput(vecty.Text(k)))
		}
		rows = append(rows, elem.Div(elem.DefinitionTerm(ks), elem.Definition(vecty.Text(txt.What[sc.What]))))
	}
	return elem.Span(vecty.Markup(vecty.Class("shortcuts")),
		elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "shortcuts-button"),
			vecty.Attribute("aria-keyshortcuts", "?"), vecty.Attribute("aria-haspopup", "dialog"), event.Click(s.onOpen)),
			vecty.Text(txt.Button)),
		elem.Dialog(vecty.Markup(vecty.Property("id", ShortcutsID), vecty.Data("testid", "shortcuts"),
			vecty.Attribute("role", "dialog"), vecty.Attribute("aria-labelledby", "shortcuts-title")),
			elem.Heading2(vecty.Markup(vecty.Property("id", "shortcuts-title")), vecty.Text(txt.Title)),
			elem.DescriptionList(rows),
			elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Note)),
			elem.Form(vecty.Markup(vecty.Attribute("method", "dialog")),
				elem.Button(vecty.Markup(vecty.Data("testid", "shortcuts-close")), vecty.Text(txt.Close))),
		),
	)
}

func (s *Shortcuts) onOpen(*vecty.Event) { dispatcher.Dispatch(&action.ShowShortcuts{}) }

// SkipRender skips the list until the language changes.
func (s *Shortcuts) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*Shortcuts)
	return ok && p.Lang == s.Lang
}
