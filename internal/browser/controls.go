package browser

import (
	"fmt"
	"math"
	"strconv"
)

// The controls are named by their link keys: input[name=lr],
// select[name=grad]. A slider with data-scale="log10" holds the exponent of
// its setting (lr 0.1 is the position -1).

// controlExpr returns the expression of the input or select named name.
func ControlExpr(name string) string {
	q := Quote(name)
	return `document.querySelector('input[name=' + CSS.escape(` + q + `) + '], select[name=' + CSS.escape(` + q + `) + ']')`
}

// Control returns the value of the control named name; it fails if the page
// has no such control.
func (t *Tab) Control(name string) (string, error) {
	v, err := Eval[*string](t, ControlExpr(name)+`?.value ?? null`)
	if err != nil {
		return "", fmt.Errorf("reading control %s: %w", name, err)
	}
	if v == nil {
		return "", fmt.Errorf("the page has no input or select named %s", name)
	}
	return *v, nil
}

// SetControl sets the control named name to value as a user would, firing
// input then change, and returns the value it holds afterwards (an input
// may clamp or round it).
func (t *Tab) SetControl(name, value string) (string, error) {
	got, err := Eval[string](t, `(() => {
		const el = `+ControlExpr(name)+`;
		if (!el) throw new Error('no input or select named ' + `+Quote(name)+`);
		// The prototype's setter, as a framework-agnostic user agent would.
		Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, `+Quote(value)+`);
		el.dispatchEvent(new Event('input', {bubbles: true}));
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return el.value;
	})()`)
	if err != nil {
		return "", fmt.Errorf("setting control %s to %q: %w", name, value, err)
	}
	return got, nil
}

// logScaled reports whether the control named name is a log10 slider.
func (t *Tab) logScaled(name string) (bool, error) {
	return Eval[bool](t, ControlExpr(name)+`?.dataset.scale === "log10"`)
}

// Param returns the link value that the control named name shows: its
// value, or for a log10 slider 10 to its position, written as the link
// writes numbers.
func (t *Tab) Param(name string) (string, error) {
	v, err := t.Control(name)
	if err != nil {
		return "", err
	}
	if log, err := t.logScaled(name); err != nil || !log {
		return v, err
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return "", fmt.Errorf("log10 slider %s holds %q, not a number", name, v)
	}
	return roundFormat(math.Pow(10, x)), nil
}

// SetParam moves the control named name to the link value value, through
// SetControl: for a log10 slider, to the position log10(value).
func (t *Tab) SetParam(name, value string) error {
	raw := value
	if log, err := t.logScaled(name); err != nil {
		return err
	} else if log {
		x, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf("setting %s: %q is not a number", name, value)
		}
		raw = roundFormat(math.Log10(x))
	}
	_, err := t.SetControl(name, raw)
	return err
}

// roundFormat formats x as strconv.FormatFloat(x, 'g', -1, 64) does, after
// rounding away the last bits that a power of ten picks up (1e-4, not
// 0.00010000000000000009).
func roundFormat(x float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	return strconv.FormatFloat(r, 'g', -1, 64)
}
