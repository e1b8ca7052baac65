package msg

import "bibun/nn/spec"

// The teaching views ask worker 0 for three computations beside the run:
// a gradient check and an h sweep at its replica's current weights and
// the next step's batch, and the cost of a gradient over a range of
// network sizes. Each request is answered by repeated messages of its
// answer kind, Done counting up to Total, the last one complete; or by
// a TaskFailed. None of them moves the run, so a failure here never stops
// training.

// The tasks, as TaskFailed names them.
const (
	TaskCheck = "check" // CheckGradient
	TaskSweep = "sweep" // SweepH
	TaskCost  = "cost"  // MeasureCost
)

// CheckGradient asks worker 0 to compare a difference method's gradient
// with backprop's, at its network's current weights and the batch of the
// next step.
type CheckGradient struct {
	Run    int
	Method spec.Method // numerical or incremental, with the run's h
	Sample int         // compare nn.SampleParams(net, Sample) only; 0: every parameter
}

// GradientChecked answers CheckGradient: while Done < Total it only says
// how far the differences are; the last one carries Tensors.
type GradientChecked struct {
	Run         int
	Step        int // steps the network had taken: the check is of step Step+1's gradient
	Method      spec.Method
	Sampled     bool          // the parameters were sampled, not all P
	Done, Total int           // parameters differentiated, of those compared
	Tensors     []TensorCheck // W1, b1, W2, b2; nil until Done == Total
}

// TensorCheck is how far one tensor's differences are from backprop's.
type TensorCheck struct {
	Name      string  // "W1", "b1", "W2" or "b2"
	Params    int     // parameters compared
	RelErr    float64 // ‖a−n‖/‖·‖ over the tensor (nn.RelErr)
	MaxRelErr float64 // the worst element's |a−n|/max(|a|,|n|) (nn.MaxRelErr)
}

// SweepH asks worker 0 for the error of the article's central differences
// against h, at its network's current weights and the next step's batch.
type SweepH struct {
	Run int
}

// HSwept answers SweepH with the h values done so far, from the largest:
// Err[n] is the relative error (nn.RelErr) to backprop with nudge H[n].
type HSwept struct {
	Run    int
	Step   int // steps the network had taken
	Params int // parameters compared (nn.SampleParams)
	H, Err []float64
	Total  int // h values in the whole sweep
}

// MeasureCost asks a worker for the time of one whole gradient, with each
// method, over the networks of nn.CostSizes(Config): CostPasses turns each.
type MeasureCost struct {
	Run    int
	Config spec.Config
}

// CostMeasured answers MeasureCost with the points timed so far, each
// with its fastest time yet. The points take turns, pass after pass, so
// that a busy spell of the machine slows only some rounds of each.
type CostMeasured struct {
	Run         int
	Points      []CostPoint
	Done, Total int                     // turns taken, of all the passes' turns
	Now         CostPoint               // the point being timed (Ms 0), or zero once all are done
	Slopes      map[spec.Method]float64 // the fitted exponent a of ms ∝ Pᵃ (nn.FitSlope), for methods with two points or more
}

// CostPasses is how many turns each point of a MeasureCost takes: each
// turn times at least one round (nn.GradientTimer), so even the numerical
// method's largest network gets the fastest of three.
const CostPasses = 3

// CostPoint is the time of one gradient of one network with one method.
type CostPoint struct {
	Method spec.Method
	Size   int     // S, the inputs
	Hidden int     // H, the hidden units
	Params int     // P
	Ms     float64 // milliseconds of one whole gradient: the fastest yet (nn.GradientTimer)
}

// TaskFailed says a worker could not do a task of the teaching views.
type TaskFailed struct {
	Run  int
	Task string // TaskCheck, TaskSweep, TaskCost, TaskWiggle or TaskWeights
	Text string // what went wrong, for a person
}

func (*CheckGradient) kind() string   { return "check-gradient" }
func (*GradientChecked) kind() string { return "gradient-checked" }
func (*SweepH) kind() string          { return "sweep-h" }
func (*HSwept) kind() string          { return "h-swept" }
func (*MeasureCost) kind() string     { return "measure-cost" }
func (*CostMeasured) kind() string    { return "cost-measured" }
func (*TaskFailed) kind() string      { return "task-failed" }
