//go:build browser

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"bibun/internal/browser"
)

// A quick run for the classroom tests: backprop on the article's network.
var quick = with(article, "grad=backprop")

// phone emulates a phone of w×h CSS pixels (3 device pixels each, touch,
// a mobile viewport) and reloads the page in it.
func phone(t *testing.T, tab *browser.Tab, w, h int64) {
	t.Helper()
	_, err := chromedp.Run(tab.Context(), chromedp.EmulateViewport(w, h, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch))
	check(t, err)
	href := eval[string](t, tab, `location.href`)
	check(t, tab.Navigate(href, loadTimeout))
	check(t, tab.WaitReady(loadTimeout))
}

// sideways is an expression for how far the page scrolls sideways, in CSS
// pixels: 0 when nothing is wider than the screen.
const sideways = `document.documentElement.scrollWidth - document.documentElement.clientWidth`

// hiddenColumns is an expression for the metrics table's heads that lie
// beyond the right edge of its scroll box, that is, off the screen.
const hiddenColumns = `(() => {
	const box = document.querySelector('.metrics .table-scroll').getBoundingClientRect();
	return [...document.querySelectorAll('[data-testid=metrics] thead th')]
		.filter(th => th.getBoundingClientRect().right > box.right + 0.5)
		.map(th => th.textContent);
})()`

// TestPhone: at a phone's size the controls are on the first screen, the
// page does not scroll sideways, every target is big enough, and every
// column of the metrics table is on the screen; in English and Japanese
// (an incremental run: its evaluations, 33,156 a step, are the widest).
func TestPhone(t *testing.T) {
	for _, tc := range []struct {
		lang string
		size [2]int64
	}{{"en", [2]int64{390, 844}}, {"en", [2]int64{360, 740}}, {"ja", [2]int64{360, 740}}} {
		size := tc.size
		t.Run(fmt.Sprintf("%s-%dx%d", tc.lang, size[0], size[1]), func(t *testing.T) {
			tab, con := open(t, with(article, "grad=incremental", "steps=3", "lang="+tc.lang))
			phone(t, tab, size[0], size[1])
			if w := eval[int](t, tab, `innerWidth`); w != int(size[0]) {
				t.Fatalf("the layout viewport is %d px wide, want %d", w, size[0])
			}
			// Run, Pause, Step, Reset and the status on the first screen.
			for _, id := range []string{"run", "pause", "step", "reset", "status"} {
				b := eval[float64](t, tab, browser.Element(id)+`.getBoundingClientRect().bottom`)
				if b <= 0 || b > float64(size[1]) {
					t.Errorf("%s ends %.0f px down, want within the first screen (%d px)", id, b, size[1])
				}
			}
			if px := eval[int](t, tab, sideways); px > 0 {
				t.Errorf("before a run the page scrolls %d px sideways", px)
			}
			click(t, tab, "run")
			waitState(t, tab, "done")
			if px := eval[int](t, tab, sideways); px > 0 {
				t.Errorf("after a run the page scrolls %d px sideways", px)
			}
			if cols := eval[[]string](t, tab, hiddenColumns); len(cols) > 0 {
				t.Errorf("the metrics table's columns %q are off the screen", cols)
			}
			// Every visible control is a target of 24 × 24 CSS px at least
			// (WCAG 2.5.8).
			small := eval[[]string](t, tab, `[...document.querySelectorAll('button, select, input, summary')].filter(e => {
				const r = e.getBoundingClientRect();
				return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && (r.width < 24 || r.height < 24);
			}).map(e => (e.dataset.testid || e.name || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().width) + '×' + Math.round(e.getBoundingClientRect().height))`)
			if len(small) > 0 {
				t.Errorf("targets under 24 px: %v", small)
			}
			noConsoleErrors(t, con)
		})
	}
}

// readQR decodes the QR code shown by the element sel, from a screenshot.
// It takes up to three: the screenshot's clip is where the element was a
// moment before, and the sharing box moves down whenever the cost line
// above it takes another line, as it may while the workers measure the
// machine's speed, in the second after the page loads.
func readQR(t *testing.T, tab *browser.Tab, sel string) string {
	t.Helper()
	var err error
	for range 3 {
		// Four device pixels per CSS pixel: a small code is then still
		// several pixels a module, as a phone's camera sees it.
		png, shotErr := chromedp.Run(tab.Context(), chromedp.ScreenshotScale(chromedp.CSS(sel), 4))
		check(t, shotErr)
		img, _, decodeErr := image.Decode(bytes.NewReader(png))
		check(t, decodeErr)
		bmp, bitmapErr := gozxing.NewBinaryBitmapFromImage(img)
		check(t, bitmapErr)
		var res *gozxing.Result
		if res, err = zxqr.NewQRCodeReader().Decode(bmp, nil); err == nil {
			return res.GetText()
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("the QR code in %s does not read: %v", sel, err)
	return ""
}

func TestQRCode(t *testing.T) {
	tab, con := open(t, article)
	href := eval[string](t, tab, `location.href`)
	if got := readQR(t, tab, "[data-testid=qr]"); got != href {
		t.Errorf("the QR code reads %q, want the page's link %q", got, href)
	}
	setParam(t, tab, "lr", "0.5")
	next := eval[string](t, tab, `location.href`)
	if next == href || !strings.Contains(next, "lr=0.5") {
		t.Fatalf("after moving lr the link is %q", next)
	}
	waitTrue(t, tab, browser.Element("qr")+`.dataset.value === location.href`, 5*time.Second, "the QR code to follow the link")
	if got := readQR(t, tab, "[data-testid=qr]"); got != next {
		t.Errorf("after moving lr the QR code reads %q, want %q", got, next)
	}
	// Full screen, for the back of the room: the same link, most of the screen.
	click(t, tab, "qr-large")
	waitTrue(t, tab, `document.getElementById('qr-full').matches(':popover-open')`, 5*time.Second, "the full-screen QR code")
	if got := readQR(t, tab, "#qr-full svg"); got != next {
		t.Errorf("the full-screen QR code reads %q, want %q", got, next)
	}
	if f := eval[float64](t, tab, `document.querySelector('#qr-full svg').getBoundingClientRect().height / innerHeight`); f < 0.6 {
		t.Errorf("the full-screen QR code is %.0f%% of the screen's height, want 60%% or more", 100*f)
	}
	key(t, tab, kb.Escape)
	waitTrue(t, tab, `!document.getElementById('qr-full').matches(':popover-open')`, 5*time.Second, "Escape to close the full-screen code")
	noConsoleErrors(t, con)
}

// key presses k (a character, or a kb constant) on whatever has the focus,
// as a keyboard does: one keyDown that carries the key's text, then keyUp.
// (chromedp.KeyEvent sends the text as a separate char event, whose default
// action, such as Space scrolling the page, a keydown's preventDefault
// cannot stop; a real key press's can.)
func key(t *testing.T, tab *browser.Tab, k string) {
	t.Helper()
	for _, r := range k {
		evs := kb.Encode(r)
		for i := 0; i < len(evs); i++ {
			ev := *evs[i]
			if ev.Type == kb.KeyDown && i+1 < len(evs) && evs[i+1].Type == kb.KeyChar {
				ev.Text, ev.UnmodifiedText = evs[i+1].Text, evs[i+1].UnmodifiedText
				i++
			}
			_, err := chromedp.Call(tab.Context(), input.DispatchKeyEvent, ev)
			check(t, err)
		}
	}
}

func TestKeyboard(t *testing.T) {
	tab, con := open(t, with(article, "grad=backprop", "steps=400"))
	eval[any](t, tab, `document.activeElement.blur(), 0`)

	key(t, tab, "n") // one step
	waitFor(t, tab, "paused", 30*time.Second)
	if n := rowCount(t, tab); n != 1 {
		t.Fatalf("n took %d steps, want 1", n)
	}
	key(t, tab, kb.ArrowRight)
	waitTrue(t, tab, rowsAre(2), 30*time.Second, "→ to take a second step")
	waitFor(t, tab, "paused", 30*time.Second)

	key(t, tab, " ") // run
	waitFor(t, tab, "running", 30*time.Second)
	key(t, tab, " ") // pause
	waitFor(t, tab, "paused", 60*time.Second)
	if n := rowCount(t, tab); n >= 400 {
		t.Fatalf("Space did not pause: %d rows", n)
	}
	if y := eval[float64](t, tab, `scrollY`); y != 0 {
		t.Errorf("Space scrolled the page to %.0f", y)
	}

	// Typing in a field is typing, not a shortcut.
	_, err := chromedp.Run(tab.Context(), chromedp.Focus(chromedp.CSS(`input[name=seed]`)))
	check(t, err)
	key(t, tab, "r")
	if s := state(t, tab); s != "paused" {
		t.Errorf("r typed in the seed field made the page %s, want still paused", s)
	}
	eval[any](t, tab, `document.activeElement.blur(), 0`)
	key(t, tab, "r")
	waitFor(t, tab, "idle", 10*time.Second)
	if n := rowCount(t, tab); n != 0 {
		t.Errorf("r left %d rows", n)
	}

	// ? opens the list; Escape closes it and the focus goes back.
	_, err = chromedp.Run(tab.Context(), chromedp.Focus(chromedp.CSS(`[data-testid=step]`)))
	check(t, err)
	key(t, tab, "?")
	waitTrue(t, tab, browser.Element("shortcuts")+`.open`, 5*time.Second, "? to open the shortcuts")
	if role := eval[string](t, tab, browser.Element("shortcuts")+`.getAttribute('role')`); role != "dialog" {
		t.Errorf("the shortcuts have role %q, want dialog", role)
	}
	if in := eval[bool](t, tab, browser.Element("shortcuts")+`.contains(document.activeElement)`); !in {
		t.Errorf("the open dialog does not hold the focus")
	}
	key(t, tab, "r") // the dialog's keys are its own
	key(t, tab, kb.Escape)
	waitTrue(t, tab, `!`+browser.Element("shortcuts")+`.open`, 5*time.Second, "Escape to close the shortcuts")
	if id := eval[string](t, tab, `document.activeElement?.dataset?.testid ?? ''`); id != "step" {
		t.Errorf("after Escape the focus is on %q, want back on step", id)
	}

	// Tab reaches every control, each showing its focus.
	seen := map[string]bool{}
	for range 80 {
		key(t, tab, kb.Tab)
		id := eval[string](t, tab, `(() => { const e = document.activeElement; return e.dataset.testid || e.name || e.tagName })()`)
		seen[id] = true
		if id == "BODY" { // past the last control, before the first
			continue
		}
		if ring := eval[string](t, tab, `getComputedStyle(document.activeElement).outlineStyle`); ring == "none" {
			t.Errorf("%s shows no focus", id)
		}
	}
	for _, id := range []string{"run", "step", "reset", "shortcuts-button", "share", "qr-large", "lr", "h", "seed", "grad"} {
		if !seen[id] {
			t.Errorf("Tab never reached %s (reached %v)", id, seen)
		}
	}
	noConsoleErrors(t, con)
}

// axe runs axe-core (e2e/node_modules, from e2e/package.json) in the tab
// and fails the test for every violation, of any impact.
func axe(t *testing.T, tab *browser.Tab, what string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "e2e", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (cd e2e && npm ci): %v", err)
	}
	ctx, cancel := context.WithTimeout(tab.Context(), time.Minute)
	defer cancel()
	_, err = chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+";0"))
	check(t, err)
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {resultTypes: ['violations']}).then(r =>
		r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))`,
		chromedp.EvalAwaitPromise))
	check(t, err)
	for _, v := range found {
		t.Errorf("%s: axe: %s", what, v)
	}
}

func TestAccessibility(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			tab, _ := open(t, with(quick, "lang="+lang))
			click(t, tab, "run")
			waitState(t, tab, "done")
			axe(t, tab, "after a run")
		})
	}
}

// TestEmbed: the share box's iframe snippet, pasted into a page of another
// site, shows the compact view; a run finishes inside the frame, and the
// view links to the full page with the same run.
func TestEmbed(t *testing.T) {
	page, _ := open(t, quickLink)
	snippet := eval[string](t, page, browser.Element("embed-code")+`.value`)
	if !strings.HasPrefix(snippet, "<iframe ") || !strings.Contains(snippet, "embed=1") || !strings.Contains(snippet, "steps=3") {
		t.Fatalf("the share box's snippet %q is not an iframe of this run's embedded view", snippet)
	}
	framing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="en"><title>Lesson 3</title><main><h1>Lesson 3: gradients</h1>` + snippet + `</main></html>`))
	}))
	defer framing.Close()
	b := newBrowser(t, false)
	tab := must(b.Open(false))(t)
	t.Cleanup(tab.Close)
	// The framing page at localhost, the site at 127.0.0.1: two sites.
	check(t, tab.Navigate(strings.Replace(framing.URL, "127.0.0.1", "localhost", 1)+"/", loadTimeout))
	frame := must(tab.Frame(serverURL+"/", loadTimeout))(t)
	defer frame.Close()
	con := &Console{}
	go con.watch(chromedp.Console(frame.Context()))
	check(t, frame.WaitReady(loadTimeout))

	if !eval[bool](t, frame, `document.body.classList.contains('embed') && window.top !== window`) {
		t.Fatal("the frame does not show the embedded view")
	}
	if eval[bool](t, frame, `!!document.querySelector('.intro, .masthead, .colophon')`) {
		t.Error("the embedded view shows the introduction, the masthead or the colophon")
	}
	if open := eval[bool](t, frame, browser.Element("fold-settings")+`?.open ?? true`); open {
		t.Error("the embedded view's settings are not folded (or missing)")
	}
	full := eval[map[string]string](t, frame, `(() => { const a = `+browser.Element("open-full")+`;
		return {href: a.href, target: a.target, rel: a.rel}; })()`)
	if full["target"] != "_blank" || !strings.Contains(full["rel"], "noopener") || strings.Contains(full["href"], "embed=") ||
		!strings.Contains(full["href"], "steps=3") {
		t.Errorf("'open in bibun' is %v; want the same run without embed, in a new tab", full)
	}
	runQuick(t, frame)
	axe(t, frame, "the embedded view")
	noConsoleErrors(t, con)
}

// fontPx is the computed font size of the body, in CSS pixels.
const fontPx = `parseFloat(getComputedStyle(document.body).fontSize)`

// TestPresent: the presenter's view has a third larger type, folds the
// introduction and the settings, draws chart labels large enough for the
// back of a room on a 1280×720 projector, and turns off without losing
// the run.
func TestPresent(t *testing.T) {
	tab, con := open(t, quick)
	base := eval[float64](t, tab, fontPx)
	_, err := chromedp.Run(tab.Context(), chromedp.EmulateViewport(1280, 720))
	check(t, err)
	click(t, tab, "present")
	waitTrue(t, tab, `document.body.classList.contains('present') && location.hash.includes('present=1')`, shortTimeout, "the presenter's view")
	if f := eval[float64](t, tab, fontPx); f < 1.3*base {
		t.Errorf("type is %.1f px in the presenter's view, %.1f px otherwise: want 1.3× at least", f, base)
	}
	for _, name := range []string{"intro", "settings"} {
		if open := eval[bool](t, tab, browser.Element("fold-"+name)+`?.open ?? true`); open {
			t.Errorf("the %s is not folded in the presenter's view", name)
		}
	}
	click(t, tab, "run")
	waitState(t, tab, "done")
	// Chart labels, as drawn on the screen: 14 px at least.
	if px := eval[float64](t, tab, `Math.min(...[...document.querySelectorAll('svg.chart .tick')].map(e => e.getBoundingClientRect().height))`); px < 14 {
		t.Errorf("the charts' smallest label is %.1f px high on a 1280 px screen, want 14 or more", px)
	}
	// A teaching chart too: the h sweep, centred in its card and as large.
	clickWhenEnabled(t, tab, "sweep-h", teachTimeout)
	waitDone(t, tab, "hsweep", -1)
	if px := eval[float64](t, tab, `Math.min(...[...document.querySelectorAll('[data-testid=hsweep] svg.chart .tick')].map(e => e.getBoundingClientRect().height))`); px < 14 {
		t.Errorf("the h sweep's smallest label is %.1f px high on a 1280 px screen, want 14 or more", px)
	}
	if off := eval[float64](t, tab, `(() => {
		const c = document.querySelector('[data-testid=hsweep] svg.chart').getBoundingClientRect();
		const card = document.querySelector('[data-testid=hsweep]').closest('.teach-card').getBoundingClientRect();
		return Math.abs((c.left - card.left) - (card.right - c.right));
	})()`); off > 2 {
		t.Errorf("the h sweep sits %.0f px off the middle of its card", off)
	}
	// The run bar, the samples, the table and the loss chart start on the first screen.
	for _, sel := range []string{".run-controls", ".samples", ".metrics", "svg.chart"} {
		if top := eval[float64](t, tab, `document.querySelector('`+sel+`').getBoundingClientRect().top`); top > 720 {
			t.Errorf("%s starts %.0f px down, below the projector's 720", sel, top)
		}
	}
	axe(t, tab, "the presenter's view")
	rows := readTable(t, tab)
	click(t, tab, "present")
	waitTrue(t, tab, `!document.body.classList.contains('present')`, shortTimeout, "the presenter's view to end")
	if got := readTable(t, tab); len(browser.Differences("before", rows, "after", got)) > 0 || state(t, tab) != "done" {
		t.Errorf("leaving the presenter's view changed the run")
	}
	noConsoleErrors(t, con)
}

// TestLockAndHide: a teacher's link fixes lr and the seed and hides the
// introduction and the teaching cards; the controls are read-only with a
// note, a preset leaves them and says so, and the link keeps lock and hide
// when an open setting changes.
func TestLockAndHide(t *testing.T) {
	tab, con := open(t, with(article, "grad=backprop", "lr=0.2", "lock=lr,seed", "hide=intro,teach"))
	disabled := func(sel string) bool { return eval[bool](t, tab, `document.querySelector('`+sel+`').disabled`) }
	if !disabled(`input[name=lr]`) || !disabled(`input[name=seed]`) || disabled(`input[name=h]`) || disabled(`select[name=grad]`) {
		t.Errorf("disabled: lr %v seed %v h %v grad %v; want lr and seed only",
			disabled(`input[name=lr]`), disabled(`input[name=seed]`), disabled(`input[name=h]`), disabled(`select[name=grad]`))
	}
	if n := eval[int](t, tab, `document.querySelectorAll('[data-testid=fixed]').length`); n != 2 {
		t.Errorf("%d 'fixed by this link' notes, want 2 (lr, seed)", n)
	}
	if eval[bool](t, tab, `!!document.querySelector('.intro, .teaching')`) {
		t.Error("hide=intro,teach left the introduction or the teaching cards")
	}
	eval[any](t, tab, `[...document.querySelectorAll('.presets button')].find(b => /Quick/.test(b.textContent)).click(), 0`)
	waitTrue(t, tab, `location.hash.includes('size=16')`, shortTimeout, "the quick-look preset")
	if h := eval[string](t, tab, `location.hash`); !strings.Contains(h, "&lr=0.2&") {
		t.Errorf("the preset changed a locked lr: %s", h)
	}
	// The link changes at once, the notice with the next render.
	waitTrue(t, tab, browser.Element("notice")+`?.textContent.includes("fixed by this link")`, shortTimeout,
		"the notice to say lr stayed")
	setParam(t, tab, "h", "0.001")
	if h := eval[string](t, tab, `location.hash`); !strings.Contains(h, "lock=lr,seed") || !strings.Contains(h, "hide=intro,teach") || !strings.Contains(h, "h=0.001") {
		t.Errorf("after moving h the link is %s; want lock and hide kept", h)
	}
	noConsoleErrors(t, con)
}

// TestClassroomHostileKeys: unknown names, markup and long lists in lock
// and hide get a notice and change nothing else.
func TestClassroomHostileKeys(t *testing.T) {
	link := with(article, "lock=<img src=x onerror=alert(1)>,lr,"+strings.Repeat("zz,", 2000), "hide=<script>alert(1)</script>", "embed=2", "present=<b>")
	tab, con := open(t, link)
	notice := text(t, tab, "notice")
	for _, key := range []string{"lock:", "hide:", "embed:", "present:"} {
		if !strings.Contains(notice, key) {
			t.Errorf("no notice for %s in %q", key, notice)
		}
	}
	if eval[bool](t, tab, `!!document.querySelector('img[src=x], script:not([src])') || document.body.classList.contains('embed')`) {
		t.Error("a hostile lock or hide made markup or a view")
	}
	if h := eval[string](t, tab, `location.hash`); !strings.Contains(h, "lock=lr") || strings.Contains(h, "hide=") || strings.Contains(h, "zz") {
		t.Errorf("the link after cleaning is %s; want lock=lr and no hide", h)
	}
	if !eval[bool](t, tab, `document.querySelector('input[name=lr]').disabled`) {
		t.Error("the valid name in the list (lr) was not locked")
	}
	noConsoleErrors(t, con)
}
