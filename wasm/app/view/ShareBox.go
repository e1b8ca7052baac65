package view

import (
	"strings"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"github.com/hexops/vecty/event"

	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
)

// shareText is every string ShareBox shows.
var shareText = text.Table[struct {
	Button, Hint, Copied string
	Failed               func(url string) string
	EmbedLabel, Title    string // the iframe snippet's label, and the title it gives the frame
}]{
	text.English: {
		Button:     "Copy link",
		Hint:       "The link holds every setting: whoever opens it gets the same run, digit for digit.",
		Copied:     "Link copied.",
		Failed:     func(url string) string { return "Could not copy; the link is in the address bar: " + url },
		EmbedLabel: "Embed this run in a course page or slide",
		Title:      "bibun: a neural network that learns by numerical differentiation",
	},
	text.Japanese: {
		Button: "リンクをコピー",
		Hint:   "リンクにはすべての設定が入っています。開いた人は、1 桁も違わない同じ実行を再現できます。",
		Copied: "リンクをコピーしました。",
		Failed: func(url string) string {
			return "コピーできませんでした。リンクはアドレスバーにあります：" + url
		},
		EmbedLabel: "この実行を授業のページやスライドに埋め込む",
		Title:      "bibun：数値微分で学習するニューラルネットワーク",
	},
}

// ShareBox offers the page's link, which holds every setting.
type ShareBox struct {
	vecty.Core
	Copied store.Copy `vecty:"prop"` // what became of the latest copy
	URL    string     `vecty:"prop"` // the page's link, whole: address and fragment
	Embed  string     `vecty:"prop"` // the same run's link in the embedded view (embed=1)
	Lang   text.Lang  `vecty:"prop"`
}

// Render implements vecty.Component.
func (b *ShareBox) Render() vecty.ComponentOrHTML {
	txt := shareText[b.Lang]
	var copied string
	switch {
	case b.Copied.Done && b.Copied.OK:
		copied = txt.Copied
	case b.Copied.Done:
		copied = txt.Failed(b.Copied.URL)
	}
	return elem.Div(vecty.Markup(vecty.Class("share")),
		elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "share"), event.Click(b.onCopy)),
			vecty.Text(txt.Button)),
		elem.Span(vecty.Markup(vecty.Class("copied"), vecty.Attribute("role", "status")), vecty.Text(copied)),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Hint)),
		&QRCode{URL: b.URL, Lang: b.Lang},
		elem.Label(vecty.Markup(vecty.Class("embed-code"), vecty.Attribute("for", "embed-code")), vecty.Text(txt.EmbedLabel)),
		elem.TextArea(vecty.Markup(vecty.Property("id", "embed-code"), vecty.Data("testid", "embed-code"),
			vecty.Property("readOnly", true), vecty.Attribute("rows", "3"), vecty.Attribute("spellcheck", "false")),
			vecty.Text(iframe(b.Embed, txt.Title))),
	)
}

func (b *ShareBox) onCopy(*vecty.Event) {
	dispatcher.Dispatch(&action.CopyLink{})
}

// SkipRender skips the box until a copy is reported, or the link or the
// language changes.
func (b *ShareBox) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*ShareBox)
	return ok && q.Copied == b.Copied && q.URL == b.URL && q.Embed == b.Embed && q.Lang == b.Lang
}

// iframe returns the HTML of an iframe that shows src, for a teacher to
// paste into a page: the text is shown, never parsed, so src and title need
// only the escaping an attribute value asks for.
func iframe(src, title string) string {
	esc := strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;")
	return `<iframe src="` + esc.Replace(src) + `" title="` + esc.Replace(title) +
		`" width="100%" height="760" loading="lazy" style="border:0"></iframe>`
}
