package store

// Controls says which of the run's controls can do something now: the
// buttons and the keyboard shortcuts both ask.
type Controls struct {
	Run   bool // start or go on: idle or paused, or running towards a pause before the last step
	Pause bool // stop after the step under way, if another is to follow
	Step  bool // take one step: idle or paused
}

// Controls returns which of the run's controls can act.
func (s *Store) Controls() Controls {
	idle := s.Status == Idle || s.Status == Paused || s.Status == Saved
	running := s.Status == Running
	step, steps := len(s.Rows), s.Settings.Config.Steps
	return Controls{
		Run:   idle || running && s.pauseAt < steps,
		Pause: running && s.pauseAt > step+1,
		Step:  idle,
	}
}
