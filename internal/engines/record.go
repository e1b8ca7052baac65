package engines

import (
	"context"

	"bibun/internal/browser"
)

// The run's record in any engine: what the page saves is caught in the
// page itself, since the engines' protocols differ on downloads (and
// WebKit's classic WebDriver has none).

// savedExpr is the list the page's saved files go to after CatchDownloads.
const savedExpr = `window.__bibunSaved`

// CatchDownloads makes p keep each file the page saves (an <a download>
// clicked on an object URL, as the page's Save does) instead of
// downloading it, for Downloaded to return. Other links click as before.
func CatchDownloads(ctx context.Context, p Page) error {
	_, err := Eval[bool](ctx, p, `(() => {
		const blobs = new Map(), create = URL.createObjectURL, click = HTMLAnchorElement.prototype.click;
		URL.createObjectURL = function (b) { const u = create.call(URL, b); blobs.set(u, b); return u; };
		`+savedExpr+` = [];
		HTMLAnchorElement.prototype.click = function () {
			const b = this.download && blobs.get(this.href);
			if (!b) return click.call(this);
			const name = this.download;
			b.text().then(text => `+savedExpr+`.push({name, text}));
		};
		return true;
	})()`)
	return err
}

// Downloaded waits for the next file the page saves after CatchDownloads,
// and returns it; its contents are read as text (UTF-8), as the page's
// JSON and CSV are.
func Downloaded(ctx context.Context, p Page) (browser.File, error) {
	if err := WaitTrue(ctx, p, savedExpr+`?.length > 0`, "the page to save a file"); err != nil {
		return browser.File{}, err
	}
	f, err := Eval[struct{ Name, Text string }](ctx, p, savedExpr+`.shift()`)
	return browser.File{Name: f.Name, Data: []byte(f.Text)}, err
}
