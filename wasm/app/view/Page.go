// Package view renders the page from the store: one component per file,
// named for what it shows. Components read their vecty:"prop" inputs and
// dispatch actions from handlers named onXxx; they change nothing else.
package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/link"
)

// pageText names the parts of the page that a compact view folds away.
var pageText = text.Table[struct{ Settings, Intro, Teach string }]{
	text.English:  {Settings: "Settings", Intro: "About bibun", Teach: "Looking inside the gradient"},
	text.Japanese: {Settings: "設定", Intro: "bibun について", Teach: "勾配の中をのぞく"},
}

// Page is the whole body: header, explanation, settings on one side and
// the run on the other. The link's classroom keys change the view: embed=1
// a compact one for an iframe, present=1 large type for a projector (both
// fold the settings away), hide= takes panels out, lock= fixes controls.
//
// As the page loads, main draws it in parts, from what a visitor sees first
// to what lies below (Upto), letting the browser paint between: each render
// is then short enough for the page to answer between them.
type Page struct {
	vecty.Core
	Store *store.Store
	Base  string // the page's address without its fragment
	Upto  Part   // the last part drawn
}

// Part is a part of the page, in the order main draws them as it loads.
type Part int

const (
	// Seen is what a visitor sees first: the header, the introduction, the
	// settings, the run's controls and the samples.
	Seen Part = iota
	// Below is the sharing box under the settings, the run's table, charts
	// and record under the samples, the colophon, and the lab sheet, which
	// only a printout shows.
	Below
	// Teach is the teaching section, at the bottom of the run, with its
	// first views (TeachingSection).
	Teach
	// Whole is the rest of the teaching views: the whole page.
	Whole
)

// Render implements vecty.Component.
func (p *Page) Render() vecty.ComponentOrHTML {
	s := p.Store
	st, c, lang := s.Settings, s.Settings.Config, s.Lang()
	txt := pageText[lang]
	compact := st.Embed || st.Present // the settings and the introduction fold away
	show := func(panel string) bool { return !st.Hides(panel) }

	var settings vecty.ComponentOrHTML
	if show("settings") {
		inner := vecty.List{
			&SettingsPanel{State: st, Lang: lang, Workers: s.Workers(), Edits: s.Edits},
			&CostLine{Config: c, Lang: lang, Workers: s.Workers(), Estimate: s.Estimate()},
			p.upto(Below, &ShareBox{Copied: s.Copied, URL: p.link(st), Embed: p.link(with(st, true)), Lang: lang}),
		}
		settings = elem.Aside(vecty.Markup(vecty.Class("settings")), inner)
		if compact {
			settings = fold("settings", txt.Settings, settings)
		}
	}
	var teach vecty.ComponentOrHTML
	if show("teach") {
		teach = &TeachingSection{Store: s, Whole: p.Upto >= Whole}
		if st.Embed {
			teach = fold("teach", txt.Teach, teach)
		}
		teach = p.upto(Teach, teach)
	}
	pins, can, saved := pinnedRuns(s.Pins(), c, lang), s.RecordControls(), s.Status == store.Saved
	var table, charts, record, colophon vecty.ComponentOrHTML
	if show("table") {
		table = p.upto(Below, &MetricsTable{Rows: s.Rows, Lang: lang, Page: s.TablePage(), Pins: pins, Beside: s.Beside()})
	}
	if show("charts") {
		charts = p.upto(Below, vecty.List{
			&PinBar{Pins: pins, CanPin: can.Pin, Lang: lang},
			elem.Div(vecty.Markup(vecty.Class("charts")),
				&LossChart{Rows: s.Rows, Lang: lang, Steps: c.Steps, Pins: pins, Saved: saved},
				&AccuracyChart{Rows: s.Rows, Lang: lang, Steps: c.Steps, Pins: pins, Saved: saved},
			),
		})
	}
	record = p.upto(Below, elem.Div(vecty.Markup(vecty.Class("record")),
		&SaveBox{Can: can, Lang: lang},
		&OpenBox{Saved: s.Saved(), Failed: s.OpenFailed(), Verdict: s.Verdict(), CanVerify: can.Verify, Lang: lang},
	))
	if !st.Embed {
		colophon = p.upto(Below, &Colophon{Lang: lang})
	}
	var header, intro vecty.ComponentOrHTML = &Masthead{Lang: lang, Link: st}, nil
	if st.Embed {
		header = &EmbedBar{Open: p.link(with(st, false)), Lang: lang}
	}
	switch {
	case !show("intro") || st.Embed:
	case st.Present:
		intro = fold("intro", txt.Intro, &Intro{Lang: lang})
	default:
		intro = &Intro{Lang: lang}
	}
	return elem.Body(
		vecty.Markup(vecty.ClassMap{"embed": st.Embed, "present": st.Present}),
		header,
		intro,
		elem.Div(vecty.Markup(vecty.Class("layout")),
			settings,
			elem.Main(vecty.Markup(vecty.Class("run")),
				// Printed only, and hidden on the screen: not worth drawing first.
				p.upto(Below, &LabSheet{Config: c, Status: s.Status, Rows: s.Rows, URL: p.link(st), When: s.Measured(), Verdict: s.Verdict(), Pins: pins, Lang: lang}),
				elem.Div(vecty.Markup(vecty.Class("run-controls")),
					&RunButtons{Controls: s.Controls(), Lang: lang},
					&StatusLine{Status: s.Status, Lang: lang, Step: len(s.Rows), Steps: c.Steps, PauseAt: s.PauseAt(), Pending: s.Pending()},
					&Shortcuts{Lang: lang},
				),
				&NoticeList{Status: s.Status, Stopped: s.Stopped, Notices: s.Notices, Lang: lang},
				&BugBanner{Bug: c.Bug, Lang: lang},
				&StepProgress{Progress: s.Progress, Lang: lang, Params: c.Params()},
				vecty.If(show("samples"), &SampleGrid{Samples: s.Samples, Lang: lang, Size: c.Size}),
				table,
				charts,
				record,
				teach,
			),
		),
		colophon,
	)
}

// upto returns c when the page draws part, and until then a placeholder
// (hold).
func (p *Page) upto(part Part, c vecty.ComponentOrHTML) vecty.ComponentOrHTML {
	return hold(p.Upto >= part, c)
}

// hold returns c when drawn, and until then a hidden, empty placeholder in
// its place. (vecty puts a child that was nil after the last sibling it
// rendered, which is not its place when a sibling in between skipped its
// render, as SampleGrid does.)
func hold(drawn bool, c vecty.ComponentOrHTML) vecty.ComponentOrHTML {
	if drawn {
		return c
	}
	return elem.Div(vecty.Markup(vecty.Attribute("hidden", "")))
}

// link returns the whole address of the page at st.
func (p *Page) link(st link.State) string { return p.Base + "#" + link.Format(st) }

// with returns st with embed set to embed.
func with(st link.State, embed bool) link.State {
	st.Embed = embed
	return st
}

// fold returns content in a closed disclosure titled summary, which the
// visitor opens when needed; data-testid is fold-<name>.
func fold(name, summary string, content vecty.ComponentOrHTML) *vecty.HTML {
	return elem.Details(vecty.Markup(vecty.Class("fold", "fold-"+name), vecty.Data("testid", "fold-"+name)),
		elem.Summary(vecty.Text(summary)),
		content,
	)
}
