package spec

import "math/rand/v2"

// Streams of a run. Each is a PCG seeded with the run's seed and its own
// stream constant, so that changing one count (say, test samples) never
// shifts another stream (say, the initial weights).
const (
	StreamTrain   = 0x7261696e // "rain": training samples
	StreamTest    = 0x74657374 // "test": test samples
	StreamWeights = 0x77656967 // "weig": initial weights
	StreamBatch   = 0x62617463 // "batc": batch indices
)

// NewStream returns the random stream of the given constant for seed.
func NewStream(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}
