//go:build browser

package e2e

// Tests of the link: the controls show it and follow it. Hostile links are
// in hostile_test.go.

import (
	"strconv"
	"strings"
	"testing"
)

func TestControlsShowLink(t *testing.T) {
	link := with(article, "workers=2")
	ctx, con := open(t, link)
	for p := range strings.SplitSeq(link, "&") {
		name, want, _ := strings.Cut(p, "=")
		if name == "v" {
			continue
		}
		if got := param(t, ctx, name); !sameNumber(got, want) {
			t.Errorf("#%s: control %s shows %q (value %q), want %q", link, name, got, control(t, ctx, name), want)
		}
	}
	noConsoleErrors(t, con)
}

// sameNumber reports whether a and b are the same string or the same number.
func sameNumber(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return a == b || errA == nil && errB == nil && x == y
}

func TestControlsUpdateLink(t *testing.T) {
	ctx, con := open(t, article)
	for _, c := range []struct{ name, value string }{{"hidden", "32"}, {"lr", "0.01"}} {
		setParam(t, ctx, c.name, c.value)
		if got := param(t, ctx, c.name); got != c.value {
			t.Fatalf("control %s shows %q after moving it to %q", c.name, got, c.value)
		}
		want := c.name + "=" + c.value
		waitTrue(t, ctx, `location.hash.slice(1).split('&').includes(`+jsString(want)+`)`, shortTimeout,
			"location.hash to hold "+want)
	}
	noConsoleErrors(t, con)
}
