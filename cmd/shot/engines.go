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

// shotIn takes the screenshot in another engine than Chromium (firefox or
// webkit, driven as e2e/engines drives them): the viewport only, at w × h
// (in WebKit the window's, bars and all), after -do and -until.
func shotIn(name, url string, w, h int, ready bool, do, until, print string, pause time.Duration, out string) error {
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
	if err := p.Resize(ctx, w, h); err != nil {
		return fmt.Errorf("sizing the viewport: %w", err)
	}
	if err := p.Navigate(ctx, url); err != nil {
		return err
	}
	if ready {
		if err := engines.WaitTrue(ctx, p, browser.ReadyExpr, "window.bibunReady"); err != nil {
			return err
		}
	}
	if do != "" {
		expr := strings.TrimRight(do, "; \t\n") // an expression, maybe written as a statement
		if _, err := p.EvalString(ctx, `(void (`+expr+`), "")`); err != nil {
			return err
		}
	}
	if until != "" {
		wait, stop := context.WithTimeout(ctx, 60*time.Second)
		defer stop()
		if err := engines.WaitTrue(wait, p, until, until); err != nil {
			return err
		}
	}
	time.Sleep(300*time.Millisecond + pause) // the pacer's last render
	if print != "" {
		v, err := engines.Eval[any](ctx, p, print)
		if err != nil {
			return err
		}
		fmt.Printf("%s = %v\n", print, v)
	}
	png, err := p.Screenshot(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("%s (%s)\n", out, b.Version())
	return os.WriteFile(out, png, 0o644)
}
