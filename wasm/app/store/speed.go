package store

import (
	"time"

	"bibun/wasm/cost"
)

// minLearnMs is the shortest gradient time that tells a speed: the
// browser's clock may be coarsened to a fraction of a millisecond.
const minLearnMs = 5

// Estimate returns the expected time of one step's gradient with the
// current settings at this browser's speed, or 0 while it is unknown.
func (s *Store) Estimate() time.Duration {
	c := s.Settings.Config
	speed := s.speed[c.Method]
	if speed == 0 {
		speed = s.bench[c.Method]
	}
	if speed == 0 {
		return 0
	}
	return cost.Time(c, speed, s.replicas(), s.cores)
}

// learn refines the speed of the current method from a step whose
// gradient took ms milliseconds.
func (s *Store) learn(ms float64) {
	if ms < minLearnMs {
		return
	}
	c := s.Settings.Config
	s.speed[c.Method] = cost.Speed(c, ms, s.replicas(), s.cores)
}
