package nn

import "math/rand/v2"

// Each random stream of a run is a PCG seeded with the run's seed and its
// own stream constant, so that changing one count (say, test samples) never
// shifts another stream (say, the initial weights).
const (
	streamTrain   = 0x7261696e // "rain": training samples
	streamTest    = 0x74657374 // "test": test samples
	streamWeights = 0x77656967 // "weig": initial weights
	streamBatch   = 0x62617463 // "batc": batch indices
)

func newStream(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}
