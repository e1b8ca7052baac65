package view

import (
	"strconv"
	"strings"
	"time"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"

	"bibun/nn/spec"
	"bibun/wasm/app/format"
	"bibun/wasm/app/qr"
	"bibun/wasm/app/store"
	"bibun/wasm/app/text"
	"bibun/wasm/record"
)

// labSheetText is every string LabSheet shows.
var labSheetText = text.Table[struct {
	Title, Settings, Link, LinkHint, Table, NoSteps, QRLabel, Pinned string
	Settings11                                                       [11]string
	When                                                             func(date string) string
	Result                                                           func(status, loss, train, test string) string
	Status                                                           map[store.Status]string
	Every                                                            func(k, n string) string
	Verdict                                                          map[store.VerdictState]string
}]{
	text.English: {
		Title:      "Lab sheet",
		Settings:   "Settings",
		Link:       "The run's link",
		LinkHint:   "Open it to run the same steps again, digit for digit.",
		Table:      "Steps",
		NoSteps:    "No steps taken yet.",
		QRLabel:    "QR code of the run's link",
		Pinned:     "Pinned beside it in the charts:",
		Settings11: [11]string{"gradient", "inputs per sample (size)", "hidden units", "batch", "learning rate (lr)", "nudge h", "steps", "training samples", "test samples", "initial weights std", "seed"},
		When:       func(date string) string { return "Run of " + date },
		Result: func(status, loss, train, test string) string {
			return status + " Last step: loss " + loss + ", training accuracy " + train + ", test accuracy " + test + "."
		},
		Status: map[store.Status]string{store.Done: "Done.", store.Paused: "Paused.", store.Diverged: "Diverged.",
			store.Failed: "Stopped by an error.", store.Saved: "A saved run, as it was saved.", store.Running: "Still running."},
		Every: func(k, n string) string { return "One step in " + k + " of " + n + "; the CSV holds them all." },
		Verdict: map[store.VerdictState]string{store.Identical: "Verified: identical to the saved run, digit for digit.",
			store.Different: "Verified: different from the saved run.", store.Checking: "Being verified."},
	},
	text.Japanese: {
		Title:      "実験シート",
		Settings:   "設定",
		Link:       "この実行のリンク",
		LinkHint:   "開くと同じステップを 1 桁も違わず再現できます。",
		Table:      "ステップ",
		NoSteps:    "まだステップがありません。",
		QRLabel:    "この実行のリンクの QR コード",
		Pinned:     "グラフに並べて固定した実行：",
		Settings11: [11]string{"勾配の計算方法", "入力の画素数（size）", "隠れ層のユニット数", "バッチサイズ", "学習率（lr）", "差分の刻み幅 h", "学習ステップ数", "訓練データ数", "テストデータ数", "初期重みの標準偏差", "乱数のシード"},
		When:       func(date string) string { return date + " の実行" },
		Result: func(status, loss, train, test string) string {
			return status + "最後のステップ：損失 " + loss + "、訓練正解率 " + train + "、テスト正解率 " + test + "。"
		},
		Status: map[store.Status]string{store.Done: "完了。", store.Paused: "一時停止中。", store.Diverged: "発散しました。",
			store.Failed: "エラーで停止しました。", store.Saved: "保存した実行（保存したときのまま）。", store.Running: "実行中。"},
		Every: func(k, n string) string {
			return n + " ステップから " + k + " ステップおきに表示。すべては CSV にあります。"
		},
		Verdict: map[store.VerdictState]string{store.Identical: "検証済み：保存した実行と 1 桁も違わず一致。",
			store.Different: "検証済み：保存した実行と不一致。", store.Checking: "検証中。"},
	},
}

// labRows is the most rows the lab sheet's table prints: a longer run
// prints evenly spaced steps, its first and last among them.
const labRows = 30

// LabSheet is what the page prints, and shows only in print: the run's
// date, settings, link with its QR code, result and a short table. The
// charts print beside it; the controls do not (style.css, @media print).
type LabSheet struct {
	vecty.Core
	Config  spec.Config    `vecty:"prop"`
	Status  store.Status   `vecty:"prop"`
	Rows    []spec.Metrics `vecty:"prop"`
	URL     string         `vecty:"prop"` // the run's whole link
	When    time.Time      `vecty:"prop"` // when its latest step was measured; zero if unknown
	Verdict store.Verdict  `vecty:"prop"`
	Pins    []pinnedRun    `vecty:"prop"`
	Lang    text.Lang      `vecty:"prop"`
}

// Render implements vecty.Component.
func (s *LabSheet) Render() vecty.ComponentOrHTML {
	txt := labSheetText[s.Lang]
	var when vecty.MarkupOrChild
	if !s.When.IsZero() {
		when = elem.Paragraph(vecty.Markup(vecty.Class("lab-date")), vecty.Text(txt.When(record.Date(s.When))))
	}
	return elem.Section(vecty.Markup(vecty.Class("lab-sheet"), vecty.Data("testid", "lab-sheet")),
		elem.Heading2(vecty.Text(txt.Title)),
		when,
		elem.Div(vecty.Markup(vecty.Class("lab-grid")),
			s.renderSettings(),
			s.renderLink(),
		),
		s.renderResult(),
		s.renderTable(),
	)
}

// renderSettings lists every setting of the run.
func (s *LabSheet) renderSettings() *vecty.HTML {
	txt := labSheetText[s.Lang]
	c := s.Config
	values := [11]string{methodName(s.Lang, c.Method), strconv.Itoa(c.Size), strconv.Itoa(c.Hidden), strconv.Itoa(c.Batch),
		format.Short(c.LR), format.Short(c.H), format.Count(c.Steps), strconv.Itoa(c.Train), strconv.Itoa(c.Test),
		format.Short(c.Std), strconv.FormatUint(c.Seed, 10)}
	items := make(vecty.List, len(values))
	for i, v := range values {
		items[i] = elem.Div(elem.DefinitionTerm(vecty.Text(txt.Settings11[i])), elem.Description(vecty.Text(v)))
	}
	return elem.Div(vecty.Markup(vecty.Class("lab-settings")),
		elem.Heading3(vecty.Text(txt.Settings)),
		elem.DescriptionList(items),
	)
}

// renderLink prints the link and its QR code.
func (s *LabSheet) renderLink() *vecty.HTML {
	txt := labSheetText[s.Lang]
	var code vecty.MarkupOrChild
	if c, err := labCode(s.URL); err == nil {
		code = qrSVG(c, txt.QRLabel, "lab-qr", s.URL)
	}
	return elem.Div(vecty.Markup(vecty.Class("lab-link")),
		elem.Heading3(vecty.Text(txt.Link)),
		code,
		elem.Div(vecty.Markup(vecty.Class("lab-url")), elem.Code(vecty.Text(s.URL))),
		elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.LinkHint)),
	)
}

// renderResult says how the run ended, its last figures, the verdict of
// a verification and the pinned runs.
func (s *LabSheet) renderResult() *vecty.HTML {
	txt := labSheetText[s.Lang]
	if len(s.Rows) == 0 {
		return elem.Paragraph(vecty.Markup(vecty.Class("lab-result")), vecty.Text(txt.NoSteps))
	}
	m := s.Rows[len(s.Rows)-1]
	say := []string{txt.Result(txt.Status[s.Status], format.Digits(m.Loss, 6),
		strconv.FormatFloat(m.TrainAcc, 'f', 4, 64), strconv.FormatFloat(m.TestAcc, 'f', 4, 64))}
	if v, ok := txt.Verdict[s.Verdict.State]; ok {
		say = append(say, v)
	}
	if len(s.Pins) > 0 {
		say = append(say, txt.Pinned+" "+strings.Join(labels(s.Pins), "; "))
	}
	return elem.Paragraph(vecty.Markup(vecty.Class("lab-result")), vecty.Text(s.Lang.Join(say...)))
}

// renderTable prints at most labRows steps.
func (s *LabSheet) renderTable() vecty.MarkupOrChild {
	n := len(s.Rows)
	if n == 0 {
		return nil
	}
	txt := labSheetText[s.Lang]
	every := max(1, (n+labRows-2)/(labRows-1))
	rows := vecty.List{}
	for i := 0; i < n; i += every {
		rows = append(rows, &MetricsRow{Metrics: s.Rows[i], Lang: s.Lang})
		if i+every >= n && i != n-1 {
			rows = append(rows, &MetricsRow{Metrics: s.Rows[n-1], Lang: s.Lang})
		}
	}
	return elem.Div(vecty.Markup(vecty.Class("lab-steps")),
		elem.Table(vecty.Markup(vecty.Class("lab-table")),
			&MetricsHead{Lang: s.Lang},
			elem.TableBody(rows),
		),
		vecty.If(every > 1, elem.Paragraph(vecty.Markup(vecty.Class("hint")), vecty.Text(txt.Every(strconv.Itoa(every), format.Count(n))))),
	)
}

// labQR is the latest link the lab sheet encoded, and its code: the sheet
// renders again when a run stops, and a QR code takes 10 ms or more to
// encode in the browser.
var labQR struct {
	url  string
	code qr.Code
	err  error
}

// labCode returns the QR code of url, encoding it only if it is not the
// latest one.
func labCode(url string) (qr.Code, error) {
	if labQR.url != url || labQR.code.Size == 0 && labQR.err == nil {
		labQR.url = url
		labQR.code, labQR.err = qr.Encode(url)
	}
	return labQR.code, labQR.err
}

// SkipRender skips the sheet while what it prints stays the same, and
// while a run goes on: the sheet is not seen until printed, and a step's
// work should not grow with it.
func (s *LabSheet) SkipRender(prev vecty.Component) bool {
	p, ok := prev.(*LabSheet)
	if ok && p.Status == store.Running && s.Status == store.Running && p.Lang == s.Lang {
		return true
	}
	return ok && p.Config == s.Config && p.Status == s.Status && sameRows(p.Rows, s.Rows) && p.URL == s.URL &&
		p.When.Equal(s.When) && p.Verdict == s.Verdict && samePins(p.Pins, s.Pins) && p.Lang == s.Lang
}
