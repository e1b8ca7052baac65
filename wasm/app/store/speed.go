package store

import (
	"time"

	"bibun/nn/spec"
	"bibun/wasm/cost"
	"bibun/wasm/msg"
)

// minLearnMs is the shortest gradient time that tells a speed: the
// browser's clock may be coarsened to a fraction of a millisecond.
const minLearnMs = 5

// Estimate returns the expected time of one step's gradient with the
// current settings at this browser's speed, or 0 while it is unknown.
func (s *Store) Estimate() time.Duration {
	c := s.Settings.Config
	speed := s.speedOf(c.Method)
	if speed == 0 {
		return 0
	}
	return cost.Time(c, speed, s.replicas(), s.cores)
}

// speedOf returns the operations per millisecond of method m on one
// worker, as measured in real steps or else at load; 0 while unknown.
func (s *Store) speedOf(m spec.Method) float64 {
	if v := s.speed[m]; v > 0 {
		return v
	}
	return s.bench[m]
}

// loaded keeps each method's fastest speed that a worker has measured.
func (s *Store) loaded(m *msg.Loaded) {
	for method, speed := range m.Speeds {
		s.bench[method] = max(s.bench[method], speed)
	}
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
