//go:build browser

package e2e

// One derivative up close: the Wiggle view ([data-testid=wiggle]), the
// weights as pictures ([data-testid=weights]) and a bug planted in
// backprop ([data-testid=bug]); their hooks are listed in
// internal/browser/derive.go.

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bibun/internal/browser"
	"bibun/nn"
	"bibun/nn/spec"
	apptext "bibun/wasm/app/text"
)

// wiggleCells waits until the Wiggle view shows a wiggle of step step,
// parameter param and nudge h (h 0: any), and returns its cells as numbers.
func wiggleCells(t *testing.T, tab *browser.Tab, step, param int, h float64) map[string]float64 {
	t.Helper()
	el := browser.Element("wiggle")
	cond := el + `?.dataset.state === "done" && ` + el + `.dataset.step === "` + strconv.Itoa(step) + `" && ` +
		el + `.dataset.param === "` + strconv.Itoa(param) + `"`
	if h > 0 {
		cond += ` && Number(` + el + `.dataset.h) === ` + strconv.FormatFloat(h, 'g', -1, 64)
	}
	waitTrue(t, tab, cond, teachTimeout, "the wiggle of θ_"+strconv.Itoa(param)+" after step "+strconv.Itoa(step))
	cells := must(tab.Cells("wiggle"))(t)
	out := make(map[string]float64, len(cells))
	for col, v := range cells {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("wiggle cell %s: data-value %q is not a number", col, v)
		}
		out[col] = x
	}
	for _, col := range []string{"theta", "plus", "minus", "loss-plus", "loss-minus", "diff", "quotient", "backprop", "rel-err", "digits-lost"} {
		if _, ok := out[col]; !ok {
			t.Fatalf("the wiggle has no cell %s: %v", col, cells)
		}
	}
	return out
}

// checkWiggle checks that the numbers of a wiggle with nudge h follow from
// one another as the view says: the difference and the quotient from the
// losses shown (to 1e-12), the relative error from the quotient and
// backprop, the digits lost from the losses' 17-digit forms, which the
// greyed digits are.
func checkWiggle(t *testing.T, tab *browser.Tab, c map[string]float64, h float64) {
	t.Helper()
	lp, lm, q, bp := c["loss-plus"], c["loss-minus"], c["quotient"], c["backprop"]
	if d := lp - lm; c["diff"] != d {
		t.Errorf("difference %v, but L+ − L− = %v", c["diff"], d)
	}
	if want := (lp - lm) / (2 * h); math.Abs(q-want) > 1e-12*math.Abs(want) {
		t.Errorf("quotient %.17g, but (L+ − L−)/2h from the values shown is %.17g", q, want)
	}
	if want := math.Abs(q-bp) / max(math.Abs(q), math.Abs(bp)); math.Abs(c["rel-err"]-want) > 1e-12*want {
		t.Errorf("relative error %v, but |q − b|/max(|q|, |b|) = %v", c["rel-err"], want)
	}
	lost := nn.SharedDigits(lp, lm)
	if int(c["digits-lost"]) != lost {
		t.Errorf("%v digits lost, but L+ = %.17g and L− = %.17g share %d", c["digits-lost"], lp, lm, lost)
	}
	for _, grey := range eval[[]string](t, tab, `[...`+browser.Element("wiggle")+`.querySelectorAll('.shared')].map(s => s.textContent)`) {
		if n := len(strings.TrimLeft(strings.Map(digitOnly, grey), "0")); n != lost {
			t.Errorf("the greyed digits %q are %d significant digits, want the %d lost", grey, n, lost)
		}
	}
	if x := c["theta"]; c["plus"] != x+h || c["minus"] != x-h {
		t.Errorf("θ_k %v, θ_k ± h %v, %v with h = %v", x, c["plus"], c["minus"], h)
	}
}

// digitOnly keeps the decimal digits of a string (strings.Map).
func digitOnly(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// TestWiggleArticle: at the article's settings the Wiggle view shows one
// central difference whose quotient follows from the losses shown to 1e-12
// and agrees with backprop to 1e-6; moving h shows truncation and
// round-off; and the view follows every step while a run goes.
func TestWiggleArticle(t *testing.T) {
	const k = 300 // W1[4][44]
	tab, con := open(t, with(article, "workers=2", "param="+strconv.Itoa(k)))
	c := wiggleCells(t, tab, 0, k, 1e-4)
	checkWiggle(t, tab, c, 1e-4)
	if c["rel-err"] > 1e-6 {
		t.Errorf("quotient %.17g, backprop %.17g: relative error %.3g, want below 1e-6", c["quotient"], c["backprop"], c["rel-err"])
	}
	t.Logf("θ_%d: L± %.17g %.17g, quotient %.10g, backprop %.10g, relative error %.2g, %v digits lost",
		k, c["loss-plus"], c["loss-minus"], c["quotient"], c["backprop"], c["rel-err"], c["digits-lost"])
	if w := text(t, tab, "wiggle-which"); !strings.Contains(w, "W1[4][44]") {
		t.Errorf("the view names the parameter %q, want W1[4][44]", w)
	}

	t.Run("h", func(t *testing.T) {
		errs := map[float64]float64{}
		lost := map[float64]float64{}
		for _, h := range []float64{1e-1, 1e-5, 1e-11} {
			setParam(t, tab, "wiggle-h", strconv.FormatFloat(h, 'g', -1, 64))
			c := wiggleCells(t, tab, 0, k, h)
			checkWiggle(t, tab, c, h)
			errs[h], lost[h] = c["rel-err"], c["digits-lost"]
			t.Logf("h = %g: relative error %.3g, %v digits lost", h, errs[h], lost[h])
		}
		if !(errs[1e-1] > 100*errs[1e-5]) {
			t.Errorf("h = 0.1 errs %.3g, not far above h = 1e-5's %.3g: no truncation", errs[1e-1], errs[1e-5])
		}
		if !(errs[1e-11] > 100*errs[1e-5]) {
			t.Errorf("h = 1e-11 errs %.3g, not far above h = 1e-5's %.3g: no round-off", errs[1e-11], errs[1e-5])
		}
		if !(lost[1e-1] < lost[1e-5] && lost[1e-5] < lost[1e-11]) {
			t.Errorf("digits lost %v: they do not grow as h shrinks", lost)
		}
		ps := must(tab.Points("wiggle-trail"))(t)
		if len(ps) != 4 {
			t.Errorf("the trail has %d points, want one per h tried (4)", len(ps))
		}
		setParam(t, tab, "wiggle-h", "1e-4")
		wiggleCells(t, tab, 0, k, 1e-4)
	})

	t.Run("run", func(t *testing.T) {
		// Note every step the view shows while the run goes.
		eval[bool](t, tab, `(() => {
			const el = `+browser.Element("wiggle")+`;
			window.__wiggleSteps = [];
			new MutationObserver(() => window.__wiggleSteps.push(el.dataset.step)).observe(el, {attributes: true, attributeFilter: ['data-step']});
			return true;
		})()`)
		click(t, tab, "run")
		waitState(t, tab, "done")
		c := wiggleCells(t, tab, 15, k, 1e-4)
		checkWiggle(t, tab, c, 1e-4)
		var during []string
		for _, s := range eval[[]string](t, tab, `window.__wiggleSteps`) {
			if s != "15" && !slices.Contains(during, s) {
				during = append(during, s)
			}
		}
		t.Logf("steps the wiggle showed during the run: %v", during)
		if len(during) < 3 {
			t.Errorf("during a 15-step run the wiggle showed steps %v: it does not follow the run", during)
		}
	})
	noConsoleErrors(t, con)
}

// TestWiggleByHand wiggles a network small enough to work out by hand:
// one input, one hidden unit, weights of 1e-6, one sample a batch. Its
// logits are within 1e-6 of 0, so L = log 2 and nudging b2[1] (θ_5) by ±h
// gives L± ≈ log(1 + e^∓h) (for a flat sample; swapped for noise):
// 0.69309718… and 0.69319718… at h = 1e-4, sharing 3 digits; 0.68815…
// and 0.69815… at h = 1e-2, sharing 1. The quotient and backprop are ∓½.
func TestWiggleByHand(t *testing.T) {
	tab, con := open(t, with(article, "size=1", "hidden=1", "std=0.000001", "train=2", "test=2", "batch=1", "param=5"))
	for _, c := range []struct {
		h    float64
		lost int
	}{{1e-4, 3}, {1e-2, 1}} {
		if c.h != 1e-4 {
			setParam(t, tab, "wiggle-h", strconv.FormatFloat(c.h, 'g', -1, 64))
		}
		w := wiggleCells(t, tab, 0, 5, c.h)
		checkWiggle(t, tab, w, c.h)
		lo, hi := min(w["loss-plus"], w["loss-minus"]), max(w["loss-plus"], w["loss-minus"])
		if math.Abs(lo-math.Log1p(math.Exp(-c.h))) > 2e-6 || math.Abs(hi-math.Log1p(math.Exp(c.h))) > 2e-6 {
			t.Errorf("h = %g: L± = %.17g, %.17g; by hand log(1+e^∓h) = %.17g, %.17g", c.h, lo, hi, math.Log1p(math.Exp(-c.h)), math.Log1p(math.Exp(c.h)))
		}
		if got := int(w["digits-lost"]); got != c.lost {
			t.Errorf("h = %g: %d digits lost, by hand %d", c.h, got, c.lost)
		}
		if q, b := w["quotient"], w["backprop"]; math.Abs(math.Abs(q)-0.5) > 1e-5+c.h*c.h || math.Abs(math.Abs(b)-0.5) > 1e-5 || q*b <= 0 {
			t.Errorf("h = %g: quotient %v and backprop %v, by hand both ½ or both −½", c.h, q, b)
		}
	}
	if w := text(t, tab, "wiggle-which"); !strings.Contains(w, "b2[1]") {
		t.Errorf("the view names the parameter %q, want b2[1]", w)
	}
	noConsoleErrors(t, con)
}

// tilesOf waits for the weights picture of step step and returns its tiles.
func tilesOf(t *testing.T, tab *browser.Tab, step int) []browser.Tile {
	t.Helper()
	el := browser.Element("weights")
	waitTrue(t, tab, el+`?.dataset.state === "done" && `+el+`.dataset.step === "`+strconv.Itoa(step)+`"`, runTimeout,
		"the weights after step "+strconv.Itoa(step))
	return must(tab.Tiles())(t)
}

// TestWeightsPicture: one tile per hidden unit, each a picture; a step
// changes them; clicking a weight, or a tensor in the diagram, or the
// picker, picks the parameter the Wiggle view nudges, and keeps the run.
func TestWeightsPicture(t *testing.T) {
	tab, con := open(t, with(article, "workers=2"))
	before := tilesOf(t, tab, 0)
	if len(before) != 64 {
		t.Fatalf("%d tiles, want one per hidden unit (64)", len(before))
	}
	for j, tl := range before {
		if tl.Unit != j || !strings.HasPrefix(tl.Src, "data:image/bmp;base64,") || tl.Width != before[0].Width || tl.Height != tl.Width {
			t.Errorf("tile %d: unit %d, %.0f×%.0f px, %.40s…", j, tl.Unit, tl.Width, tl.Height, tl.Src)
		}
	}
	click(t, tab, "step")
	waitState(t, tab, "paused")
	after := tilesOf(t, tab, 1)
	changed := 0
	for j := range after {
		if after[j].Src != before[j].Src {
			changed++
		}
	}
	t.Logf("%d of %d tiles changed after a step", changed, len(after))
	if changed < len(after)/2 {
		t.Errorf("only %d of %d tiles changed after a step", changed, len(after))
	}

	// A weight clicked: row 2, column 3 of unit 5's 16×16 tile is input 35,
	// W1[35][5] = θ_(35·64 + 5).
	eval[bool](t, tab, `(`+browser.Element("weights")+`.querySelector('img[data-unit="5"]').scrollIntoView({block: 'center'}), true)`)
	tl := must(tab.Tiles())(t)[5]
	_, err := chromedp.Run(tab.Context(), chromedp.MouseClickXY(tl.X+3.5*tl.Width/16, tl.Y+2.5*tl.Height/16))
	check(t, err)
	const picked = 35*64 + 5
	wiggleCells(t, tab, 1, picked, 0)
	waitTrue(t, tab, `location.hash.includes("param=`+strconv.Itoa(picked)+`")`, shortTimeout, "the link to hold the weight clicked")
	if !eval[bool](t, tab, browser.Element("weights")+`.querySelector('img[data-unit="5"]').classList.contains('picked')`) {
		t.Error("the tile of the unit clicked is not framed")
	}
	if rowCount(t, tab) != 1 || state(t, tab) != "paused" {
		t.Errorf("picking a weight changed the run: %d rows, state %s", rowCount(t, tab), state(t, tab))
	}

	// A tensor in the diagram, then the picker.
	eval[bool](t, tab, `(document.querySelector('[data-testid=wiggle] a[data-tensor="W2"]').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true})), true)`)
	w2 := spec.Article().ParamOf("W2", 0).K
	wiggleCells(t, tab, 1, w2, 0)
	setParam(t, tab, "wiggle-tensor", "b1")
	wiggleCells(t, tab, 1, spec.Article().ParamOf("b1", 0).K, 0)
	setParam(t, tab, "wiggle-index", "7")
	wiggleCells(t, tab, 1, spec.Article().ParamOf("b1", 7).K, 0)
	noConsoleErrors(t, con)
}

// TestWeightsLarge: at H = 512 (131,072 weights) the picture is 512 small
// images and no element per weight, and follows a step; a tile of a size
// that is no square is laid out as the samples are, and says so.
func TestWeightsLarge(t *testing.T) {
	tab, con := open(t, with(article, "grad=backprop", "hidden=512", "workers=1"), browser.LongTasks)
	waitSettled(t, tab)
	start, at := time.Now(), eval[float64](t, tab, `performance.now()`)
	click(t, tab, "step")
	tiles := tilesOf(t, tab, 1)
	t.Logf("H = 512: a step and its weights drawn in %v", time.Since(start).Round(time.Millisecond))
	click(t, tab, "step")
	tilesOf(t, tab, 2)
	if len(tiles) != 512 {
		t.Fatalf("%d tiles, want 512", len(tiles))
	}
	n := eval[int](t, tab, browser.Element("weights")+`.querySelectorAll('*').length`)
	if n > 512+60 {
		t.Errorf("the weights picture holds %d elements for 512 tiles: not one small picture a tile", n)
	}
	if tasks, err := tab.Tasks(); err == nil {
		tasks = slices.DeleteFunc(tasks, func(x browser.Task) bool { return x.Start < at })
		t.Logf("main-thread tasks over 50 ms during two steps: %v", tasks)
	}
	noConsoleErrors(t, con)

	tab, con = open(t, with(article, "grad=backprop", "size=7", "hidden=3"))
	click(t, tab, "step")
	tiles = tilesOf(t, tab, 1)
	if len(tiles) != 3 || math.Abs(tiles[0].Width/tiles[0].Height-7) > 0.01 {
		t.Errorf("S = 7: %d tiles of %.0f×%.0f px, want 3 of 1×7", len(tiles), tiles[0].Width, tiles[0].Height)
	}
	if s := text(t, tab, "weights"); !strings.Contains(s, "1×7") {
		t.Errorf("the picture does not say how a tile of 7 is laid out: %.200q", s)
	}
	noConsoleErrors(t, con)
}

// TestFindTheBug: each bug a link plants makes the gradient check single
// out the tensors it breaks (above 1e-2) and no other (below 1e-6); the
// page says a bug is planted but names it only on Reveal; the central
// differences' digits are the golden ones with any bug, and a backprop
// run's are not.
func TestFindTheBug(t *testing.T) {
	golden := readGolden(t)
	for _, bug := range spec.Bugs {
		t.Run(string(bug), func(t *testing.T) {
			tab, con := open(t, with(article, "grad=backprop", "steps=3", "bug="+string(bug)))
			if text(t, tab, "bug-banner") == "" {
				t.Error("no banner says a bug is planted")
			}
			card := browser.Element("bug")
			if s := eval[string](t, tab, card+`.dataset.state`); s != "hidden" {
				t.Errorf("the bug card is %q, want hidden", s)
			}
			if strings.Contains(text(t, tab, "bug"), string(bug)) {
				t.Error("the bug card names the bug before Reveal")
			}
			clickWhenEnabled(t, tab, "check-gradient", teachTimeout)
			waitDone(t, tab, "gradcheck", 0)
			cells := gradCheck(t, tab)
			for _, tensor := range spec.TensorNames {
				e := cells[tensor]["rel-err"]
				t.Logf("%s: relative error %.3g", tensor, e)
				if slices.Contains(bug.Breaks(), tensor) {
					if !(e > 1e-2) {
						t.Errorf("%s breaks %s, yet its relative error is %.3g", bug, tensor, e)
					}
				} else if !(e < 1e-6) {
					t.Errorf("%s leaves %s alone, yet its relative error is %.3g", bug, tensor, e)
				}
			}
			click(t, tab, "reveal-bug")
			waitTrue(t, tab, browser.Element("bug-name")+`?.dataset.bug === `+jsString(string(bug)), shortTimeout, "the bug named")
			right, _ := bug.Line()
			if got := eval[string](t, tab, card+`.querySelector('li.broken')?.textContent ?? ""`); got != right {
				t.Errorf("the line marked broken is %q, want %q", got, right)
			}
			rows := run(t, with(golden[1].Link, "bug="+string(bug)), 3)
			if rows[1].Values[browser.ColLoss] == golden[1].Rows[1].Values[browser.ColLoss] {
				t.Errorf("a backprop run with %s has the right run's loss at step 2", bug)
			}
			noConsoleErrors(t, con)
		})
	}
	t.Run("differences", func(t *testing.T) {
		for _, bug := range spec.Bugs {
			checkGolden(t, run(t, with(golden[0].Link, "bug="+string(bug)), len(golden[0].Rows)), golden[0])
		}
		checkGolden(t, run(t, with(golden[2].Link, "bug="+string(spec.SigmoidPrime)), len(golden[2].Rows)), golden[2])
	})
}

// TestDeriveHostile: a parameter outside θ and a bug that is none get a
// notice each, are replaced (θ's nearest end; no bug), and make no markup.
func TestDeriveHostile(t *testing.T) {
	last := spec.Article().Params() - 1
	for _, c := range []struct {
		link, key string
		param     int
	}{
		{"param=-1", "param", 0},
		{"param=1e9", "param", last},
		{"bug=<script>alert(1)</script>", "bug", 0},
		{`bug="><img src=x onerror=alert(2)>&param=<b>`, "bug", 0},
	} {
		t.Run(c.link, func(t *testing.T) {
			tab, con := open(t, with(article, c.link), trapScript)
			notices := eval[[]string](t, tab, `[...`+browser.Element("notice")+`?.querySelectorAll('li') ?? []].map((li) => li.textContent)`)
			t.Logf("notices: %q", notices)
			if !slices.ContainsFunc(notices, namesKey(c.key)) {
				t.Errorf("no notice names %s", c.key)
			}
			wiggleCells(t, tab, 0, c.param, 0)
			if b := text(t, tab, "bug-banner"); b != "" {
				t.Errorf("a banner says a bug is planted: %q", b)
			}
			if s := eval[string](t, tab, browser.Element("bug")+`.dataset.state`); s != "none" {
				t.Errorf("the bug card is %q, want none", s)
			}
			checkUntouched(t, tab)
			if hash := eval[string](t, tab, `location.hash`); strings.ContainsAny(hash, "<>\"") || strings.Contains(hash, "bug=") {
				t.Errorf("the address holds %.200q", hash)
			}
			noConsoleErrors(t, con)
		})
	}
}

// TestDeriveJapaneseAndPhone: the three cards speak Japanese with lang=ja,
// and on a 390 px phone the page does not scroll sideways.
func TestDeriveJapaneseAndPhone(t *testing.T) {
	tab, con := open(t, with(article, "grad=backprop", "bug=softmax-index", "param=16500", "lang=ja"))
	wiggleCells(t, tab, 0, 16500, 0)
	tilesOf(t, tab, 0)
	for _, id := range []string{"wiggle", "weights", "bug", "bug-banner"} {
		if s := text(t, tab, id); !apptext.HasJapanese(s) {
			t.Errorf("[data-testid=%s] with lang=ja: %.120q", id, s)
		}
	}
	phone(t, tab, 390, 844)
	wiggleCells(t, tab, 0, 16500, 0)
	if px := eval[int](t, tab, sideways); px > 0 {
		t.Errorf("on a 390 px phone the page scrolls %d px sideways", px)
	}
	noConsoleErrors(t, con)
}
