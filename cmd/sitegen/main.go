// Command sitegen completes the built site: make build runs it once the
// wasm files are in site/.
//
//	go run ./cmd/sitegen -web web -site site [-url https://example.org/bibun/]
//
// It writes site/index.html from web/index.html, with link-preview tags
// whose addresses are absolute when -url (make build SITE_URL=…) gives the
// site's public address and relative otherwise; draws site/og.png, the
// preview picture; and writes site/sw.js, the service worker that keeps
// every file of the site for offline use, from web/sw.js. See package
// bibun/internal/sitegen.
package main

import (
	"flag"
	"fmt"
	"os"

	"bibun/internal/sitegen"
)

func main() {
	var o sitegen.Options
	flag.StringVar(&o.Web, "web", "web", "directory of the templates index.html and sw.js")
	flag.StringVar(&o.Site, "site", "site", "directory of the built site, to complete")
	flag.StringVar(&o.URL, "url", "", "the site's public address, like https://example.org/bibun/ (optional)")
	flag.Parse()
	if err := sitegen.Generate(o); err != nil {
		fmt.Fprintln(os.Stderr, "sitegen:", err)
		os.Exit(1)
	}
}
