package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// langSwitchText is every string LangSwitch shows but the languages' own
// names, which are the same whatever the page's language (langNames).
var langSwitchText = text.Table[struct{ Label string }]{
	text.English:  {Label: "Language"},
	text.Japanese: {Label: "表示言語"},
}

// langNames names each language in itself, so that a reader of either
// finds it whatever the page's language.
var langNames = map[text.Lang]string{text.English: "English", text.Japanese: "日本語"}

// LangSwitch shows the page's languages as two buttons, the current one
// pressed; a press sets lang in the link, which keeps the run.
type LangSwitch struct {
	vecty.Core
	Lang  text.Lang `vecty:"prop"`
	Fixed bool      `vecty:"prop"` // the link locks the language
}

// Render implements vecty.Component.
func (s *LangSwitch) Render() vecty.ComponentOrHTML {
	buttons := make(vecty.List, len(text.Langs))
	for i, l := range text.Langs {
		pressed := "false"
		if l == s.Lang {
			pressed = "true"
		}
		buttons[i] = elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("lang", l.String()),
			vecty.Attribute("lang", l.String()), vecty.Attribute("aria-pressed", pressed),
			vecty.MarkupIf(l == s.Lang, vecty.Class("current")), vecty.Property("disabled", s.Fixed && l != s.Lang),
			event.Click(s.onPick(l))),
			vecty.Text(langNames[l]))
	}
	return elem.Div(vecty.Markup(vecty.Class("lang-switch"), vecty.Data("testid", "lang"), vecty.Attribute("role", "group"),
		vecty.Attribute("aria-label", langSwitchText[s.Lang].Label)), buttons)
}

// onPick returns the handler of language l's button.
func (s *LangSwitch) onPick(l text.Lang) func(*vecty.Event) {
	return func(*vecty.Event) { dispatcher.Dispatch(&action.Set{Key: "lang", Value: l.String()}) }
}
