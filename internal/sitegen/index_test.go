package sitegen

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// metaRE matches a meta tag of the page: its property or name, and content.
var metaRE = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)

// previewTags returns the meta tags of site/index.html by property or name.
func previewTags(t *testing.T, site string) (map[string]string, string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, IndexName))
	if err != nil {
		t.Fatal(err)
	}
	tags := map[string]string{}
	for _, m := range metaRE.FindAllStringSubmatch(string(b), -1) {
		tags[m[1]] = m[2]
	}
	return tags, string(b)
}

func TestIndexPreviewTags(t *testing.T) {
	for _, c := range []struct {
		base, image, url string
	}{
		{"", "og.png", ""},
		{"https://example.org/bibun/", "https://example.org/bibun/og.png", "https://example.org/bibun/"},
		// Whatever the address holds stays inside the attribute.
		{`https://example.org/"><b>&/`, "https://example.org/&#34;&gt;&lt;b&gt;&amp;/og.png", "https://example.org/&#34;&gt;&lt;b&gt;&amp;/"},
	} {
		site := t.TempDir()
		if err := WriteIndex(web, site, c.base); err != nil {
			t.Fatal(err)
		}
		tags, page := previewTags(t, site)
		for _, name := range []string{"og:title", "og:description", "og:image", "twitter:card"} {
			if tags[name] == "" {
				t.Errorf("base %q: index.html has no %s", c.base, name)
			}
		}
		if got := tags["og:image"]; got != c.image {
			t.Errorf("base %q: og:image %q, want %q", c.base, got, c.image)
		}
		if got := tags["og:url"]; got != c.url {
			t.Errorf("base %q: og:url %q, want %q", c.base, got, c.url)
		}
		if tags["og:image:width"] != "1200" || tags["og:image:height"] != "630" || tags["twitter:card"] != "summary_large_image" {
			t.Errorf("base %q: the picture's tags say %v", c.base, tags)
		}
		if strings.Contains(page, "{{") {
			t.Errorf("base %q: a template action is left in index.html", c.base)
		}
	}
}

// TestIndexKeepsThePage: the page is the template's, line for line, with
// only the actions filled in.
func TestIndexKeepsThePage(t *testing.T) {
	tmpl, err := os.ReadFile(filepath.Join(web, IndexName))
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	if err := WriteIndex(web, site, ""); err != nil {
		t.Fatal(err)
	}
	_, page := previewTags(t, site)
	rest := page
	for _, line := range strings.Split(string(tmpl), "\n") {
		if strings.Contains(line, "{{") {
			continue
		}
		i := strings.Index(rest, line+"\n")
		if line == "" {
			continue
		}
		if i < 0 {
			t.Fatalf("index.html lacks, or has out of order, the template's line %q", line)
		}
		rest = rest[i+len(line):]
	}
	for _, want := range []string{`<html lang="en">`, `<script src="app.js" defer></script>`, `<p class="loading" role="status">`, "<title>微分 bibun"} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	// Both languages in the preview, which no script can switch.
	tags, _ := previewTags(t, site)
	for _, name := range []string{"og:description", "og:image:alt"} {
		if !regexp.MustCompile(`[A-Za-z]{4}`).MatchString(tags[name]) || !regexp.MustCompile(`\p{Han}|\p{Hiragana}|\p{Katakana}`).MatchString(tags[name]) {
			t.Errorf("%s %q is not in both English and Japanese", name, tags[name])
		}
	}
}
