//go:build browser

package e2e

// Tests of the link: the controls show it, follow it, and survive a
// hostile one.

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func TestControlsShowLink(t *testing.T) {
	link := with(article, "workers=2")
	ctx, con := open(t, link)
	for p := range strings.SplitSeq(link, "&") {
		name, want, _ := strings.Cut(p, "=")
		if name == "v" {
			continue
		}
		if got := param(t, ctx, name); !sameNumber(got, want) {
			t.Errorf("#%s: control %s shows %q (value %q), want %q", link, name, got, control(t, ctx, name), want)
		}
	}
	noConsoleErrors(t, con)
}

// sameNumber reports whether a and b are the same string or the same number.
func sameNumber(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return a == b || errA == nil && errB == nil && x == y
}

func TestControlsUpdateLink(t *testing.T) {
	ctx, con := open(t, article)
	for _, c := range []struct{ name, value string }{{"hidden", "32"}, {"lr", "0.01"}} {
		setParam(t, ctx, c.name, c.value)
		if got := param(t, ctx, c.name); got != c.value {
			t.Fatalf("control %s shows %q after moving it to %q", c.name, got, c.value)
		}
		want := c.name + "=" + c.value
		waitTrue(t, ctx, `location.hash.slice(1).split('&').includes(`+jsString(want)+`)`, shortTimeout,
			"location.hash to hold "+want)
	}
	noConsoleErrors(t, con)
}

func TestHostileLink(t *testing.T) {
	// The script-like values are percent-encoded as a browser sends them.
	for _, c := range []struct {
		name, link string
		controls   map[string]string // what the controls must show
	}{
		{
			name: "script",
			link: "v=1&hidden=-5&lr=abc&size=1e9&grad=%3Cscript%3Ealert(1)%3C/script%3E",
			controls: map[string]string{
				"hidden": "1", "size": "1024", "lr": "0.1", "grad": "incremental",
			},
		},
		{
			name:     "img-onerror",
			link:     "v=1&seed=%3Cimg%20src=x%20onerror=alert(2)%3E&lang=%22%3E%3Cimg%20src=x%20onerror=alert(3)%3E",
			controls: map[string]string{"seed": "1"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			trap := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
					Source: `window.__bibunAlerted = false;
						for (const f of ['alert', 'confirm', 'prompt']) window[f] = () => { window.__bibunAlerted = true; };`,
				})
				return err
			})
			ctx, con := open(t, c.link, trap)
			if n := text(t, ctx, "notice"); strings.TrimSpace(n) == "" {
				t.Errorf("#%s: the notice is empty; want it to say what was wrong with the link", c.link)
			} else {
				t.Logf("notice: %s", n)
			}
			for name, want := range c.controls {
				if got := param(t, ctx, name); !sameNumber(got, want) {
					t.Errorf("#%s: control %s shows %q (value %q), want %q", c.link, name, got, control(t, ctx, name), want)
				}
			}
			if eval[bool](t, ctx, `window.__bibunAlerted !== false`) {
				t.Errorf("#%s: the link ran alert (or the trap was removed)", c.link)
			}
			injected := eval[[]string](t, ctx, `[...document.querySelectorAll('script, img, [onerror], [onload]')]
				.filter(e => e.hasAttribute('onerror') || e.hasAttribute('onload') || /alert/.test(e.outerHTML))
				.map(e => e.outerHTML.slice(0, 200))`)
			for _, e := range injected {
				t.Errorf("#%s: the page holds an element made from the link: %s", c.link, e)
			}
			noConsoleErrors(t, con)
		})
	}
}
