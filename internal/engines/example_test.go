package engines_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"time"

	"bibun/internal/browser"
	"bibun/internal/engines"
	"bibun/internal/static"
)

// How cmd/bench can time the article's incremental steps in each engine
// installed here, beside Chromium: the median of the steps' grad-ms. (No
// output is checked: it starts real browsers.)
func ExampleRunLink() {
	srv := httptest.NewServer(static.Handler("site"))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	for _, e := range engines.All {
		if missing := e.Find(); missing != "" {
			fmt.Println(missing)
			continue
		}
		b, err := e.Launch(ctx)
		if err != nil {
			fmt.Println(err)
			continue
		}
		r, err := engines.RunLink(ctx, b, srv.URL, browser.With(browser.Article, "workers=2"))
		b.Close()
		if err != nil {
			fmt.Println(err)
			continue
		}
		ms, err := browser.Column(r.Rows, browser.ColGradMs)
		if err != nil {
			fmt.Println(err)
			continue
		}
		slices.Sort(ms)
		fmt.Printf("%s (%s): incremental, article, 2 workers: %.3g ms per gradient (median of %d steps)\n",
			e.Name, b.Version(), ms[len(ms)/2], len(ms))
	}
}
