package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/text"
)

// fixedText is the note beside a control that the link locks (lock=).
var fixedText = text.Table[string]{
	text.English:  "fixed by this link",
	text.Japanese: "このリンクで固定",
}

// fixed returns the note for key's control when s's link locks it, in
// language l, or "" when the control is open.
func fixed(locked func(string) bool, key string, l text.Lang) string {
	if locked(key) {
		return fixedText[l]
	}
	return ""
}

// fixedNote shows note beside a locked control, or nothing when note is "".
func fixedNote(note string) vecty.MarkupOrChild {
	return vecty.If(note != "", elem.Small(vecty.Markup(vecty.Class("fixed"), vecty.Data("testid", "fixed")), vecty.Text(note)))
}
