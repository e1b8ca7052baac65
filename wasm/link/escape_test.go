package link

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
)

// escapeCases are strings that the link's escaping must treat as net/url
// does: plain, reserved and unicode characters, spaces and pluses, commas,
// and every kind of broken percent-escape.
var escapeCases = []string{
	"", "0.1", "1e+2", "incremental", "lr,seed", "a b", "a+b", "%", "%2", "%2C", "%2c", "%zz", "%%41",
	"%41%", "a%2", "100%", "%E5%BE%AE%E5%88%86", "微分", "<script>alert(1)</script>", "&amp;hidden=8",
	"x=y&z", "~-_.", "#?/:@!$'()*;", "\x00\x7f\xff", "%C3%A9", "%c3%a9", "+%20+",
}

func TestEscapeAsNetURL(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want := strings.NewReplacer("+", "%20", "%2C", ",").Replace(url.QueryEscape(s))
		if got := Escape(s); got != want {
			t.Errorf("Escape(%q) = %q, want %q", s, got, want)
		}
		wantU, wantErr := url.PathUnescape(s)
		gotU, gotErr := unescape(s)
		if gotU != wantU || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("unescape(%q) = %q, %v; want %q, %v", s, gotU, gotErr, wantU, wantErr)
		}
		if back, err := unescape(Escape(s)); err != nil || back != s {
			t.Errorf("unescape(Escape(%q)) = %q, %v", s, back, err)
		}
	}
	for _, s := range escapeCases {
		check(s)
	}
	// Random strings over an alphabet rich in what escaping is about.
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"%", "2", "C", "c", "a", "F", "g", "+", " ", ",", "&", "=", "~", "微", "\x00", "\xff"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		check(b.String())
	}
}
