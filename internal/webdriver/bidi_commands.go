package webdriver

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// The BiDi commands the tests send, each a thin wrapper over Conn.Call; a
// browsing context is a tab or a frame, named by its id.

// NewSession starts the connection's session (session.new) and returns the
// capabilities the browser matched: browserName, browserVersion, ….
func (c *Conn) NewSession(ctx context.Context) (map[string]any, error) {
	var created struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	err := c.Call(ctx, "session.new", map[string]any{"capabilities": map[string]any{}}, &created)
	return created.Capabilities, err
}

// Subscribe asks for events (such as "log.entryAdded") from every browsing
// context; On sets what handles them.
func (c *Conn) Subscribe(ctx context.Context, events ...string) error {
	return c.Call(ctx, "session.subscribe", map[string]any{"events": events}, nil)
}

// CreateTab opens a new tab in the background and returns its browsing
// context.
func (c *Conn) CreateTab(ctx context.Context) (string, error) {
	var created struct {
		Context string `json:"context"`
	}
	err := c.Call(ctx, "browsingContext.create", map[string]any{"type": "tab"}, &created)
	return created.Context, err
}

// CloseContext closes the tab whose browsing context is bc.
func (c *Conn) CloseContext(ctx context.Context, bc string) error {
	return c.Call(ctx, "browsingContext.close", map[string]any{"context": bc}, nil)
}

// Navigate loads url in the browsing context bc and waits for its load
// event.
func (c *Conn) Navigate(ctx context.Context, bc, url string) error {
	return c.Call(ctx, "browsingContext.navigate", map[string]any{"context": bc, "url": url, "wait": "complete"}, nil)
}

// SetViewport sets the viewport of the tab bc to width × height CSS
// pixels.
func (c *Conn) SetViewport(ctx context.Context, bc string, width, height int) error {
	return c.Call(ctx, "browsingContext.setViewport", map[string]any{
		"context": bc, "viewport": map[string]int{"width": width, "height": height},
	}, nil)
}

// Screenshot returns a PNG of what the tab bc shows in its viewport.
func (c *Conn) Screenshot(ctx context.Context, bc string) ([]byte, error) {
	var shot struct {
		Data string `json:"data"`
	}
	if err := c.Call(ctx, "browsingContext.captureScreenshot", map[string]any{"context": bc}, &shot); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(shot.Data)
}

// Print prints the tab bc as the browser's print dialog would on A4
// paper, backgrounds included, and returns the PDF.
func (c *Conn) Print(ctx context.Context, bc string) ([]byte, error) {
	var pdf struct {
		Data string `json:"data"`
	}
	if err := c.Call(ctx, "browsingContext.print", map[string]any{
		"context": bc, "background": true, "page": a4,
	}, &pdf); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(pdf.Data)
}

// a4 is the paper Print asks for, in centimetres, as BiDi writes it.
var a4 = map[string]float64{"width": 21.0, "height": 29.7}

// RemoteValue is a script's value as BiDi serializes it: its type
// ("string", "number", "node", …), its value for a primitive, and the
// shared id by which later commands can name a node.
type RemoteValue struct {
	Type     string          `json:"type"`
	Value    json.RawMessage `json:"value"`
	SharedID string          `json:"sharedId"`
}

// Evaluate evaluates the JavaScript expression in the page of the browsing
// context bc, awaiting it if it is a promise. An expression that throws
// returns an *Error with code JavaScriptError and the exception's text.
func (c *Conn) Evaluate(ctx context.Context, bc, expression string) (RemoteValue, error) {
	var answer struct {
		Type      string      `json:"type"` // success or exception
		Result    RemoteValue `json:"result"`
		Exception struct {
			Text       string `json:"text"`
			LineNumber int    `json:"lineNumber"`
		} `json:"exceptionDetails"`
	}
	err := c.Call(ctx, "script.evaluate", map[string]any{
		"expression":      expression,
		"target":          map[string]string{"context": bc},
		"awaitPromise":    true,
		"resultOwnership": "none",
	}, &answer)
	if err != nil {
		return RemoteValue{}, err
	}
	if answer.Type == "exception" {
		return RemoteValue{}, &Error{Code: JavaScriptError, Message: answer.Exception.Text}
	}
	return answer.Result, nil
}

// Click moves the mouse to the centre of the node sharedID in the browsing
// context bc and presses and releases its main button, as a user would. The
// node must be in view.
func (c *Conn) Click(ctx context.Context, bc, sharedID string) error {
	origin := map[string]any{"type": "element", "element": map[string]string{"sharedId": sharedID}}
	return c.Call(ctx, "input.performActions", map[string]any{
		"context": bc,
		"actions": []any{map[string]any{
			"type":       "pointer",
			"id":         "mouse",
			"parameters": map[string]string{"pointerType": "mouse"},
			"actions": []any{
				map[string]any{"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
				map[string]any{"type": "pointerDown", "button": 0},
				map[string]any{"type": "pointerUp", "button": 0},
			},
		}},
	}, nil)
}

// CloseBrowser asks the browser to close every window and quit
// (browser.close); the connection ends with it.
func (c *Conn) CloseBrowser(ctx context.Context) error {
	return c.Call(ctx, "browser.close", nil, nil)
}

// LogEntry is the parameters of a log.entryAdded event: a console call
// (type "console", with its method) or an uncaught exception (type
// "javascript"), of level "debug", "info", "warn" or "error".
type LogEntry struct {
	Type   string `json:"type"`
	Level  string `json:"level"`
	Method string `json:"method"`
	Text   string `json:"text"`
	Source struct {
		Context string `json:"context"` // the browsing context; absent for a worker
	} `json:"source"`
	StackTrace struct {
		CallFrames []struct {
			URL        string `json:"url"`
			LineNumber int    `json:"lineNumber"`
		} `json:"callFrames"`
	} `json:"stackTrace"`
}

// String returns the entry as one line: its type, level and text, and
// where it came from when that is known.
func (e LogEntry) String() string {
	s := fmt.Sprintf("%s %s: %s", e.Type, e.Level, e.Text)
	if fs := e.StackTrace.CallFrames; len(fs) > 0 {
		s += fmt.Sprintf(" (%s:%d)", fs[0].URL, fs[0].LineNumber+1)
	}
	return s
}
