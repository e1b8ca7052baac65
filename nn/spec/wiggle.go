package spec

// Wiggle is one central difference up close, the article's whole idea in
// one line: nudge parameter K of θ up by h, then down, and divide the
// change in the loss by 2h,
//
//	∂L/∂θ_K ≈ (L(θ + h·e_K) − L(θ − h·e_K)) / 2h,
//
// with every number it takes, and backprop's value beside it.
//
// L+ and L− agree in their leading digits, and the subtraction throws
// those digits away: of the ~16 a float64 holds, about 16 − DigitsLost
// remain in Diff. That is the round-off that grows as h shrinks; the
// truncation error, ∝ h², grows as h does.
type Wiggle struct {
	K           int     // the parameter's index in θ (W1, b1, W2, b2 in order)
	H           float64 // h, the nudge
	Theta       float64 // θ_K
	Plus, Minus float64 // θ_K + h and θ_K − h, as float64 rounds them
	LossPlus    float64 // L+ = L(θ + h·e_K): the mean batch loss of a full forward pass
	LossMinus   float64 // L− = L(θ − h·e_K)
	Diff        float64 // L+ − L−
	Quotient    float64 // (L+ − L−) / 2h
	Backprop    float64 // backprop's ∂L/∂θ_K, with the run's Bug planted if any
	RelErr      float64 // |Quotient − Backprop| / max(|Quotient|, |Backprop|); 0 when both are 0
	DigitsLost  int     // leading significant digits L+ and L− share at 17 digits, lost to the subtraction
}
