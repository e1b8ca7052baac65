// Package store holds everything the page shows and handles every action
// (package action) in one place, OnAction. It runs the training through
// Workers and writes the settings into the page's Address; it never
// touches the DOM, and imports no syscall/js, so plain go test runs it.
package store

import (
	"math/rand/v2"
	"time"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/text"
	"bibun/wasm/link"
	"bibun/wasm/msg"
)

// Status is what the run is doing; the page shows it as data-state.
type Status string

// The statuses of a run.
const (
	Idle     Status = "idle"     // at step 0
	Running  Status = "running"  // a step is under way and more may follow
	Paused   Status = "paused"   // stopped between steps, before the last
	Done     Status = "done"     // every step taken
	Diverged Status = "diverged" // the loss or the gradient is not a finite number
	Failed   Status = "error"    // a worker failed; Reset starts fresh ones
	Saved    Status = "saved"    // the table shows a run opened from a file; nothing has run here
)

// Workers runs the training workers, numbered 0 … n−1.
type Workers interface {
	Start(n int)                    // stops every worker and starts n fresh ones
	Send(worker int, m msg.Message) // posts m to one worker
	SendAll(m msg.Message)          // posts m to every worker
}

// Address is the page's address bar.
type Address interface {
	Show(fragment string) // replaces the fragment, adding no history entry
	Copy()                // copies the page's link; a LinkCopied action answers
}

// Sample is one of the first training samples, as the page shows it.
type Sample struct {
	Picture string    // a data URI of its picture
	Label   int       // spec.Noise or spec.Flat
	Pred    *msg.Pred // the network's latest prediction; nil at step 0
}

// Progress is how far the gradient of the step under way is.
type Progress struct {
	Step  int           // the step, from 1; 0 before the first
	Done  int           // parameters whose derivative is known
	Total int           // P
	Left  time.Duration // estimated time until the gradient is done; 0 if unknown
}

// Problem is why a run stopped, as data: the view words it in the page's
// language. Status says which fields hold: Diverged (Step, What, Loss, LR,
// Std) or Failed (Worker, Reason).
type Problem struct {
	Step   int     // the diverged step, left out of the table
	What   string  // "loss" or "gradient": what is not a finite number or, for a finite Loss, too large
	Loss   float64 // when What is "loss": the batch loss, above the trainer's limit or not finite (NaN, ±Inf)
	LR     float64 // the run's learning rate
	Std    float64 // the run's init std
	Worker int     // the worker that failed, from 1
	Reason string  // the browser's or the worker's description of the failure, as given
}

// Copy is what became of the latest "Copy link".
type Copy struct {
	Done bool   // the browser answered
	OK   bool   // the link is on the clipboard
	URL  string // the link, to copy by hand when not OK
}

// Store is the page's state. Its exported fields are for reading only;
// actions change them.
type Store struct {
	Settings link.State
	Notices  []link.Notice // what the latest link or setting could not be
	Status   Status
	Stopped  Problem        // why the run stopped, when Diverged or Failed
	Samples  []Sample       // the first msg.Shown training samples
	Rows     []spec.Metrics // one per step taken
	Progress Progress
	Copied   Copy // what became of the latest "Copy link"
	Edits    int  // settings changes so far, to refresh controls a visitor typed into

	workers   Workers
	address   Address
	cores     int        // logical processors of this machine
	browser   text.Lang  // the browser's language, for a link without lang
	seeds     *rand.Rand // draws new seeds
	listeners []func()

	started  int                     // workers running; 0 before the first Start
	pending  pending                 // the requests the workers have not answered (pending.go)
	dirty    bool                    // the workers may be busy with or broken by an abandoned step
	run      int                     // the current run's number; answers about others are stale
	inited   bool                    // the workers hold the current run's Config
	pauseAt  int                     // the last step of the current Run or Step
	step     *gather                 // the step under way, nil between steps
	ahead    *gather                 // the step after it, asked for already (runAhead); nil if not
	held     bool                    // a step has ended and the next waits for an action.Drawn
	drawGap  time.Duration           // hold steps that took this long when the workers take every core; 0: never
	shownFor spec.Config             // the settings Samples were drawn for
	bench    map[spec.Method]float64 // operations/ms per worker, measured by the workers at load
	speed    map[spec.Method]float64 // operations/ms per worker, measured in real steps
	teach    teaching                // the teaching views' computations (teach.go)
	derive   deriving                // the derivative views: wiggle, weights, bug (derive.go)
	rec      recording               // the saved runs, the verification and the pins (record.go, pins.go)
}

// New returns a store with no settings yet: dispatch a ReadLink first.
// cores is the machine's number of logical processors, seed the source of
// new seeds, browser the language of a page whose link sets none.
func New(w Workers, a Address, cores int, seed uint64, browser text.Lang) *Store {
	return &Store{
		Status:  Idle,
		workers: w,
		address: a,
		cores:   max(cores, 1),
		browser: browser,
		seeds:   rand.New(rand.NewPCG(seed, 0x73656564)),
		bench:   make(map[spec.Method]float64),
		speed:   make(map[spec.Method]float64),
	}
}

// Subscribe calls f after every action.
func (s *Store) Subscribe(f func()) {
	s.listeners = append(s.listeners, f)
}

// OnAction handles one action and tells the subscribers.
func (s *Store) OnAction(a any) {
	switch a := a.(type) {
	case *action.ReadLink:
		s.settle(link.Parse(a.Fragment))
	case *action.Set:
		s.change(link.Set(s.Settings, a.Key, a.Value))
	case *action.UsePreset:
		s.change(preset(s.Settings, a.Preset), nil)
	case *action.NewSeed:
		next := s.Settings
		next.Config.Seed = 1 + s.seeds.Uint64N(999_999)
		s.change(next, nil)
	case *action.Run:
		s.leaveSaved()
		s.start(s.Settings.Config.Steps)
	case *action.Step:
		s.leaveSaved()
		s.start(len(s.Rows) + 1)
	case *action.Pause:
		s.pause()
	case *action.Reset:
		s.reset()
	case *action.CheckGradient:
		s.checkGradient()
	case *action.SweepH:
		s.sweepH()
	case *action.MeasureCost:
		s.measureCost()
	case *action.WiggleH: // derive.go
		s.setWiggleH(a.Value)
	case *action.Wiggle:
		s.derive.force = true
	case *action.RevealBug:
		s.derive.reveal = s.Settings.Config.Bug
	case *action.PlantBug:
		s.plantBug()
	case *action.Save: // record.go, pins.go
		s.save(a.Format)
	case *action.Open:
		s.open(a)
	case *action.Verify:
		s.verifySaved()
	case *action.Pin:
		s.pin()
	case *action.Unpin:
		s.unpin(a.Pin)
	case *action.ShowBeside:
		s.showBeside(a.Pin)
	case *action.ShowPage:
		s.rec.page = max(a.Page, 0)
	case *action.CopyLink:
		s.address.Copy()
	case *action.LinkCopied:
		s.Copied = Copy{Done: true, OK: a.OK, URL: a.URL}
	case *action.FromWorker:
		s.fromWorker(a.Worker, a.Msg)
	case *action.Drawn:
		s.drawn()
	case *action.WorkerFailed:
		s.pending.lost(a.Worker)
		s.fail(a.Worker, a.Text)
	default:
		return
	}
	s.follow() // the derivative views ask for what they lack (derive.go)
	for _, f := range s.listeners {
		f()
	}
}

// fromWorker handles message m of worker i: every kind a worker sends,
// each handed to the run (run.go, speed.go) or the teaching views
// (teach.go, derive.go).
func (s *Store) fromWorker(i int, m msg.Message) {
	s.pending.answered(i, m)
	switch m := m.(type) {
	case *msg.Loaded:
		s.loaded(m)
	case *msg.Progress:
		s.progressed(i, m)
	case *msg.Part:
		s.gathered(i, m)
	case *msg.Measured:
		// The step goes into the table first, and the run goes on or comes
		// to rest; only then may a cheap gradient check be redone, of the
		// network the step left.
		if s.measured(i, m) {
			s.recheck()
		}
	case *msg.Failed:
		s.failed(i, m)
	case *msg.GradientChecked:
		s.gradientChecked(m)
	case *msg.HSwept:
		s.hSwept(m)
	case *msg.CostMeasured:
		s.costMeasured(m)
	case *msg.TaskFailed:
		s.taskFailed(m)
		s.deriveFailed(m)
	case *msg.Wiggled: // derive.go
		s.wiggled(m)
	case *msg.Weights:
		s.weighed(m)
	}
}

// DrawBetweenSteps makes a run whose workers take every core (one per
// logical processor) wait for an action.Drawn before its first step and
// after every step that took at least d: the page then draws while the
// workers idle instead of fighting them for a core, which on a small
// machine stretched a 20 ms render into a 100 ms pause of the page.
// Shorter steps, and runs that leave a core free, do not wait.
func (s *Store) DrawBetweenSteps(d time.Duration) { s.drawGap = d }

// Held reports whether the run waits for the page to draw its latest step
// (DrawBetweenSteps); an action.Drawn lets it go on.
func (s *Store) Held() bool { return s.held }

// Workers returns how many training workers the page runs: the link's
// workers, or this machine's logical processors up to link.MaxWorkers.
func (s *Store) Workers() int {
	if s.Settings.Workers > 0 {
		return s.Settings.Workers
	}
	return min(s.cores, link.MaxWorkers)
}

// Lang returns the page's language: the link's lang, or the browser's.
func (s *Store) Lang() text.Lang { return text.Of(s.Settings.Lang, s.browser) }

// Cores returns this machine's number of logical processors.
func (s *Store) Cores() int { return s.cores }

// PauseAt returns the last step of the current Run or Step.
func (s *Store) PauseAt() int { return s.pauseAt }
