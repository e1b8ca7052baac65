// Package view renders the page from the store: one component per file,
// named for what it shows. Components read their vecty:"prop" inputs and
// dispatch actions from handlers named onXxx; they change nothing else.
package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/wasm/app/store"
	"bibun/wasm/link"
)

// Page is the whole body: header, explanation, settings on one side and
// the run on the other.
type Page struct {
	vecty.Core
	Store *store.Store
	Base  string // the page's address without its fragment
}

// Render implements vecty.Component.
func (p *Page) Render() vecty.ComponentOrHTML {
	s := p.Store
	c, lang := s.Settings.Config, s.Lang()
	url := p.Base + "#" + link.Format(s.Settings)
	pins, can, saved := pinnedRuns(s.Pins(), c, lang), s.RecordControls(), s.Status == store.Saved
	return elem.Body(
		&Masthead{Lang: lang},
		&Intro{Lang: lang},
		elem.Div(vecty.Markup(vecty.Class("layout")),
			elem.Aside(vecty.Markup(vecty.Class("settings")),
				&SettingsPanel{State: s.Settings, Lang: lang, Workers: s.Workers(), Edits: s.Edits},
				&CostLine{Config: c, Lang: lang, Workers: s.Workers(), Estimate: s.Estimate()},
				&ShareBox{Copied: s.Copied, URL: url, Lang: lang},
			),
			elem.Main(vecty.Markup(vecty.Class("run")),
				&LabSheet{Config: c, Status: s.Status, Rows: s.Rows, URL: url, When: s.Measured(), Verdict: s.Verdict(), Pins: pins, Lang: lang},
				elem.Div(vecty.Markup(vecty.Class("run-controls")),
					&RunButtons{Controls: s.Controls(), Lang: lang},
					&StatusLine{Status: s.Status, Lang: lang, Step: len(s.Rows), Steps: c.Steps, PauseAt: s.PauseAt(), Pending: s.Pending()},
					&Shortcuts{Lang: lang},
				),
				&NoticeList{Status: s.Status, Stopped: s.Stopped, Notices: s.Notices, Lang: lang},
				&StepProgress{Progress: s.Progress, Lang: lang, Params: c.Params()},
				&SampleGrid{Samples: s.Samples, Lang: lang, Size: c.Size},
				&MetricsTable{Rows: s.Rows, Lang: lang, Page: s.TablePage(), Pins: pins, Beside: s.Beside()},
				&PinBar{Pins: pins, CanPin: can.Pin, Lang: lang},
				elem.Div(vecty.Markup(vecty.Class("charts")),
					&LossChart{Rows: s.Rows, Lang: lang, Steps: c.Steps, Pins: pins, Saved: saved},
					&AccuracyChart{Rows: s.Rows, Lang: lang, Steps: c.Steps, Pins: pins, Saved: saved},
				),
				elem.Div(vecty.Markup(vecty.Class("record")),
					&SaveBox{Can: can, Lang: lang},
					&OpenBox{Saved: s.Saved(), Failed: s.OpenFailed(), Verdict: s.Verdict(), CanVerify: can.Verify, Lang: lang},
				),
				&TeachingSection{Store: s},
			),
		),
		&Colophon{Lang: lang},
	)
}
