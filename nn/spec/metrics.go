package spec

// Metrics describe the network after one SGD step.
type Metrics struct {
	Step     int     // steps done, from 1
	Loss     float64 // mean loss on the step's batch, with the updated weights
	TrainAcc float64 // accuracy on the whole training set
	TestAcc  float64 // accuracy on the whole test set
	Evals    int     // loss evaluations the step's gradient made
	GradMs   float64 // wall-clock milliseconds the gradient took (not reproducible)
}
