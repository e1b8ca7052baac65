package link

import (
	"strings"
	"testing"
)

func TestClassroomKeys(t *testing.T) {
	for _, c := range []struct {
		link           string
		lock, hide     string
		embed, present bool
		notices        []string // keys noticed, in order
	}{
		{"lock=lr,h", "lr,h", "", false, false, nil},
		{"lock=h,lr,h,%20lr", "lr,h", "", false, false, nil}, // table order, no repeats, spaces trimmed
		{"lock=all", "all", "", false, false, nil},
		{"lock=lr,all", "all", "", false, false, nil},
		{"lock=lr,bogus", "lr", "", false, false, []string{"lock"}},
		{"lock=<script>alert(1)</script>", "", "", false, false, []string{"lock"}},
		{"lock=v,lock,hide", "", "", false, false, []string{"lock"}}, // only a new link changes these
		{"lock=" + strings.Repeat("lr,", 5000), "lr", "", false, false, nil},
		{"lock=" + strings.Repeat("x,", 5000), "", "", false, false, []string{"lock"}},
		{"hide=intro,teach", "", "intro,teach", false, false, nil},
		{"hide=teach,intro,all", "", "intro,teach", false, false, []string{"hide"}},
		{"hide=", "", "", false, false, nil},
		{"embed=1&present=1", "", "", true, true, nil},
		{"embed=0&present=true", "", "", false, true, nil},
		{"embed=yes", "", "", false, false, []string{"embed"}},
	} {
		s, notices := Parse(c.link)
		if s.Lock != c.lock || s.Hide != c.hide || s.Embed != c.embed || s.Present != c.present {
			t.Errorf("Parse(%.40q): lock %q hide %q embed %v present %v; want %q %q %v %v",
				c.link, s.Lock, s.Hide, s.Embed, s.Present, c.lock, c.hide, c.embed, c.present)
		}
		var keys []string
		for _, n := range notices {
			keys = append(keys, n.Key)
		}
		if strings.Join(keys, " ") != strings.Join(c.notices, " ") {
			t.Errorf("Parse(%.40q): notices on %v, want %v", c.link, keys, c.notices)
		}
		if s.Config != Default().Config {
			t.Errorf("Parse(%.40q) changed the run's settings", c.link)
		}
		// The keys survive a round trip, and nothing in a notice is markup
		// the page would not show as text (it shows only text anyway).
		if back, n := Parse(Format(s)); back != s || len(n) > 0 {
			t.Errorf("Parse(Format(%.40q)) = %+v, %v; want %+v and no notices", c.link, back, n, s)
		}
	}
}

func TestClassroomNoticeText(t *testing.T) {
	_, ns := Parse("lock=lr,bogus&hide=nope&embed=2")
	want := []string{
		`embed: "2" is not 1 or 0; leaving it off.`,
		`lock: "lr,bogus" holds a name that is not a key of this link, nor all; using lr.`,
		`hide: "nope" holds a name that is not one of intro, settings, samples, table, charts, teach; hiding nothing.`,
	}
	if len(ns) != len(want) {
		t.Fatalf("%d notices, want %d: %v", len(ns), len(want), ns)
	}
	for i, n := range ns {
		if got := n.Text("en"); got != want[i] {
			t.Errorf("notice %d: %q, want %q", i, got, want[i])
		}
		if ja := n.Text("ja"); ja == "" || strings.Contains(ja, "leaving") || strings.Contains(ja, "using") {
			t.Errorf("notice %d in Japanese: %q", i, ja)
		}
	}
}

func TestLockedAndHides(t *testing.T) {
	s, _ := Parse("lock=lr,seed&hide=settings")
	for key, want := range map[string]bool{"lr": true, "seed": true, "h": false, "l": false, "": false} {
		if s.Locked(key) != want {
			t.Errorf("Locked(%q) = %v, want %v", key, !want, want)
		}
	}
	if !s.Hides("settings") || s.Hides("intro") || s.Hides("setting") {
		t.Errorf("Hides: settings %v intro %v setting %v", s.Hides("settings"), s.Hides("intro"), s.Hides("setting"))
	}
	all, _ := Parse("lock=all")
	for _, k := range Lockable() {
		if !all.Locked(k) {
			t.Errorf("lock=all leaves %s open", k)
		}
	}
}

// TestKeep checks that what the page does cannot undo a link's lock: a
// preset or a control puts locked keys back, with a Locked notice, and
// keeps lock and hide as the link set them.
func TestKeep(t *testing.T) {
	was, _ := Parse("lock=lr,seed&hide=intro&lr=0.2")
	next := was
	next.Config.LR, next.Config.Seed, next.Config.Size = 0.3, 99, 16
	next.Lock, next.Hide = "", ""
	got, notices := Keep(was, next)
	if got.Config.LR != 0.2 || got.Config.Seed != was.Config.Seed || got.Config.Size != 16 {
		t.Errorf("Keep: lr %v seed %v size %v; want 0.2, %v, 16", got.Config.LR, got.Config.Seed, got.Config.Size, was.Config.Seed)
	}
	if got.Lock != was.Lock || got.Hide != was.Hide {
		t.Errorf("Keep let lock and hide go: %q %q", got.Lock, got.Hide)
	}
	if len(notices) != 2 || notices[0].Key != "lr" || notices[0].Kind != Locked || notices[1].Key != "seed" {
		t.Fatalf("notices %+v, want lr and seed, Locked", notices)
	}
	if txt := notices[0].Text("en"); txt != "lr: fixed by this link; keeping 0.2." {
		t.Errorf("notice %q", txt)
	}
	// A Set of a locked key changes nothing but says so.
	set, ns := Set(was, "lr", "0.9")
	kept, ks := Keep(was, set)
	if kept != was || len(ns) != 0 || len(ks) != 1 {
		t.Errorf("Set then Keep of a locked lr: %+v, %v, %v", kept.Config.LR, ns, ks)
	}
	// An unlocked key goes through.
	set, _ = Set(was, "h", "0.001")
	if kept, ks := Keep(was, set); kept.Config.H != 0.001 || len(ks) != 0 {
		t.Errorf("Keep of an unlocked h: %v, %v", kept.Config.H, ks)
	}
}

func TestSameRun(t *testing.T) {
	a, _ := Parse("lr=0.2")
	b, _ := Parse("lr=0.2&lang=ja&embed=1&present=1&lock=all&hide=intro")
	if !SameRun(a, b) {
		t.Errorf("the classroom keys and the language changed the run")
	}
	c, _ := Parse("lr=0.3")
	if SameRun(a, c) {
		t.Errorf("lr 0.2 and 0.3 are the same run")
	}
}
