// Package sitegen writes the files of the site that the build makes rather
// than copies; cmd/sitegen runs it once the wasm files are built:
//
//   - index.html, from the template web/index.html, whose link-preview tags
//     (Open Graph and Twitter card) point at og.png: absolutely when the
//     site's public address is known, relatively otherwise;
//   - og.png, the preview picture, drawn here: 1200×630, the same bytes on
//     every build;
//   - sw.js, the service worker, from the template web/sw.js: it lists
//     every other file of the site with its SHA-256 digest, and a version
//     that is a hash of them all, so that any change to the built files
//     changes sw.js, and a browser that sees the new sw.js installs it.
package sitegen

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Names of the files Generate writes, relative to the site.
const (
	IndexName = "index.html"
	OGName    = "og.png"
	SWName    = "sw.js"
)

// Options says where the templates are, which site to complete and where it
// will be published.
type Options struct {
	Web  string // the templates' directory (web/): index.html and sw.js
	Site string // the site's directory, already holding the page's other files
	URL  string // the site's public address (make build SITE_URL=…), or ""
}

// Generate writes index.html, og.png and sw.js into o.Site, sw.js last since
// it lists the other two. It fails on an address that is not an absolute
// http(s) URL, a missing or broken template, or a site it cannot read or
// write.
func Generate(o Options) error {
	base, err := BaseURL(o.URL)
	if err != nil {
		return err
	}
	if err := WriteIndex(o.Web, o.Site, base); err != nil {
		return err
	}
	if err := WriteOG(o.Site); err != nil {
		return err
	}
	return WriteSW(o.Web, o.Site)
}

// BaseURL checks the site's public address and returns it ending in a slash,
// so that a file's name appended to it names the file; "" stays "". An
// address that is not an absolute http or https URL, or that carries a
// query or fragment, is an error.
func BaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err == nil && (u.Scheme != "https" && u.Scheme != "http" || u.Host == "") {
		err = errors.New("not an absolute http or https address")
	}
	if err == nil && (u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(s, "#") || strings.HasSuffix(s, "?")) {
		err = errors.New("a site's address has no query or fragment")
	}
	if err != nil {
		return "", fmt.Errorf("SITE_URL %q: %v; give the address the site will be published at, like https://example.org/bibun/", s, err)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}
