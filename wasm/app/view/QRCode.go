package view

import (
	"strconv"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/qr"
	"bibun/wasm/app/text"
)

// qrText is every string QRCode shows.
var qrText = text.Table[struct {
	Label, Large, Close, TooLong, Scan string
}]{
	text.English: {
		Label:   "QR code of this run's link",
		Large:   "Full screen",
		Close:   "Close",
		TooLong: "This link is too long for a QR code.",
		Scan:    "Scan to open this run",
	},
	text.Japanese: {
		Label:   "この実行のリンクの QR コード",
		Large:   "全画面で表示",
		Close:   "閉じる",
		TooLong: "このリンクは長すぎて QR コードにできません。",
		Scan:    "読み取るとこの実行が開きます",
	},
}

// QRCode shows the page's exact link as a QR code, for phones in a
// classroom, with a button that shows it over the whole screen for the
// back of the room. The full-screen view is a popover: the browser closes
// it on Escape or a click outside and gives the focus back to the button,
// with no script of ours.
type QRCode struct {
	vecty.Core
	URL  string    `vecty:"prop"` // the link, whole
	Lang text.Lang `vecty:"prop"`
}

// Render implements vecty.Component.
func (q *QRCode) Render() vecty.ComponentOrHTML {
	txt := qrText[q.Lang]
	code, err := qr.Encode(q.URL)
	if err != nil {
		return elem.Paragraph(vecty.Markup(vecty.Class("hint"), vecty.Data("testid", "qr-too-long")), vecty.Text(txt.TooLong))
	}
	return elem.Div(vecty.Markup(vecty.Class("qr")),
		qrSVG(code, txt.Label, "qr", q.URL),
		elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Data("testid", "qr-large"),
			vecty.Attribute("popovertarget", "qr-full")),
			vecty.Text(txt.Large)),
		elem.Div(vecty.Markup(vecty.Property("id", "qr-full"), vecty.Attribute("popover", "auto"),
			vecty.Class("qr-full"), vecty.Attribute("role", "dialog"), vecty.Attribute("aria-label", txt.Label)),
			qrSVG(code, txt.Label, "qr-full", q.URL),
			elem.Paragraph(vecty.Text(txt.Scan)),
			elem.Button(vecty.Markup(vecty.Property("type", "button"), vecty.Attribute("popovertarget", "qr-full"),
				vecty.Attribute("popovertargetaction", "hide")),
				vecty.Text(txt.Close)),
		),
	)
}

// qrSVG draws code as an inline SVG whose data-value is the text it holds.
func qrSVG(code qr.Code, label, testid, url string) *vecty.HTML {
	n := strconv.Itoa(code.Size)
	return svg("svg",
		vecty.Markup(vecty.Attribute("viewBox", "0 0 "+n+" "+n), vecty.Attribute("role", "img"),
			vecty.Attribute("aria-label", label), vecty.Attribute("shape-rendering", "crispEdges"),
			vecty.Data("testid", testid), vecty.Data("value", url)),
		svg("rect", attrs("width", n, "height", n, "fill", "#fff")),
		svg("path", attrs("d", code.Path, "fill", "#000")),
	)
}

// SkipRender skips the code until the link or the language changes.
func (q *QRCode) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*QRCode)
	return ok && p.URL == q.URL && p.Lang == q.Lang
}
