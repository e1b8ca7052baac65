package action

// The teaching views' buttons. Each asks worker 0 for a computation beside
// the run; the store refuses while a step is under way.

// CheckGradient compares the run's difference method with backprop at the
// current weights and the next step's batch.
type CheckGradient struct{}

// SweepH measures the error of central differences against h.
type SweepH struct{}

// MeasureCost times one gradient of each method over growing networks.
type MeasureCost struct{}
