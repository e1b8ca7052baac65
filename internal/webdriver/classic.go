package webdriver

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// elementKey is the key of a web element's reference in classic WebDriver.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// Session is a WebDriver classic session: one browser, started by the
// remote end (a driver such as WebKitWebDriver) for this session, with a
// current window that the commands act on.
type Session struct {
	ID           string
	Capabilities map[string]any // as the remote end matched them: browserName, browserVersion, …
	url          string         // the session's URL, <remote end>/session/<ID>
}

// Ready asks the remote end at base (such as "http://127.0.0.1:4444")
// whether it can create a session now, and returns its status message.
func Ready(ctx context.Context, base string) (bool, string, error) {
	var status struct {
		Ready   bool   `json:"ready"`
		Message string `json:"message"`
	}
	err := do(ctx, http.MethodGet, strings.TrimSuffix(base, "/")+"/status", nil, &status)
	return status.Ready, status.Message, err
}

// NewSession starts a session at the remote end base with the capabilities
// alwaysMatch (such as browserName and the driver's own browser options).
func NewSession(ctx context.Context, base string, alwaysMatch map[string]any) (*Session, error) {
	var created struct {
		SessionID    string         `json:"sessionId"`
		Capabilities map[string]any `json:"capabilities"`
	}
	body := map[string]any{"capabilities": map[string]any{"alwaysMatch": alwaysMatch}}
	base = strings.TrimSuffix(base, "/")
	if err := do(ctx, http.MethodPost, base+"/session", body, &created); err != nil {
		return nil, fmt.Errorf("creating a session at %s: %w", base, err)
	}
	if created.SessionID == "" {
		return nil, fmt.Errorf("creating a session at %s: the answer has no sessionId", base)
	}
	return &Session{ID: created.SessionID, Capabilities: created.Capabilities, url: base + "/session/" + created.SessionID}, nil
}

// Do sends the command method path (relative to the session, such as
// "/url") with body as its JSON parameters and decodes the answer's value
// into result, unless result is nil. A nil body sends no parameters, or
// {} for a POST, which needs an object.
func (s *Session) Do(ctx context.Context, method, path string, body, result any) error {
	if body == nil && method == http.MethodPost {
		body = struct{}{}
	}
	return do(ctx, method, s.url+path, body, result)
}

// Navigate loads url in the current window and waits for it to load.
func (s *Session) Navigate(ctx context.Context, url string) error {
	return s.Do(ctx, http.MethodPost, "/url", map[string]string{"url": url}, nil)
}

// Execute runs script, the body of a function called with args, in the
// current window's page and returns what it returns, as JSON. A script
// that throws returns an *Error with code JavaScriptError.
func (s *Session) Execute(ctx context.Context, script string, args ...any) (json.RawMessage, error) {
	if args == nil {
		args = []any{}
	}
	var v json.RawMessage
	err := s.Do(ctx, http.MethodPost, "/execute/sync", map[string]any{"script": script, "args": args}, &v)
	return v, err
}

// FindElement returns the reference of the first element that matches the
// CSS selector, or an *Error with code "no such element".
func (s *Session) FindElement(ctx context.Context, selector string) (string, error) {
	var ref map[string]string
	if err := s.Do(ctx, http.MethodPost, "/element", map[string]string{"using": "css selector", "value": selector}, &ref); err != nil {
		return "", err
	}
	if ref[elementKey] == "" {
		return "", fmt.Errorf("finding %s: the answer holds no element reference", selector)
	}
	return ref[elementKey], nil
}

// Click scrolls the element into view and clicks its centre with the
// mouse, as a user would.
func (s *Session) Click(ctx context.Context, element string) error {
	return s.Do(ctx, http.MethodPost, "/element/"+element+"/click", nil, nil)
}

// SetWindowSize sets the size of the current window, in CSS pixels, as
// far as the window manager allows; the page's viewport is what the
// window's frame and bars leave of it.
func (s *Session) SetWindowSize(ctx context.Context, width, height int) error {
	return s.Do(ctx, http.MethodPost, "/window/rect", map[string]int{"width": width, "height": height}, nil)
}

// Screenshot returns a PNG of the current window's viewport.
func (s *Session) Screenshot(ctx context.Context) ([]byte, error) {
	var b64 string
	if err := s.Do(ctx, http.MethodGet, "/screenshot", nil, &b64); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(b64)
}

// Delete ends the session; the remote end closes its browser.
func (s *Session) Delete(ctx context.Context) error {
	return s.Do(ctx, http.MethodDelete, "", nil, nil)
}

// do sends one command to url and decodes its answer's value into result.
// WebDriver classic answers {"value": …}, and on failure {"value": {"error":
// code, "message": …}} with a 4xx or 5xx status.
func do(ctx context.Context, method, url string, body, result any) error {
	var in io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		in = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, in)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s %s: reading the answer: %w", method, url, err)
	}
	var answer struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return fmt.Errorf("%s %s: status %s, not a WebDriver answer: %.200q", method, url, resp.Status, raw)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		if json.Unmarshal(answer.Value, &e) != nil || e.Error == "" {
			return fmt.Errorf("%s %s: status %s: %.200q", method, url, resp.Status, raw)
		}
		return &Error{Code: e.Error, Message: e.Message}
	}
	if result == nil {
		return nil
	}
	if err := json.Unmarshal(answer.Value, result); err != nil {
		return fmt.Errorf("%s %s: decoding the value %.200q: %w", method, url, answer.Value, err)
	}
	return nil
}
