package link

import (
	"slices"
	"strings"
)

// The classroom's keys: how the page is laid out and what a teacher has
// fixed. None of them changes the run: a link with or without them gives
// the same digits.

// Panels are the parts of the page that hide= can take away.
var Panels = []string{"intro", "settings", "samples", "table", "charts", "teach"}

// lockAll is lock's value that fixes every key a visitor could change.
const lockAll = "all"

// Lockable lists the keys lock= can fix: every key but the link's version
// and lock and hide themselves, which only a new link changes.
func Lockable() []string { return lockable }

var lockable []string // filled from the table by init

func init() {
	for _, f := range fields {
		if f.key != "v" && f.key != "lock" && f.key != "hide" {
			lockable = append(lockable, f.key)
		}
	}
}

// Locked reports whether the link fixes key: the page shows its control
// read-only, and neither a preset nor a new seed changes it.
func (s State) Locked(key string) bool {
	return s.Lock == lockAll || slices.Contains(strings.Split(s.Lock, ","), key)
}

// Hides reports whether the link hides panel (one of Panels).
func (s State) Hides(panel string) bool {
	return slices.Contains(strings.Split(s.Hide, ","), panel)
}

// SameRun reports whether a and b describe the same run: the same Config
// and workers. The classroom's keys and the language only change the view.
func SameRun(a, b State) bool {
	return a.Config == b.Config && a.Workers == b.Workers
}

// Keep returns next with every key that was locked in was put back to its
// value there, and a Locked notice for each such key whose value next
// changed. The lock, hide, embed and present keys of was stay too: an
// action of the page (a preset, a new seed, a control) never unlocks or
// reveals what the link fixed; only a new link does.
func Keep(was, next State) (State, []Notice) {
	next.Lock, next.Hide = was.Lock, was.Hide
	var notices []Notice
	for _, i := range order {
		f := fields[i]
		if !was.Locked(f.key) {
			continue
		}
		old, oldSet := f.write(was)
		now, nowSet := f.write(next)
		if old == now && oldSet == nowSet {
			continue
		}
		if oldSet {
			f.put(&next, old)
		} else {
			f.reset(&next)
		}
		n := f.notice(next, now, Locked)
		if !nowSet {
			n.Given = ""
		}
		notices = append(notices, n)
	}
	return next, notices
}

// flag returns the row of an on/off key: 1 is on, 0 or absent is off; a
// link writes it only when on.
func flag(key, ja string, ref func(*State) *bool) field {
	return field{
		key: key, ja: ja, notEn: "is not 1 or 0", notJa: " 1 でも 0 でもない",
		unsetEn: "leaving it off", unsetJa: "オフのままにします",
		reset: func(s *State) { *ref(s) = false },
		read: func(s *State, v string) (Kind, bool) {
			switch v {
			case "1", "true":
				*ref(s) = true
			case "0", "false":
				*ref(s) = false
			default:
				*ref(s) = false
				return Invalid, true
			}
			return 0, false
		},
		write: func(s State) (string, bool) { return "1", *ref(&s) },
	}
}

// list returns the row of a key that takes a comma-separated list of
// names, each one of names() (or, with all set, the single word "all"),
// which notEn and notJa describe. The list is kept without repeats, in the
// order of names; names it does not know are left out with an Invalid
// notice.
func list(key, ja, notEn, notJa string, names func() []string, all bool, unsetEn, unsetJa string, ref func(*State) *string) field {
	f := field{key: key, ja: ja, notEn: notEn, notJa: notJa, unsetEn: unsetEn, unsetJa: unsetJa}
	f.reset = func(s *State) { *ref(s) = "" }
	f.read = func(s *State, v string) (Kind, bool) {
		known := names()
		given := map[string]bool{}
		bad := false
		for _, n := range strings.Split(v, ",") {
			n = strings.TrimSpace(n)
			switch {
			case n == "":
			case all && n == lockAll:
				given[lockAll] = true
			case slices.Contains(known, n):
				given[n] = true
			default:
				bad = true
			}
		}
		var kept []string
		if given[lockAll] {
			kept = []string{lockAll}
		} else {
			for _, n := range known {
				if given[n] {
					kept = append(kept, n)
				}
			}
		}
		*ref(s) = strings.Join(kept, ",")
		if bad {
			return Invalid, true
		}
		return 0, false
	}
	f.write = func(s State) (string, bool) { v := *ref(&s); return v, v != "" }
	return f
}
