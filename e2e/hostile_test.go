//go:build browser

package e2e

// Hostile links: whatever a link holds, the page opens with sane settings,
// says what it changed, and runs nothing the link smuggles in.

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"bibun/internal/browser"
	"bibun/nn/spec"
	"bibun/wasm/link"
)

// trapScript replaces the functions an injected script would call to show
// itself, and records in window.__bibunTrap each call, each Content Security
// Policy violation, and each element added to the page after its HTML was
// parsed that could run or load something: a script, frame, object or
// embed, a base, meta or link, an element with an on… attribute or a
// javascript: URL, an image from anywhere but a data: URI.
const trapScript = `(() => {
	const trap = window.__bibunTrap = {calls: [], violations: [], added: []};
	for (const f of ['alert', 'confirm', 'prompt', 'print', 'open']) {
		window[f] = (...args) => { trap.calls.push(f + '(' + args.map(String).join(', ').slice(0, 80) + ')'); };
	}
	document.addEventListener('securitypolicyviolation', (e) => {
		trap.violations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' ' + (e.sample || ''));
	});
	const risky = (e) => ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link'].includes(e.localName) ||
		[...e.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) ||
		(e.localName === 'img' && !(e.getAttribute('src') ?? '').startsWith('data:image/'));
	const watch = new MutationObserver((records) => {
		for (const r of records) {
			for (const n of r.addedNodes) {
				if (n.nodeType !== Node.ELEMENT_NODE) continue;
				for (const e of [n, ...n.querySelectorAll('*')]) {
					if (risky(e)) trap.added.push(e.outerHTML.slice(0, 200));
				}
			}
			if (r.type === 'attributes' && risky(r.target)) trap.added.push(r.target.outerHTML.slice(0, 200));
		}
	});
	document.addEventListener('DOMContentLoaded', () =>
		watch.observe(document, {childList: true, subtree: true, attributes: true}));
})()`

// riskyNow lists the elements of the page, as it stands, that could run or
// load something the page's own HTML does not.
const riskyNow = `[...document.querySelectorAll('*')].filter((e) =>
	(e.localName === 'script' && !['wasm_exec.js', 'simd.js', 'app.js'].includes(e.getAttribute('src'))) ||
	['iframe', 'frame', 'object', 'embed', 'base'].includes(e.localName) ||
	[...e.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) ||
	(e.localName === 'img' && !(e.getAttribute('src') ?? '').startsWith('data:image/'))
).map((e) => e.outerHTML.slice(0, 200))`

// linkKeys are the keys of a link, in the order Format writes them.
var linkKeys = []string{"v", "grad", "size", "hidden", "batch", "lr", "h", "steps", "train", "test", "std", "seed", "workers", "lang"}

// numericKeys are the keys that take a number.
var numericKeys = []string{"size", "hidden", "batch", "lr", "h", "steps", "train", "test", "std", "seed", "workers"}

// everyKey returns a link that gives each of keys the value v, as typed.
func everyKey(v string, keys []string) string {
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = k + "=" + v
	}
	return strings.Join(pairs, "&")
}

// articleControls are what the controls show for the article's settings.
var articleControls = map[string]string{
	"grad": "incremental", "size": "256", "hidden": "64", "batch": "100", "lr": "0.1", "h": "0.0001",
	"steps": "15", "train": "300", "test": "200", "std": "0.01", "seed": "1",
}

// hostile is one hostile link and what the page must make of it.
type hostile struct {
	name     string
	link     string            // as typed in the address bar; the browser percent-encodes what it must
	notices  []string          // keys each of which a notice must name
	quiet    []string          // keys no notice may name: the link's values for them are used as given
	controls map[string]string // what controls must show (link values); nil: the article's
}

var hostiles = []hostile{
	{name: "script in every field", link: everyKey("<script>alert(1)</script>", linkKeys), notices: linkKeys},
	{name: "HTML in every field", link: everyKey(`"><img src=x onerror=alert(2)><svg onload=alert(3)>`, linkKeys), notices: linkKeys},
	{name: "javascript URL in every field", link: everyKey("javascript:alert(4)", linkKeys), notices: linkKeys},
	{
		name: "huge numbers",
		link: "size=1e308&hidden=99999999999999999999&batch=1e6&lr=1e300&h=1e10&steps=1e400&train=9e9&test=1e5&std=1e99" +
			"&seed=99999999999999999999999&workers=1e6",
		notices: numericKeys,
		controls: map[string]string{"size": "1024", "hidden": "512", "batch": "5000", "lr": "100", "h": "1",
			"steps": "10000", "train": "5000", "test": "5000", "std": "10", "seed": "1", "workers": "8"},
	},
	{
		name:    "negative numbers",
		link:    "size=-1&hidden=-1e9&batch=-5&lr=-0.1&h=-1&steps=-10&train=-2&test=-0&std=-5&seed=-1&workers=-3",
		notices: numericKeys,
		controls: map[string]string{"size": "1", "hidden": "1", "batch": "1", "lr": "1e-06", "h": "1e-12",
			"steps": "1", "train": "2", "test": "2", "std": "1e-06", "seed": "1", "workers": "1"},
	},
	{name: "NaN", link: everyKey("NaN", numericKeys), notices: numericKeys},
	{
		name:     "Infinity",
		link:     "size=Infinity&hidden=-Infinity&lr=inf&h=-inf&steps=+Infinity&std=infinity&workers=Inf&seed=Infinity",
		notices:  []string{"size", "hidden", "lr", "h", "steps", "std", "workers", "seed"},
		controls: map[string]string{"size": "1024", "hidden": "1", "lr": "100", "h": "1e-12", "steps": "10000", "std": "10", "workers": "8", "seed": "1"},
	},
	{name: "empty values", link: everyKey("", linkKeys) + "&lr&&=&", notices: linkKeys},
	{
		name: "repeated keys, Japanese",
		link: "lang=ja&lr=0.5&lr=0.7&lr=<script>alert(5)</script>&size=16&size=32&grad=backprop&grad=numerical&lang=en",
		// The values used are the first; lang=ja makes the notices Japanese.
		notices:  []string{"lr", "size", "grad", "lang"},
		controls: map[string]string{"lr": "0.5", "size": "16", "grad": "backprop"},
	},
	{
		name:     "10 kB number",
		link:     "lr=" + strings.Repeat("9", 10_000),
		notices:  []string{"lr"},
		controls: map[string]string{"lr": "100"},
	},
	{
		name:    "10 kB script",
		link:    "grad=<script>" + strings.Repeat("alert(6);", 1_100) + "</script>",
		notices: []string{"grad"},
	},
	{
		name:     "10 kB of HTML keys",
		link:     strings.Repeat("&<b>x</b>=<i>y</i>", 600) + "&steps=7&steps=8",
		notices:  []string{"steps"},
		controls: map[string]string{"steps": "7"},
	},
	{
		name:     "unicode",
		link:     "lr=０.５&grad=ｂａｃｋｐｒｏｐ&lang=日本語&hidden=٣&seed=１&test=🤖&std=\u202e1&size=16",
		notices:  []string{"lr", "grad", "lang", "hidden", "seed", "test", "std"},
		quiet:    []string{"size"},
		controls: map[string]string{"size": "16"},
	},
	{
		name:    "percent-encoding",
		link:    "lr=%30.5&%73ize=16&grad=back%70rop&std=1e%2B0&h=1e-2&steps=%zz&test=%E3%81&train=%2540&hidden=%00",
		notices: []string{"steps", "test", "train", "hidden"},
		quiet:   []string{"lr", "size", "grad", "std", "h"},
		controls: map[string]string{"lr": "0.5", "size": "16", "grad": "backprop", "std": "1", "h": "0.01",
			"steps": "15", "test": "200", "train": "300", "hidden": "64"},
	},
	{
		// A link that went through a chat or a slide: an escaped '&', trailing
		// punctuation, an ellipsis, and an '&' written as HTML's &amp; (read
		// as the key it escaped).
		name:     "mangled in a chat",
		link:     "v=1&lr=0.5%26size=16&seed=42).&steps=3…&amp;hidden=8",
		notices:  []string{"lr", "seed", "steps"},
		quiet:    []string{"hidden"},
		controls: map[string]string{"lr": "0.1", "size": "256", "seed": "1", "steps": "15", "hidden": "8"},
	},
	{
		name:     "script as a key",
		link:     "<script>alert(7)</script>=1&<img src=x onerror=alert(8)>&lr=0.2",
		quiet:    []string{"lr"},
		controls: map[string]string{"lr": "0.2"},
	},
}

func TestHostileLinks(t *testing.T) {
	for _, c := range hostiles {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			tab, con := open(t, c.link, trapScript)
			notices := eval[[]string](t, tab, `[...`+browser.Element("notice")+`?.querySelectorAll('li') ?? []].map((li) => li.textContent)`)
			t.Logf("#%.120s (%d bytes) gave %d notices:", c.link, len(c.link), len(notices))
			for _, n := range notices {
				t.Logf("    %s", n)
				if len(n) > 300 {
					t.Errorf("a notice of %d bytes: %.80s…", len(n), n)
				}
			}
			for _, key := range c.notices {
				if !slices.ContainsFunc(notices, namesKey(key)) {
					t.Errorf("no notice names %s", key)
				}
			}
			for _, key := range c.quiet {
				if slices.ContainsFunc(notices, namesKey(key)) {
					t.Errorf("a notice names %s, whose value is good", key)
				}
			}
			if len(c.notices) == 0 && len(notices) > 0 {
				t.Errorf("%d notices, want none", len(notices))
			}
			want := c.controls
			if want == nil {
				want = articleControls
			}
			for name, v := range want {
				if got := param(t, tab, name); !browser.SameNumber(got, v) {
					t.Errorf("control %s shows %q (value %q), want %q", name, got, control(t, tab, name), v)
				}
			}
			checkControls(t, tab)
			checkUntouched(t, tab)
			if hash := eval[string](t, tab, `location.hash`); !regexp.MustCompile(`^#[a-z]+=[0-9a-z.+-]+(&[a-z]+=[0-9a-z.+-]+)*$`).MatchString(hash) {
				t.Errorf("the address holds %.200q, not a clean link", hash)
			}
			if s := state(t, tab); s != "idle" {
				t.Errorf("state %q, want idle", s)
			}
			noConsoleErrors(t, con)
		})
	}
}

// namesKey returns a test of a notice naming key: "key: …" in English,
// "… (key)：…" in Japanese.
func namesKey(key string) func(string) bool {
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(key) + `: |\(` + regexp.QuoteMeta(key) + `\)：`)
	return re.MatchString
}

// checkControls fails for every control that shows a value outside its
// setting's range.
func checkControls(t *testing.T, tab *browser.Tab) {
	t.Helper()
	train, _ := strconv.ParseFloat(param(t, tab, "train"), 64)
	for name, r := range map[string][2]float64{
		"size": {spec.MinSize, spec.MaxSize}, "hidden": {spec.MinHidden, spec.MaxHidden}, "batch": {spec.MinBatch, train},
		"lr": {link.MinLR, spec.MaxLR}, "h": {spec.MinH, spec.MaxH}, "steps": {spec.MinSteps, spec.MaxSteps},
		"train": {spec.MinSamples, spec.MaxSamples}, "test": {spec.MinSamples, spec.MaxSamples},
		"std": {link.MinStd, spec.MaxStd}, "workers": {1, link.MaxWorkers},
	} {
		v := param(t, tab, name)
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(x) || x < r[0]*(1-1e-9) || x > r[1]*(1+1e-9) {
			t.Errorf("control %s shows %q, outside %g…%g", name, v, r[0], r[1])
		}
	}
	if seed := param(t, tab, "seed"); !regexp.MustCompile(`^[0-9]{1,20}$`).MatchString(seed) {
		t.Errorf("control seed shows %q", seed)
	}
	if grad := param(t, tab, "grad"); !slices.Contains(spec.Methods, spec.Method(grad)) {
		t.Errorf("control grad shows %q", grad)
	}
}

// checkUntouched fails if anything ran or was added that the trap
// (trapScript) caught, or if the page holds an element that could run or
// load something its own HTML does not.
func checkUntouched(t *testing.T, tab *browser.Tab) {
	t.Helper()
	for _, what := range []string{"calls", "violations", "added"} {
		for _, e := range eval[[]string](t, tab, `window.__bibunTrap.`+what) {
			t.Errorf("trap: %s: %s", what, e)
		}
	}
	for _, e := range eval[[]string](t, tab, riskyNow) {
		t.Errorf("the page holds %s", e)
	}
}

// TestHostileTrap checks that the watch of TestHostileLinks sees what it
// watches for: an alert, and an image with an onerror handler added to
// the page (which the page's policy stops from running).
func TestHostileTrap(t *testing.T) {
	tab, _ := open(t, article, trapScript)
	eval[bool](t, tab, `(alert('called'), document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="alert(1)">'), true)`)
	waitTrue(t, tab, `window.__bibunTrap.violations.length > 0`, shortTimeout, "the refused onerror handler to be reported")
	trap := eval[map[string][]string](t, tab, `window.__bibunTrap`)
	risky := eval[[]string](t, tab, riskyNow)
	t.Logf("trap: %v; the page holds %v", trap, risky)
	if len(trap["calls"]) != 1 || len(trap["added"]) != 1 || len(risky) != 1 {
		t.Errorf("the trap saw calls %v, added %v; the scan found %v; want one of each", trap["calls"], trap["added"], risky)
	}
	if slices.ContainsFunc(trap["calls"], func(c string) bool { return strings.Contains(c, "alert(1)") }) {
		t.Error("the injected handler ran")
	}
}
