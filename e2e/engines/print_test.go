//go:build browser

package engines

import (
	"errors"
	"testing"

	"bibun/internal/browser"
	"bibun/internal/engines"
)

// printSheet prints a finished run as a visitor's print dialog would, on
// A4 paper, and checks that the lab sheet fills one or two pages, as e2e's
// TestPrintSheet does in Chromium. WebKit's driver cannot print: skipped.
func printSheet(t *testing.T, b engines.Browser, link string) {
	p, ctx := openLink(t, b, link)
	if _, err := engines.Run(ctx, p); err != nil {
		t.Fatal(err)
	}
	pdf, err := p.Print(ctx)
	if errors.Is(err, engines.ErrNoPrint) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	pages := browser.PDFPages(pdf)
	if pages < 1 || pages > 2 {
		t.Errorf("the lab sheet prints on %d A4 pages (%d bytes of PDF), want one or two", pages, len(pdf))
	}
	t.Logf("the lab sheet prints on %d A4 page(s) (%d bytes of PDF)", pages, len(pdf))
}
