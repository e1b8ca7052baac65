package view

import (
	"strconv"
	"strings"

	"github.com/hexops/vecty"
	"github.com/hexops/vecty/event"

	"bibun/nn/spec"
	"bibun/wasm/app/action"
	"bibun/wasm/app/dispatcher"
	"bibun/wasm/app/text"
)

// diagramText is every string NetworkDiagram shows in words; the labels
// of its arrows are notation, the same in every language (diagramOps).
var diagramText = text.Table[struct {
	Title, Forward, Backward string
	Pick                     func(tensor string) string // a tensor's link, when the diagram picks
}]{
	text.English: {
		Title:    "The network forward and backward",
		Forward:  "forward: computes and keeps a1, z1, a2",
		Backward: "backward: reuses them, right to left",
		Pick:     func(tensor string) string { return "wiggle a parameter of " + tensor },
	},
	text.Japanese: {
		Title:    "ネットワークの順伝播と逆伝播",
		Forward:  "順伝播：a1, z1, a2 を計算して保存",
		Backward: "逆伝播：それらを右から左へ再利用",
		Pick:     func(tensor string) string { return tensor + " のパラメータを揺らす" },
	},
}

// diagramOps labels the arrows: over each forward one, under each
// backward one, and the weight gradients.
var diagramOps = struct {
	Ops, Back [4]string
	W1, W2    string
}{
	Ops:  [4]string{"·W1 + b1", "σ", "·W2 + b2", "softmax, −log"},
	Back: [4]string{"", "⊙ z1(1 − z1)", "·W2ᵀ", "(y − onehot)/B"},
	W1:   "∂L/∂W1 = xᵀ·∂L/∂a1",
	W2:   "∂L/∂W2 = z1ᵀ·∂L/∂a2",
}

// NetworkDiagram draws the network as its values in a row, x → a1 → z1 →
// a2 → L, with the forward arrows above and the backward arrows below.
// With Picked set, the names of the weights and biases over the forward
// arrows are links that pick a parameter of theirs for the Wiggle view
// (the first of the tensor), and Picked's stands out.
type NetworkDiagram struct {
	vecty.Core
	S, H, B int       `vecty:"prop"`
	Lang    text.Lang `vecty:"prop"`
	Picked  string    `vecty:"prop"` // the tensor of the Wiggle view's parameter; "" for a diagram that picks nothing
}

// The diagram's geometry, in viewBox units.
const (
	diagramW, diagramH = 640, 200
	nodeW, nodeH       = 70, 40
	nodeTop            = 40
	backY              = 100 // the backward arrows
)

// Render implements vecty.Component.
func (d *NetworkDiagram) Render() vecty.ComponentOrHTML {
	txt, ops := diagramText[d.Lang], diagramOps
	b, s, h := strconv.Itoa(d.B), strconv.Itoa(d.S), strconv.Itoa(d.H)
	nodes := []struct{ name, shape string }{
		{"x", b + "×" + s}, {"a1", b + "×" + h}, {"z1", b + "×" + h}, {"a2", b + "×2"}, {"L", "1"},
	}
	cx := func(i int) float64 { return 50 + 135*float64(i) }
	text := func(class string, x, y float64, t string) *vecty.HTML {
		return svg("text", attrs("class", class, "x", coord(x), "y", coord(y), "text-anchor", "middle"), vecty.Text(t))
	}
	role := "img"
	if d.Picked != "" {
		role = "group" // it holds links, which a picture may not
	}
	parts := []vecty.MarkupOrChild{
		vecty.Markup(vecty.Attribute("viewBox", "0 0 "+itoa(diagramW)+" "+itoa(diagramH)), vecty.Attribute("role", role),
			vecty.Attribute("aria-label", txt.Title), vecty.Class("diagram")),
		svg("title", vecty.Text(txt.Title)),
		svg("defs",
			arrowHead("arrow-forward", "forward"),
			arrowHead("arrow-backward", "backward"),
		),
	}
	for i, n := range nodes {
		x := cx(i)
		parts = append(parts,
			svg("rect", attrs("class", "node", "x", coord(x-nodeW/2), "y", coord(nodeTop), "width", itoa(nodeW), "height", itoa(nodeH), "rx", "6")),
			text("node-name", x, nodeTop+17, n.name),
			text("node-shape", x, nodeTop+32, n.shape),
		)
		if i == len(nodes)-1 {
			continue
		}
		l, r := x+nodeW/2, cx(i+1)-nodeW/2
		label := text("edge-label", (l+r)/2, nodeTop-8, ops.Ops[i])
		if d.Picked != "" {
			label = svg("text", attrs("class", "edge-label", "x", coord((l+r)/2), "y", coord(nodeTop-8), "text-anchor", "middle"),
				d.pickable(ops.Ops[i]))
		}
		parts = append(parts,
			svg("line", attrs("class", "edge forward", "x1", coord(l+2), "y1", coord(nodeTop+nodeH/2), "x2", coord(r-4), "y2", coord(nodeTop+nodeH/2),
				"marker-end", "url(#arrow-forward)")),
			label,
		)
		if i > 0 {
			parts = append(parts,
				svg("line", attrs("class", "edge backward", "x1", coord(cx(i+1)-8), "y1", coord(backY), "x2", coord(x+12), "y2", coord(backY),
					"marker-end", "url(#arrow-backward)")),
				text("edge-label backward", (l+r)/2, backY+16, ops.Back[i]),
			)
		}
	}
	parts = append(parts,
		// The weight gradients hang off the backward pass where it passes a1 and a2.
		text("grad-label", (cx(0)+cx(1))/2, backY+44, ops.W1),
		text("grad-label", (cx(2)+cx(3))/2, backY+44, ops.W2),
		svg("line", attrs("class", "edge forward", "x1", "20", "y1", coord(diagramH-16), "x2", "48", "y2", coord(diagramH-16), "marker-end", "url(#arrow-forward)")),
		svg("text", attrs("class", "edge-label", "x", "56", "y", coord(diagramH-12)), vecty.Text(txt.Forward)),
		svg("line", attrs("class", "edge backward", "x1", "348", "y1", coord(diagramH-16), "x2", "320", "y2", coord(diagramH-16), "marker-end", "url(#arrow-backward)")),
		svg("text", attrs("class", "edge-label", "x", "356", "y", coord(diagramH-12)), vecty.Text(txt.Backward)),
	)
	return svg("svg", parts...)
}

// pickable returns label with each tensor name in it (W1, b1, W2, b2) a
// link that picks the tensor's first parameter, Picked's marked.
func (d *NetworkDiagram) pickable(label string) vecty.List {
	var out vecty.List
	for label != "" {
		at, name := len(label), ""
		for _, t := range spec.TensorNames {
			if i := strings.Index(label, t); i >= 0 && i < at {
				at, name = i, t
			}
		}
		if at > 0 {
			out = append(out, svg("tspan", vecty.Text(label[:at])))
		}
		if name == "" {
			break
		}
		class := "pick"
		if name == d.Picked {
			class += " picked"
		}
		out = append(out, svg("a", vecty.Markup(attrs("href", "#", "class", class, "data-tensor", name, "aria-label", diagramText[d.Lang].Pick(name)),
			event.Click(d.onPick(name)).PreventDefault()), svg("tspan", vecty.Text(name))))
		label = label[at+len(name):]
	}
	return out
}

// onPick picks the first parameter of tensor name.
func (d *NetworkDiagram) onPick(name string) func(*vecty.Event) {
	return func(*vecty.Event) {
		k := spec.Config{Size: d.S, Hidden: d.H}.ParamOf(name, 0).K
		dispatcher.Dispatch(&action.Set{Key: "param", Value: strconv.Itoa(k)})
	}
}

// arrowHead returns the marker of an arrow's head, coloured by class.
func arrowHead(id, class string) *vecty.HTML {
	return svg("marker", attrs("id", id, "class", "arrow-head "+class, "viewBox", "0 0 10 10", "refX", "8", "refY", "5",
		"markerWidth", "7", "markerHeight", "7", "orient", "auto"),
		svg("path", attrs("d", "M0,0 L10,5 L0,10 z")))
}

// SkipRender skips the diagram while its shapes stay the same.
func (d *NetworkDiagram) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*NetworkDiagram)
	return ok && q.S == d.S && q.H == d.H && q.B == d.B && q.Lang == d.Lang && q.Picked == d.Picked
}
