package browser

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The teaching views: [data-testid=gradcheck], [data-testid=hsweep] and
// [data-testid=cost], each with a data-state (done when it has its
// figures) and a button (check-gradient, sweep-h, measure-cost); the
// charts' circles carry their figures in data attributes.

// WaitDone waits until the view [data-testid=id] has data-state done and,
// when step ≥ 0, data-step step, for at most timeout. It fails at once when
// the view's state is error, quoting its section.
func (t *Tab) WaitDone(id string, step int, timeout time.Duration) error {
	el := Element(id)
	done := el + `?.dataset.state === "done"`
	if step >= 0 {
		done += ` && ` + el + `.dataset.step === "` + strconv.Itoa(step) + `"`
	}
	failed := el + `?.dataset.state === "error"`
	if err := t.WaitTrue(done+` || `+failed, timeout, "[data-testid="+id+"] to be done"); err != nil {
		s, _ := Eval[string](t, el+`?.dataset.state ?? "absent"`)
		return fmt.Errorf("%w; it is %q", err, s)
	}
	if bad, err := Eval[bool](t, failed); err != nil || !bad {
		return err
	}
	why, _ := Eval[string](t, el+`.closest('section')?.textContent ?? ""`)
	return fmt.Errorf("[data-testid=%s] failed: %q", id, why)
}

// Point is a point of a chart: the data attributes of one of its circles,
// by name without "data-".
type Point map[string]string

// Float returns attribute key of p as a number.
func (p Point) Float(key string) (float64, error) {
	x, err := strconv.ParseFloat(p[key], 64)
	if err != nil {
		return 0, fmt.Errorf("point %v: data-%s is not a number", p, key)
	}
	return x, nil
}

// Points returns the points of the chart [data-testid=id], in page order.
func (t *Tab) Points(id string) ([]Point, error) {
	raw, err := Eval[string](t, `JSON.stringify([...`+Element(id)+`?.querySelectorAll('circle') ?? []].map(c => ({...c.dataset})))`)
	if err != nil {
		return nil, err
	}
	var ps []Point
	if err := json.Unmarshal([]byte(raw), &ps); err != nil {
		return nil, fmt.Errorf("reading the points of %s: %w", id, err)
	}
	return ps, nil
}

// Series is one method's points of the cost chart: the parameter count P
// of each network and the time of its gradient in ms, in order of P.
type Series struct{ P, Ms []float64 }

// Cost returns the points of the cost chart ([data-testid=cost]) by method
// (data-method), and the slope its legend shows for each method
// (data-slope-<method> on the chart, as written; "" when absent). It fails
// if a point's data-params or data-ms is not a positive finite number,
// which a log-log chart cannot place.
func (t *Tab) Cost() (map[string]Series, map[string]string, error) {
	ps, err := t.Points("cost")
	if err != nil {
		return nil, nil, err
	}
	shown, err := Eval[map[string]string](t, `({...`+Element("cost")+`?.dataset})`)
	if err != nil {
		return nil, nil, err
	}
	return costSeries(ps, shown)
}

// costSeries groups the cost chart's points ps by method, in order of P,
// and picks each method's slope from the chart's data attributes shown.
func costSeries(ps []Point, shown map[string]string) (map[string]Series, map[string]string, error) {
	type point struct {
		method string
		p, ms  float64
	}
	var pts []point
	for _, p := range ps {
		x, err := p.Float("params")
		if err != nil {
			return nil, nil, err
		}
		y, err := p.Float("ms")
		if err != nil {
			return nil, nil, err
		}
		if !(x > 0 && y > 0) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			return nil, nil, fmt.Errorf("cost point %v: P and ms must be positive finite numbers", p)
		}
		pts = append(pts, point{p["method"], x, y})
	}
	// The view measures the largest networks first.
	slices.SortStableFunc(pts, func(a, b point) int { return cmp.Compare(a.p, b.p) })
	series := make(map[string]Series)
	slopes := make(map[string]string)
	for _, pt := range pts {
		s := series[pt.method]
		s.P, s.Ms = append(s.P, pt.p), append(s.Ms, pt.ms)
		series[pt.method] = s
		if m := pt.method; m != "" {
			slopes[m] = shown["slope"+strings.ToUpper(m[:1])+m[1:]] // data-slope-numerical is dataset.slopeNumerical
		}
	}
	return series, slopes, nil
}
