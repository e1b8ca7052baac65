package msg

import (
	"maps"
	"slices"

	"bibun/nn/spec"
)

// Each message's fields, in order, for Encode and Decode alike. A field
// added to a message must be added here: TestEveryFieldTravels fails
// otherwise.

func (m *Init) fields(c coder) {
	c.int(&m.Run)
	config(c, &m.Config)
}

func (m *Differentiate) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	c.int(&m.Lo)
	c.int(&m.Hi)
	c.bool(&m.Apply)
}

func (m *Apply) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	c.int(&m.Evals)
	c.float(&m.GradMs)
	c.floats((*[]float64)(&m.G))
}

func (m *Loaded) fields(c coder) { methods(c, &m.Speeds) }

func (m *Progress) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	c.int(&m.Done)
}

func (m *Part) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	c.int(&m.Lo)
	c.int(&m.Hi)
	c.int(&m.Evals)
	c.float(&m.Ms)
	c.floats((*[]float64)(&m.G))
}

func (m *Measured) fields(c coder) {
	c.int(&m.Run)
	metrics(c, &m.Metrics)
	list(c, &m.Preds, func(p *Pred) {
		c.int(&p.Class)
		c.float(&p.Prob)
	})
}

func (m *Failed) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	c.bool(&m.Diverged)
	c.string(&m.What)
	c.float(&m.Loss)
	c.string(&m.Text)
}

func (m *CheckGradient) fields(c coder) {
	c.int(&m.Run)
	method(c, &m.Method)
	c.int(&m.Sample)
}

func (m *GradientChecked) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	method(c, &m.Method)
	c.bool(&m.Sampled)
	c.int(&m.Done)
	c.int(&m.Total)
	list(c, &m.Tensors, func(t *TensorCheck) {
		c.string(&t.Name)
		c.int(&t.Params)
		c.float(&t.RelErr)
		c.float(&t.MaxRelErr)
	})
}

func (m *SweepH) fields(c coder) { c.int(&m.Run) }

func (m *HSwept) fields(c coder) {
	c.int(&m.Run)
	c.int(&m.Step)
	c.int(&m.Params)
	c.floats(&m.H)
	c.floats(&m.Err)
	c.int(&m.Total)
}

func (m *MeasureCost) fields(c coder) {
	c.int(&m.Run)
	config(c, &m.Config)
}

func (m *CostMeasured) fields(c coder) {
	c.int(&m.Run)
	list(c, &m.Points, func(p *CostPoint) { costPoint(c, p) })
	c.int(&m.Done)
	c.int(&m.Total)
	costPoint(c, &m.Now)
	methods(c, &m.Slopes)
}

func (m *TaskFailed) fields(c coder) {
	c.int(&m.Run)
	c.string(&m.Task)
	c.string(&m.Text)
}

func config(c coder, s *spec.Config) {
	c.int(&s.Size)
	c.int(&s.Hidden)
	c.int(&s.Batch)
	c.float(&s.LR)
	c.float(&s.H)
	c.int(&s.Steps)
	c.int(&s.Train)
	c.int(&s.Test)
	c.float(&s.Std)
	c.uint64(&s.Seed)
	method(c, &s.Method)
	bug := string(s.Bug)
	c.string(&bug)
	s.Bug = spec.Bug(bug)
}

func metrics(c coder, m *spec.Metrics) {
	c.int(&m.Step)
	c.float(&m.Loss)
	c.float(&m.TrainAcc)
	c.float(&m.TestAcc)
	c.int(&m.Evals)
	c.float(&m.GradMs)
}

func costPoint(c coder, p *CostPoint) {
	method(c, &p.Method)
	c.int(&p.Size)
	c.int(&p.Hidden)
	c.int(&p.Params)
	c.float(&p.Ms)
}

func method(c coder, m *spec.Method) {
	s := string(*m)
	c.string(&s)
	*m = spec.Method(s)
}

// list codes a list of T, each element by each: on reading, s becomes a
// new list of the length read (nil if 0).
func list[T any](c coder, s *[]T, each func(*T)) {
	n := c.count(len(*s))
	if _, reading := c.(*reader); reading {
		*s = nil
		if n > 0 {
			*s = make([]T, n)
		}
	}
	for i := range *s {
		each(&(*s)[i])
	}
}

// methods codes a map by method, its keys in order (nil if empty, on reading).
func methods(c coder, m *map[spec.Method]float64) {
	keys := slices.Sorted(maps.Keys(*m))
	type entry struct {
		k spec.Method
		v float64
	}
	entries := make([]entry, len(keys))
	for i, k := range keys {
		entries[i] = entry{k, (*m)[k]}
	}
	list(c, &entries, func(e *entry) {
		method(c, &e.k)
		c.float(&e.v)
	})
	if _, reading := c.(*reader); reading {
		*m = nil
		for _, e := range entries {
			if *m == nil {
				*m = make(map[spec.Method]float64, len(entries))
			}
			(*m)[e.k] = e.v
		}
	}
}
