package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"bibun/internal/browser"
	"bibun/internal/engines"
)

// options are the flags shotIn takes.
type options struct {
	url, do, until, print, out, pdf string
	w, h                            int
	ready                           bool
	pause                           time.Duration
}

// shotIn takes the screenshot in another engine than Chromium (firefox or
// webkit, driven as e2e/engines drives them): the viewport only, at w × h
// (in WebKit the window's, bars and all), after -do and -until; and with
// -pdf, what the browser prints on A4 paper.
func shotIn(name string, o options) error {
	var e *engines.Engine
	for i := range engines.All {
		if engines.All[i].Name == name {
			e = &engines.All[i]
		}
	}
	if e == nil {
		return fmt.Errorf("no engine %q: chromium, firefox or webkit", name)
	}
	if missing := e.Find(); missing != "" {
		return fmt.Errorf("%s", missing)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b, err := e.Launch(ctx)
	if err != nil {
		return err
	}
	defer b.Close()
	p, err := b.Open(ctx)
	if err != nil {
		return err
	}
	defer p.Close()
	if err := p.Resize(ctx, o.w, o.h); err != nil {
		return fmt.Errorf("sizing the viewport: %w", err)
	}
	if err := p.Navigate(ctx, o.url); err != nil {
		return err
	}
	if o.ready {
		if err := engines.WaitTrue(ctx, p, browser.ReadyExpr, "window.bibunReady"); err != nil {
			return err
		}
	}
	if o.do != "" {
		expr := strings.TrimRight(o.do, "; \t\n") // an expression, maybe written as a statement
		if _, err := p.EvalString(ctx, `(void (`+expr+`), "")`); err != nil {
			return err
		}
	}
	if o.until != "" {
		wait, stop := context.WithTimeout(ctx, 60*time.Second)
		defer stop()
		if err := engines.WaitTrue(wait, p, o.until, o.until); err != nil {
			return err
		}
	}
	time.Sleep(300*time.Millisecond + o.pause) // the pacer's last render
	if o.print != "" {
		v, err := engines.Eval[any](ctx, p, o.print)
		if err != nil {
			return err
		}
		fmt.Printf("%s = %v\n", o.print, v)
	}
	png, err := p.Screenshot(ctx)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.out, png, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s (%s)\n", o.out, b.Version())
	if o.pdf == "" {
		return nil
	}
	pdf, err := p.Print(ctx)
	if err != nil {
		return fmt.Errorf("printing: %w", err)
	}
	fmt.Printf("%s: %d A4 pages\n", o.pdf, browser.PDFPages(pdf))
	return os.WriteFile(o.pdf, pdf, 0o644)
}
