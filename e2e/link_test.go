//go:build browser

package e2e

// Tests of the link: the controls show it and follow it. Hostile links are
// in hostile_test.go.

import (
	"strings"
	"testing"

	"bibun/internal/browser"
)

func TestControlsShowLink(t *testing.T) {
	link := with(article, "workers=2")
	tab, con := open(t, link)
	for p := range strings.SplitSeq(link, "&") {
		name, want, _ := strings.Cut(p, "=")
		if name == "v" {
			continue
		}
		if got := param(t, tab, name); !browser.SameNumber(got, want) {
			t.Errorf("#%s: control %s shows %q (value %q), want %q", link, name, got, control(t, tab, name), want)
		}
	}
	noConsoleErrors(t, con)
}

func TestControlsUpdateLink(t *testing.T) {
	tab, con := open(t, article)
	for _, c := range []struct{ name, value string }{{"hidden", "32"}, {"lr", "0.01"}} {
		setParam(t, tab, c.name, c.value)
		if got := param(t, tab, c.name); got != c.value {
			t.Fatalf("control %s shows %q after moving it to %q", c.name, got, c.value)
		}
		want := c.name + "=" + c.value
		waitTrue(t, tab, `location.hash.slice(1).split('&').includes(`+jsString(want)+`)`, shortTimeout,
			"location.hash to hold "+want)
	}
	noConsoleErrors(t, con)
}
