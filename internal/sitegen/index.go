package sitegen

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
)

// indexData fills the template web/index.html.
type indexData struct {
	URL         string // the page's public address, or "" when unknown
	Image       string // og.png's address: absolute when URL is known
	ImageWidth  int
	ImageHeight int
}

// WriteIndex writes site/index.html from web/index.html; base is the site's
// public address as BaseURL returns it, or "". With an address the preview
// tags name the page (og:url) and the picture absolutely, as some
// previewers need; without one the picture is named relative to the page.
// The template's preview description and picture text are in both of the
// page's languages: a previewer does not run the script that picks one.
func WriteIndex(web, site, base string) error {
	t, err := template.ParseFiles(filepath.Join(web, IndexName))
	if err != nil {
		return fmt.Errorf("reading the page's template: %w", err)
	}
	d := indexData{URL: base, Image: base + OGName, ImageWidth: OGWidth, ImageHeight: OGHeight}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return fmt.Errorf("filling %s: %w", filepath.Join(web, IndexName), err)
	}
	return os.WriteFile(filepath.Join(site, IndexName), b.Bytes(), 0o644)
}
