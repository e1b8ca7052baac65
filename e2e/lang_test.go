//go:build browser

package e2e

// The page in English and in Japanese: lang=en|ja in the link, else the
// browser's language; the switch in the header; <html lang>.
//
// The exceptions, in English, to "no Japanese character anywhere": the
// brand 微分 (the masthead's h1 span[lang=ja], and the document title's
// first word) and the language switch's 日本語 button, which names Japanese
// in Japanese so that its readers find it. In Japanese, the switch's
// English button is the one exception to "every label, button, option,
// heading and paragraph holds Japanese"; notation needs none
// (i18n.Symbolic: numbers, symbols, names such as W1 or h).

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"bibun/internal/browser"
	i18n "bibun/wasm/app/text"
)

// small is a run of a few quick steps with backprop, whose gradient check
// is cheap, so that the teaching views fill in too.
const small = "grad=backprop&size=16&hidden=8&batch=20&steps=3&train=50&test=50"

// japaneseRE matches a hiragana, katakana or kanji in JavaScript.
const japaneseRE = `/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー々]/u`

// htmlLang returns <html lang>.
func htmlLang(t *testing.T, tab *browser.Tab) string {
	t.Helper()
	return eval[string](t, tab, `document.documentElement.lang`)
}

// runSmall opens small in language lang, runs it to done, waits for the
// gradient check that a cheap run redoes by itself, and checks that
// <html lang> is lang.
func runSmall(t *testing.T, lang string) (*browser.Tab, *Console) {
	t.Helper()
	tab, con := open(t, small+"&lang="+lang)
	click(t, tab, "run")
	waitState(t, tab, "done")
	waitDone(t, tab, "gradcheck", -1)
	if l := htmlLang(t, tab); l != lang {
		t.Errorf("<html lang=%q>, want %s", l, lang)
	}
	return tab, con
}

// langButton is the selector of the language switch's button for lang.
func langButton(lang string) string { return `[data-testid=lang] button[data-lang=` + lang + `]` }

// named is a piece of the page's text and what holds it.
type named struct{ Where, Text string }

// TestLangJapanese: with lang=ja every control label, button, option,
// table header, heading, legend, caption, axis label and paragraph is in
// Japanese (or is notation), after a short run; <html lang> is ja; the
// page is saved as artifacts/japanese.png.
func TestLangJapanese(t *testing.T) {
	tab, con := runSmall(t, "ja")
	if title := eval[string](t, tab, `document.title`); !i18n.HasJapanese(strings.TrimPrefix(title, "微分")) {
		t.Errorf("document title %q is not in Japanese", title)
	}
	pieces := eval[[]named](t, tab, `[...document.body.querySelectorAll(
			'label, button, option, th, h1, h2, h3, h4, legend, figcaption, p, text.axis-label, .chart-legend li, [data-testid=sample] .label')]
		.map((el) => ({Where: el.tagName.toLowerCase() + (el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : '') +
			(el.dataset.lang ? '[data-lang=' + el.dataset.lang + ']' : ''), Text: el.textContent.trim()}))`)
	if len(pieces) < 100 {
		t.Fatalf("the page shows %d labels, buttons, headings and paragraphs; want over 100", len(pieces))
	}
	for _, p := range pieces {
		if p.Where == "button[data-lang=en]" {
			if p.Text != "English" {
				t.Errorf("the switch's English button says %q", p.Text)
			}
			continue
		}
		if !i18n.HasJapanese(p.Text) && !i18n.Symbolic(p.Text) {
			t.Errorf("%s %q is not in Japanese", p.Where, p.Text)
		}
	}
	// Attributes a person meets: titles on hover, labels read aloud, alt texts.
	attrs := eval[[]named](t, tab, `[...document.body.querySelectorAll('[title], [aria-label], img[alt]')].flatMap((el) =>
		['title', 'aria-label', 'alt'].filter((a) => el.hasAttribute(a)).map((a) => ({Where: el.tagName.toLowerCase() + '@' + a, Text: el.getAttribute(a)})))`)
	for _, a := range attrs {
		if !i18n.HasJapanese(a.Text) && !i18n.Symbolic(a.Text) {
			t.Errorf("%s %q is not in Japanese", a.Where, a.Text)
		}
	}
	screenshot(t, tab, "", "japanese")
	noConsoleErrors(t, con)
}

// TestLangEnglish: with lang=en, after a short run, nothing in the page,
// its text, the SVG charts' text or the attributes a person meets, holds
// a Japanese character but the brand 微分 and the switch's 日本語.
func TestLangEnglish(t *testing.T) {
	tab, con := runSmall(t, "en")
	if title := eval[string](t, tab, `document.title`); !strings.HasPrefix(title, "微分 ") || i18n.HasJapanese(strings.TrimPrefix(title, "微分")) {
		t.Errorf("document title %q: want the brand 微分, then English", title)
	}
	exceptions := eval[[]string](t, tab, `[...document.querySelectorAll('.masthead h1 span[lang=ja], `+langButton("ja")+`')].map((el) => el.textContent)`)
	if !slices.Equal(exceptions, []string{"微分", "日本語"}) {
		t.Errorf("the brand and the switch's Japanese say %q, want [微分 日本語]", exceptions)
	}
	found := eval[[]string](t, tab, `(() => {
		const body = document.body.cloneNode(true);
		body.querySelectorAll('.masthead h1 span[lang=ja], `+langButton("ja")+`').forEach((el) => el.remove());
		const out = [];
		const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (`+japaneseRE+`.test(n.nodeValue)) out.push((n.parentElement?.tagName ?? '') + ': ' + n.nodeValue.trim());
		}
		for (const el of body.querySelectorAll('*')) {
			for (const a of el.attributes) {
				if (a.name !== 'src' && `+japaneseRE+`.test(a.value)) out.push(el.tagName + '@' + a.name + ': ' + a.value);
			}
		}
		return out;
	})()`)
	for _, f := range found {
		t.Errorf("Japanese in the English page: %s", f)
	}
	noConsoleErrors(t, con)
}

// TestLangSwitchKeepsRun: the header's switch changes the language of a
// run under way without resetting it, and writes lang into the link and
// <html lang>; its buttons work from the keyboard.
func TestLangSwitchKeepsRun(t *testing.T) {
	tab, con := open(t, with(small, "steps=5", "lang=en"))
	for k := range 2 {
		stepTo(t, tab, k+1)
	}
	before := readTable(t, tab)
	if len(before) != 2 {
		t.Fatalf("after two steps the table has %d rows", len(before))
	}
	if got := text(t, tab, "run"); got != "Run" {
		t.Errorf("the Run button says %q in English", got)
	}
	ja := langButton("ja")
	cctx, cancel := context.WithTimeout(tab.Context(), shortTimeout)
	defer cancel()
	if err := chromedp.Do(cctx, chromedp.Click(chromedp.CSS(ja))); err != nil {
		t.Fatalf("clicking %s: %v", ja, err)
	}
	waitTrue(t, tab, `document.documentElement.lang === 'ja'`, shortTimeout, "<html lang=ja> after the switch")
	waitTrue(t, tab, browser.Element("run")+`?.textContent === '実行'`, shortTimeout, "the Run button in Japanese")
	if h := eval[string](t, tab, `location.hash`); !strings.Contains(h, "&lang=ja") || strings.Contains(h, "lang=en") {
		t.Errorf("after the switch the link is %s, want lang=ja", h)
	}
	if s := state(t, tab); s != "paused" {
		t.Errorf("after the switch the run is %s, want paused", s)
	}
	after := readTable(t, tab)
	sameTables(t, "before the switch", before, "after", after)
	if st := text(t, tab, "status"); !i18n.HasJapanese(st) {
		t.Errorf("the status %q is not in Japanese", st)
	}
	if p := eval[string](t, tab, `document.querySelector('`+ja+`').getAttribute('aria-pressed')`); p != "true" {
		t.Errorf("the 日本語 button has aria-pressed=%q", p)
	}

	// Back to English from the keyboard: focus the button, press Enter.
	if err := chromedp.Do(cctx, chromedp.Focus(chromedp.CSS(langButton("en"))), chromedp.KeyEvent("\r")); err != nil {
		t.Fatalf("pressing Enter on the English button: %v", err)
	}
	waitTrue(t, tab, `document.documentElement.lang === 'en' && location.hash.includes('&lang=en')`, shortTimeout,
		"<html lang=en> and lang=en in the link after Enter on the English button")
	sameTables(t, "before the switches", before, "after both", readTable(t, tab))
	// The run goes on where it was.
	stepTo(t, tab, 3)
	noConsoleErrors(t, con)
}

// stepTo presses Step and waits until the run pauses after step k.
func stepTo(t *testing.T, tab *browser.Tab, k int) {
	t.Helper()
	click(t, tab, "step")
	waitTrue(t, tab, rowsAre(k)+` && `+browser.StateIs("paused"), runTimeout, "the run to pause after step "+strconv.Itoa(k))
}

// TestLangFollowsBrowser: with no lang in the link, a browser whose
// language is Japanese (navigator.language "ja-JP", set before the page
// loads) gets the page in Japanese, and the link stays without lang; any
// other gets English.
func TestLangFollowsBrowser(t *testing.T) {
	for _, c := range []struct{ tag, lang, run string }{{"ja-JP", "ja", "実行"}, {"en-GB", "en", "Run"}, {"fr-FR", "en", "Run"}} {
		t.Run(c.tag, func(t *testing.T) {
			tab, con := open(t, small, `Object.defineProperty(Navigator.prototype, 'language', {get: () => `+jsString(c.tag)+`});`)
			if l := htmlLang(t, tab); l != c.lang {
				t.Errorf("navigator.language %s: <html lang=%q>, want %s", c.tag, l, c.lang)
			}
			if got := text(t, tab, "run"); got != c.run {
				t.Errorf("navigator.language %s: the Run button says %q, want %q", c.tag, got, c.run)
			}
			if h := eval[string](t, tab, `location.hash`); strings.Contains(h, "lang=") {
				t.Errorf("the link %s sets lang, which the visitor never chose", h)
			}
			if p := eval[string](t, tab, `document.querySelector('`+langButton(c.lang)+`').getAttribute('aria-pressed')`); p != "true" {
				t.Errorf("the %s button has aria-pressed=%q", c.lang, p)
			}
			noConsoleErrors(t, con)
		})
	}
}

// TestLangDurations: the cost line's estimate for the article's network
// with the article's method, a step of tens of seconds and a run of
// minutes, writes its units in each language's way ("28 s", "7 min 5 s";
// "28秒", "7分5秒"), and a run of one step names no total.
func TestLangDurations(t *testing.T) {
	// Any duration, in each language's units; the estimate is refined as
	// the workers measure, so its size is not the question here.
	const (
		durEn = `(\d+(\.\d)? (ms|s)|\d+ min \d+ s|\d+ h \d+ min)`
		durJa = `(\d+(\.\d)? ms|\d+(\.\d)?秒|\d+分\d+秒|\d+時間\d+分)`
	)
	for _, c := range []struct {
		name string
		link []string
		want string
	}{
		{"en", []string{"lang=en"}, `^About ` + durEn + ` a step here with 2 workers; 15 steps ≈ ` + durEn + `\.$`},
		{"ja", []string{"lang=ja"}, `^このブラウザではワーカー 2 個で 1 ステップ約 ` + durJa + `、15 ステップで約 ` + durJa + `です。$`},
		{"en one step", []string{"lang=en", "steps=1"}, `^About ` + durEn + ` a step here with 2 workers\.$`},
		{"ja one step", []string{"lang=ja", "steps=1"}, `^このブラウザではワーカー 2 個で 1 ステップ約 ` + durJa + `です。$`},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab, con := open(t, with(article, append(c.link, "grad=numerical")...))
			estimate := `(` + browser.Element("cost-line") + `?.querySelector('.estimate')?.textContent ?? '')`
			waitTrue(t, tab, estimate+`.search(/\d/) >= 0`, shortTimeout, "the cost line's estimate")
			got := eval[string](t, tab, estimate)
			t.Logf("%s", got)
			if !regexp.MustCompile(c.want).MatchString(got) {
				t.Errorf("the estimate says %q, want it to match %s", got, c.want)
			}
			noConsoleErrors(t, con)
		})
	}
}
