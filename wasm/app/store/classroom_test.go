package store

import (
	"slices"
	"strings"
	"testing"

	"bibun/wasm/app/action"
	"bibun/wasm/link"
)

// TestLockHolds: what the link fixes, no control, preset or new seed of
// the page changes; each attempt leaves a notice; the link keeps lock=.
func TestLockHolds(t *testing.T) {
	s, _, a := newStore(t, "size=16&hidden=8&lr=0.2&lock=lr,seed,size")
	c := s.Settings.Config
	s.OnAction(&action.Set{Key: "lr", Value: "0.9"})
	if s.Settings.Config != c || len(s.Notices) != 1 || s.Notices[0].Kind != link.Locked {
		t.Errorf("Set lr on a locked lr: lr %v, notices %v", s.Settings.Config.LR, s.Notices)
	}
	s.OnAction(&action.NewSeed{})
	if s.Settings.Config.Seed != c.Seed {
		t.Errorf("New seed changed a locked seed: %d → %d", c.Seed, s.Settings.Config.Seed)
	}
	s.OnAction(&action.UsePreset{Preset: action.Article})
	got := s.Settings.Config
	if got.LR != 0.2 || got.Size != 16 || got.Seed != c.Seed || got.Hidden != 64 {
		t.Errorf("the article preset: lr %v size %d seed %d hidden %d; want 0.2, 16, the seed, and hidden 64 (not locked)",
			got.LR, got.Size, got.Seed, got.Hidden)
	}
	var keys []string
	for _, n := range s.Notices {
		keys = append(keys, n.Key)
	}
	if !slices.Equal(keys, []string{"size", "lr"}) {
		t.Errorf("the preset's notices name %v, want size and lr", keys)
	}
	s.OnAction(&action.Set{Key: "lock", Value: ""})
	if !strings.Contains(a.fragment, "lock=size,lr,seed") {
		t.Errorf("the page unlocked its link: %q", a.fragment)
	}
	s.OnAction(&action.Set{Key: "h", Value: "0.001"})
	if s.Settings.Config.H != 0.001 || !strings.Contains(a.fragment, "lock=size,lr,seed") {
		t.Errorf("an open key: h %v, link %q", s.Settings.Config.H, a.fragment)
	}
	// A new link is the teacher's: it may lock something else.
	s.OnAction(&action.ReadLink{Fragment: "lr=0.5"})
	if s.Settings.Lock != "" || s.Settings.Config.LR != 0.5 {
		t.Errorf("a new link: lock %q lr %v", s.Settings.Lock, s.Settings.Config.LR)
	}
}

// TestViewKeysKeepTheRun: presenting, embedding and hiding change the
// view, not the run, as the language does.
func TestViewKeysKeepTheRun(t *testing.T) {
	s, p, _ := newStore(t, "size=16&hidden=8")
	s.OnAction(&action.Step{})
	p.deliver(-1)
	rows := slices.Clone(s.Rows)
	s.OnAction(&action.Set{Key: "present", Value: "1"})
	s.OnAction(&action.ReadLink{Fragment: "size=16&hidden=8&present=1&embed=1&hide=intro"})
	if !s.Settings.Present || !s.Settings.Embed || len(s.Rows) != 1 || !sameRows(s.Rows, rows) || s.Status != Paused {
		t.Errorf("after present, embed and hide: %+v, %d rows, %s", s.Settings, len(s.Rows), s.Status)
	}
}
