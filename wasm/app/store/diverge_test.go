package store

import (
	"math"
	"testing"

	"bibun/wasm/app/action"
	"bibun/wasm/msg"
)

// TestDivergedRun runs the replicas through the article's network with lr
// 100 and std 5, whose loss passes the trainer's limit at step 1 (728
// nats), then recovers.
func TestDivergedRun(t *testing.T) {
	for _, grad := range []string{"backprop", "incremental"} {
		t.Run(grad, func(t *testing.T) {
			s, p, _ := newStore(t, "lr=100&std=5&steps=5&workers=2&grad="+grad)
			s.OnAction(&action.Run{})
			p.deliver(-1)
			if s.Status != Diverged {
				t.Fatalf("status %s, problem %+v; want diverged", s.Status, s.Stopped)
			}
			t.Logf("problem: %+v", s.Stopped)
			if p := s.Stopped; p.Step != 1 || p.What != "loss" || math.Abs(p.Loss-728.4) > 0.05 || p.LR != 100 || p.Std != 5 {
				t.Errorf("problem %+v, want step 1, loss 728.4, lr 100, std 5", p)
			}
			if len(s.Rows) != 0 || s.step != nil {
				t.Errorf("after divergence at step 1: %d rows, step under way %v", len(s.Rows), s.step)
			}

			s.OnAction(&action.Reset{})
			if s.Status != Idle || len(s.Rows) != 0 || s.Stopped != (Problem{}) || s.Progress != (Progress{}) {
				t.Fatalf("after Reset: status %s, %d rows, problem %+v, progress %+v", s.Status, len(s.Rows), s.Stopped, s.Progress)
			}
			s.OnAction(&action.Set{Key: "lr", Value: "0.1"})
			s.OnAction(&action.Run{})
			p.deliver(-1)
			if s.Status != Done || len(s.Rows) != 5 {
				t.Errorf("a sane run after the diverged one: status %s, %d rows, problem %+v", s.Status, len(s.Rows), s.Stopped)
			}
		})
	}
}

// TestDivergedNotFinite checks that a loss that is not a finite number
// reaches the problem as it is, for the page to call it so.
func TestDivergedNotFinite(t *testing.T) {
	for _, loss := range []float64{math.NaN(), math.Inf(1)} {
		s, p, _ := newStore(t, "size=16&hidden=8")
		s.OnAction(&action.Run{})
		p.lose() // the workers' answers are lost; worker 0 reports a loss that is not finite instead
		s.OnAction(&action.FromWorker{Worker: 0, Msg: p.wire(&msg.Failed{Run: s.run, Step: 1, Diverged: true, What: "loss", Loss: loss})})
		got := s.Stopped
		if math.Float64bits(got.Loss) != math.Float64bits(loss) {
			t.Errorf("loss %g: the problem holds loss %g", loss, got.Loss)
		}
		got.Loss = 0
		if s.Status != Diverged || got != (Problem{Step: 1, What: "loss", LR: 0.1, Std: 0.01}) {
			t.Errorf("loss %g: status %s, problem %+v", loss, s.Status, s.Stopped)
		}
	}
}
