package browser

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The run's record: what the page saves, and files opened in it.

// File is a file the page saved: its name, as the page suggested it, and
// its contents.
type File struct {
	Name string
	Data []byte
}

// Download clicks the button [data-testid=id] and returns the file the page
// saves, within timeout. The file goes to a temporary directory, removed
// before Download returns.
func (t *Tab) Download(id string, timeout time.Duration) (File, error) {
	dir, err := os.MkdirTemp("", "bibun-download-")
	if err != nil {
		return File{}, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(t.ctx, timeout)
	defer cancel()
	yes := true
	if _, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes,
	}); err != nil {
		return File{}, fmt.Errorf("allowing downloads: %w", err)
	}
	begun := chromedp.Events(ctx, cdpbrowser.DownloadWillBegin)
	progress := chromedp.Events(ctx, cdpbrowser.DownloadProgress)
	if err := t.Click(id); err != nil {
		return File{}, err
	}
	var f File
	var guid string
	for e, err := range begun {
		if err != nil {
			return File{}, fmt.Errorf("waiting for [data-testid=%s]'s download to begin: %w", id, err)
		}
		f.Name, guid = e.SuggestedFilename, e.GUID
		break
	}
	for e, err := range progress {
		if err != nil {
			return File{}, fmt.Errorf("waiting for the download of %s: %w", f.Name, err)
		}
		if e.GUID != guid {
			continue
		}
		if e.State == cdpbrowser.DownloadProgressStateCanceled {
			return File{}, fmt.Errorf("the download of %s was canceled", f.Name)
		}
		if e.State == cdpbrowser.DownloadProgressStateCompleted {
			break
		}
	}
	// allowAndName names the file by its download's GUID.
	f.Data, err = os.ReadFile(filepath.Join(dir, guid))
	return f, err
}

// OpenFile opens the file at path in the page's input[data-testid=import],
// as a visitor choosing it would (the input fires its change event).
func (t *Tab) OpenFile(path string) error {
	ctx, cancel := context.WithTimeout(t.ctx, evalTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid=import]`), []string{path})); err != nil {
		return fmt.Errorf("opening %s in [data-testid=import]: %w", path, err)
	}
	return nil
}

// DropFile drops a file named name holding data on the page's body, as a
// visitor dragging it from their desktop would (a drop event carrying it).
func (t *Tab) DropFile(name string, data []byte) error {
	_, err := Eval[bool](t, DropFileExpr(name, data))
	return err
}

// DropFileExpr is a JavaScript expression, true once evaluated, that drops
// a file named name holding data on the page's body: DropFile's, for any
// engine (package internal/engines).
func DropFileExpr(name string, data []byte) string {
	return `(() => {
		const text = atob(` + Quote(base64.StdEncoding.EncodeToString(data)) + `);
		const bytes = Uint8Array.from(text, c => c.charCodeAt(0));
		const files = new DataTransfer();
		files.items.add(new File([bytes], ` + Quote(name) + `, {type: 'application/json'}));
		for (const type of ['dragenter', 'dragover', 'drop'])
			document.body.dispatchEvent(new DragEvent(type, {dataTransfer: files, bubbles: true, cancelable: true}));
		return true;
	})()`
}

// Print makes the tab show itself as printed (CSS print media), or as on
// screen again when print is false.
func (t *Tab) Print(print bool) error {
	media := ""
	if print {
		media = "print"
	}
	ctx, cancel := context.WithTimeout(t.ctx, evalTimeout)
	defer cancel()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
	return err
}

// PrintPDF prints the tab on A4 paper, as the browser's print dialog
// would with the page's own @page size, and returns the PDF and its
// number of pages.
func (t *Tab) PrintPDF() (pdf []byte, pages int, err error) {
	ctx, cancel := context.WithTimeout(t.ctx, evalTimeout)
	defer cancel()
	yes := true
	r, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &yes})
	if err != nil {
		return nil, 0, fmt.Errorf("printing to PDF: %w", err)
	}
	return r.Data, PDFPages(r.Data), nil
}

// StepsExpr is the number of steps in the metrics table, every one (its
// data-rows): RowsExpr and Table count and read the rows it shows, every
// row up to 500 steps, and beyond that one page of them, the newest
// unless the visitor pages back.
var StepsExpr = `Number(` + Element("metrics") + `?.dataset.rows ?? 0)`

// Steps returns how many steps the metrics table holds (StepsExpr).
func (t *Tab) Steps() (int, error) { return Eval[int](t, StepsExpr) }
