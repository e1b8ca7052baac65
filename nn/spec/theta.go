package spec

import "strconv"

// TensorNames are θ's tensors in the order θ holds them: W1 (S×H), b1 (H),
// W2 (H×2), b2 (2).
var TensorNames = []string{"W1", "b1", "W2", "b2"}

// Param is where one parameter lies in θ: its index K, its tensor, the
// tensor's first index Lo and Size in θ, and the parameter's row and
// column in the tensor (a bias's row is 0).
type Param struct {
	K, Lo, Size int
	Tensor      string
	Row, Col    int
}

// Param returns where parameter k of c's network lies; a k outside θ is
// brought to its nearest end.
func (c Config) Param(k int) Param {
	s, h := c.Size, c.Hidden
	sizes := []int{s * h, h, h * Outputs, Outputs}
	cols := []int{h, h, Outputs, Outputs}
	lo := 0
	for t, size := range sizes {
		if k < lo+size || t == len(sizes)-1 {
			i := min(max(k-lo, 0), size-1)
			return Param{K: lo + i, Lo: lo, Size: size, Tensor: TensorNames[t], Row: i / cols[t], Col: i % cols[t]}
		}
		lo += size
	}
	panic("unreachable")
}

// ParamOf returns entry index of tensor name (one of TensorNames; an
// unknown name is W1) of c's network, index brought into the tensor.
func (c Config) ParamOf(name string, index int) Param {
	k := 0
	for _, t := range TensorNames {
		p := c.Param(k)
		if t == name {
			return c.Param(p.Lo + min(max(index, 0), p.Size-1))
		}
		k = p.Lo + p.Size
	}
	return c.Param(0)
}

// Index returns the parameter's index within its tensor.
func (p Param) Index() int { return p.K - p.Lo }

// String names the parameter in the maths' notation: W1[3][5], b1[5].
func (p Param) String() string {
	if p.Tensor == "b1" || p.Tensor == "b2" {
		return p.Tensor + "[" + strconv.Itoa(p.Col) + "]"
	}
	return p.Tensor + "[" + strconv.Itoa(p.Row) + "][" + strconv.Itoa(p.Col) + "]"
}
