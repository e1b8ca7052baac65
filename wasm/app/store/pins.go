package store

import (
	"slices"

	"bibun/wasm/record"
)

// Pinned runs stay in the charts, faded, while the settings change and new
// runs go, so that runs can be compared; up to record.MaxPins of them.

// Pins returns the pinned runs, oldest first. The slice is replaced, never
// changed in place, whenever a pin comes or goes.
func (s *Store) Pins() []record.Run { return s.rec.pins }

// Beside returns the pinned run (from 1) whose losses the table shows
// beside the run's own, or 0 for none.
func (s *Store) Beside() int {
	if s.rec.beside > len(s.rec.pins) {
		return 0
	}
	return s.rec.beside
}

// pin keeps the run as it stands, if it may be pinned (RecordControls).
func (s *Store) pin() {
	if !s.RecordControls().Pin {
		return
	}
	run := s.Record().Run
	run.Rows = slices.Clone(run.Rows)
	s.rec.pins = append(slices.Clip(s.rec.pins), run)
}

// unpin drops pinned run k (from 1), or all of them if k is 0.
func (s *Store) unpin(k int) {
	switch {
	case k == 0:
		s.rec.pins, s.rec.beside = nil, 0
	case k >= 1 && k <= len(s.rec.pins):
		s.rec.pins = slices.Delete(slices.Clone(s.rec.pins), k-1, k)
		switch {
		case s.rec.beside == k:
			s.rec.beside = 0
		case s.rec.beside > k:
			s.rec.beside--
		}
	}
	if len(s.rec.pins) == 0 {
		s.rec.pins = nil
	}
}

// showBeside shows pinned run k's losses beside the table's (0: none).
func (s *Store) showBeside(k int) {
	if k >= 0 && k <= len(s.rec.pins) {
		s.rec.beside = k
	}
}

// pinned reports whether the run as it stands is pinned already: a pin
// has its settings and its rows, the last one's time included, which no
// other run shares.
func (s *Store) pinned() bool {
	n := len(s.Rows)
	return slices.ContainsFunc(s.rec.pins, func(p record.Run) bool {
		return p.Config == s.Settings.Config && len(p.Rows) == n && n > 0 && p.Rows[n-1] == s.Rows[n-1]
	})
}
