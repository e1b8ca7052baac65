// Command shot takes a screenshot of the page as a visitor sees it, for
// looking at what a change did: a desktop, a phone or a projector, after
// running some script in the page and waiting for a condition.
//
//	go run ./cmd/shot -url 'http://localhost:8080/#v=1' -w 390 -h 844 -mobile \
//		-do "document.querySelector('[data-testid=run]').click()" \
//		-until "document.querySelector('[data-testid=status]').dataset.state=='done'" -o phone.png
//
// With -engine firefox or webkit it takes the viewport in that engine
// instead (package internal/engines; WebKit under xvfb-run): no -mobile,
// -full or -el there.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	url := flag.String("url", "http://localhost:8080/", "the page")
	w := flag.Int("w", 1280, "viewport width, CSS pixels")
	h := flag.Int("h", 800, "viewport height, CSS pixels")
	mobile := flag.Bool("mobile", false, "emulate a phone: touch, device scale 3, mobile viewport")
	full := flag.Bool("full", false, "the whole page, not only the viewport")
	do := flag.String("do", "", "a script to run once the page is ready")
	inject := flag.String("inject", "", "a script file to run in the page before -do (e.g. axe.min.js)")
	until := flag.String("until", "", "wait, after -do, until this expression is true (60 s at most)")
	el := flag.String("el", "", "only this element (a CSS selector)")
	print := flag.String("print", "", "print this expression's value (JSON) before the screenshot")
	out := flag.String("o", "shot.png", "where to write the PNG")
	pause := flag.Duration("sleep", 0, "wait this long more before the screenshot (for a frame the page cannot see into)")
	ready := flag.Bool("ready", true, "wait for the page's window.bibunReady (false for a page that frames bibun)")
	engine := flag.String("engine", "chromium", "the browser engine: chromium, firefox or webkit")
	pdf := flag.String("pdf", "", "with -engine firefox or webkit: also print the page on A4 paper into this PDF")
	flag.Parse()
	if *engine != "chromium" {
		if *mobile || *full || *el != "" || *inject != "" {
			log.Fatalf("-engine %s takes the viewport only: no -mobile, -full, -el or -inject", *engine)
		}
		check(shotIn(*engine, options{url: *url, do: *do, until: *until, print: *print, out: *out, pdf: *pdf,
			w: *w, h: *h, ready: *ready, pause: *pause}))
		return
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("hide-scrollbars", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	vp := []chromedp.EmulateViewportOption{}
	if *mobile {
		vp = append(vp, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	_, err := chromedp.Run(ctx, chromedp.EmulateViewport(int64(*w), int64(*h), vp...))
	check(err)
	_, err = chromedp.Run(ctx, chromedp.Navigate(*url))
	check(err)
	if *ready {
		wait(ctx, "window.bibunReady === true")
	}
	if *inject != "" {
		src, err := os.ReadFile(*inject)
		check(err)
		_, err = chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+";0"))
		check(err)
	}
	if *do != "" {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[any](*do))
		check(err)
	}
	if *until != "" {
		wait(ctx, *until)
	}
	time.Sleep(300*time.Millisecond + *pause) // the pacer's last render
	if *print != "" {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](*print, chromedp.EvalAwaitPromise))
		check(err)
		fmt.Printf("%s = %v\n", *print, v)
	}
	var png []byte
	switch {
	case *el != "":
		png, err = chromedp.Run(ctx, chromedp.Screenshot(*el))
	case *full:
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	default:
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	check(err)
	check(os.WriteFile(*out, png, 0o644))
	fmt.Println(*out)
}

func wait(ctx context.Context, expr string) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	log.Fatalf("timed out waiting for %s", expr)
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
