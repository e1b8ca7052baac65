//go:build browser

package engines

import (
	"context"
	"testing"

	"bibun/internal/browser"
	"bibun/internal/engines"
)

// phone runs link at a phone's size, in the phones' layout (one column,
// the run first), and checks that each chart's series is drawn: the point
// halfway along its first segment hits a series. (WebKit once drew no
// series there: the page's `.run { display: contents }` for phones also
// caught the charts' <g class="run">, and WebKit does not draw an SVG
// group whose display is contents.)
func phone(t *testing.T, b engines.Browser, link string) {
	ctx, cancel := context.WithTimeout(context.Background(), linkTimeout)
	defer cancel()
	p, err := b.Open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.Resize(ctx, 390, 844); err != nil {
		t.Fatal(err)
	}
	if err := p.Navigate(ctx, serverURL+"/#"+link); err != nil {
		t.Fatal(err)
	}
	if err := engines.WaitTrue(ctx, p, browser.ReadyExpr, "window.bibunReady"); err != nil {
		t.Fatal(err)
	}
	width, err := engines.Eval[int](ctx, p, `innerWidth`)
	if err != nil || width > 640 {
		t.Fatalf("the viewport is %d CSS pixels wide (%v), not a phone's", width, err)
	}
	if _, err := engines.Run(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, chart := range []string{"loss", "accuracy"} {
		hit, err := engines.Eval[string](ctx, p, `(() => {
			const c = document.querySelector('[data-chart=`+chart+`]');
			c.scrollIntoView({block: 'center'});
			const line = c.querySelector('[data-series] polyline');
			if (!line || line.points.numberOfItems < 2) return 'no series';
			const a = line.points.getItem(0), b = line.points.getItem(1);
			const at = new DOMPoint((a.x + b.x) / 2, (a.y + b.y) / 2).matrixTransform(line.getScreenCTM());
			const e = document.elementFromPoint(at.x, at.y);
			// A series drawn over it (the accuracy's test set) is as good.
			return e?.closest('[data-series]') ? 'line' : e ? e.tagName + ' ' + (e.getAttribute('class') ?? '') : 'nothing';
		})()`)
		if err != nil {
			t.Fatal(err)
		}
		if hit != "line" {
			t.Errorf("the %s chart at %d CSS pixels: halfway along its series' first segment lies %q, not a series", chart, width, hit)
		}
	}
	if errs, _ := p.Errors(); len(errs) > 0 {
		t.Errorf("console: %q", errs)
	}
}
