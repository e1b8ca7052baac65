package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
)

// MetricsHead names the columns of the metrics table.
type MetricsHead struct {
	vecty.Core
}

// Render implements vecty.Component.
func (*MetricsHead) Render() vecty.ComponentOrHTML {
	th := func(text, title string) *vecty.HTML {
		return elem.TableHeader(vecty.Markup(vecty.Attribute("scope", "col"), vecty.Attribute("title", title)), vecty.Text(text))
	}
	return elem.TableHead(elem.TableRow(
		th("step", "steps taken"),
		th("loss", "mean cross-entropy on the step's batch, after the update"),
		th("train acc", "accuracy on the whole training set"),
		th("test acc", "accuracy on the whole test set"),
		th("loss evals", "times the gradient evaluated the batch loss"),
		th("gradient time", "wall-clock time of the step's gradient"),
	))
}

// SkipRender keeps the head as first rendered: it never changes.
func (*MetricsHead) SkipRender(vecty.Component) bool { return true }
