package store

import (
	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/tile"
	"bibun/wasm/link"
	"bibun/wasm/msg"
)

// settle makes next the settings, shows them in the address and lists
// notices. Any change of the settings but the language resets the run:
// the same link is the same run. A change of the language alone keeps the
// run, its table and the notices, which the page words anew.
func (s *Store) settle(next link.State, notices []link.Notice) {
	s.address.Show(link.Format(next))
	s.Edits++
	if link.SameRun(next, s.Settings) && s.started > 0 {
		if next == s.Settings || len(notices) > 0 {
			s.Notices = notices
		} // else only the view changed (language, the classroom's keys): the notices stay, worded anew
		s.Settings = next
		return
	}
	s.Notices = notices
	s.Settings, s.Copied = next, Copy{}
	s.reset()
	if c := shownPart(next.Config); c != s.shownFor {
		s.shownFor, s.Samples = c, samples(c)
	}
}

// change is settle for a change the page makes (a control, a preset, a new
// seed), which cannot undo the link's lock: a locked key keeps its value,
// with a notice that says so (link.Keep).
func (s *Store) change(next link.State, notices []link.Notice) {
	next, kept := link.Keep(s.Settings, next)
	s.settle(next, append(notices, kept...))
}

// preset returns s with the settings of p. Both presets keep the method,
// the seed and the workers.
func preset(s link.State, p action.Preset) link.State {
	c := s.Config
	a := spec.Article()
	switch p {
	case action.Article:
		a.Method, a.Seed = c.Method, c.Seed
		s.Config = a
	case action.QuickLook:
		c.Size, c.Hidden, c.LR, c.Std = 16, 8, 0.3, 0.1
		c.Batch, c.Steps, c.Train, c.Test = a.Batch, a.Steps, a.Train, a.Test
		s.Config = c
	}
	return s
}

// shownPart returns the part of c that the shown samples depend on.
func shownPart(c spec.Config) spec.Config {
	return spec.Config{Size: c.Size, Seed: c.Seed, Train: min(c.Train, msg.Shown)}
}

// samples returns the first msg.Shown training samples of c, unlabelled
// by any prediction. It draws only those: a training set of n samples
// begins with the same samples whatever n is, each drawing its noise, in
// order, from the same stream.
func samples(c spec.Config) []Sample {
	d := c.TrainingSamples()
	out := make([]Sample, d.Len())
	for n := range out {
		out[n] = Sample{Picture: tile.DataURI(d.Row(n)), Label: d.T[n]}
	}
	return out
}
