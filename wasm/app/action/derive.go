package action

// The derivative views: one central difference up close, the weights as
// pictures, and a bug planted in backprop. The parameter the Wiggle view
// nudges is the link's param, chosen with Set.

// WiggleH sets the nudge h of the Wiggle view, written as in a link
// ("1e-08"); the run's own h is unchanged.
type WiggleH struct {
	Value string
}

// Wiggle asks worker 0 for the Wiggle view's numbers now: needed where
// they are too costly to follow every step by themselves.
type Wiggle struct{}

// RevealBug names the bug the link planted, and the line of the chain rule
// it breaks.
type RevealBug struct{}

// PlantBug plants a bug drawn at random, other than the one planted: a
// student alone can set themselves the exercise.
type PlantBug struct{}
