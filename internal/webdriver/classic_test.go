package webdriver

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fakeDriver is a classic remote end that knows one session, "s1", with
// one element, "e1" for #run, and records every command it is sent.
type fakeDriver struct {
	mu   sync.Mutex
	sent []string // "METHOD /path body"
}

func (f *fakeDriver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.sent = append(f.sent, strings.TrimSpace(r.Method+" "+r.URL.Path+" "+string(body)))
	f.mu.Unlock()
	answer := func(status int, value string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, `{"value":`+value+`}`)
	}
	var params map[string]any
	json.Unmarshal(body, &params)
	switch r.Method + " " + r.URL.Path {
	case "GET /status":
		answer(200, `{"ready":true,"message":"ready"}`)
	case "POST /session":
		answer(200, `{"sessionId":"s1","capabilities":{"browserName":"MiniBrowser","browserVersion":"2.50.6"}}`)
	case "POST /session/s1/url", "POST /session/s1/element/e1/click", "DELETE /session/s1":
		answer(200, `null`)
	case "POST /session/s1/window/rect":
		answer(200, `{"x":0,"y":0,"width":390,"height":844}`)
	case "GET /session/s1/screenshot":
		answer(200, `"iVBORw0KGgo="`)
	case "POST /session/s1/execute/sync":
		if strings.Contains(params["script"].(string), "throw") {
			answer(500, `{"error":"javascript error","message":"Error: boom","stacktrace":""}`)
			return
		}
		answer(200, `{"sum":3}`)
	case "POST /session/s1/element":
		if params["value"] != "#run" {
			answer(404, `{"error":"no such element","message":"none","stacktrace":""}`)
			return
		}
		answer(200, `{"element-6066-11e4-a52e-4f735466cecf":"e1"}`)
	default:
		answer(404, `{"error":"unknown command","message":"`+r.URL.Path+`","stacktrace":""}`)
	}
}

func TestSession(t *testing.T) {
	fake := &fakeDriver{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	ctx := context.Background()

	if ok, msg, err := Ready(ctx, srv.URL); err != nil || !ok || msg != "ready" {
		t.Fatalf("Ready = %v, %q, %v; want true, ready", ok, msg, err)
	}
	s, err := NewSession(ctx, srv.URL+"/", map[string]any{"browserName": "MiniBrowser"})
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "s1" || s.Capabilities["browserVersion"] != "2.50.6" {
		t.Errorf("session %q with capabilities %v", s.ID, s.Capabilities)
	}
	if err := s.Navigate(ctx, "http://x/#a"); err != nil {
		t.Error(err)
	}
	v, err := s.Execute(ctx, "return {sum: arguments[0] + 2}", 1)
	if err != nil || string(v) != `{"sum":3}` {
		t.Errorf("Execute = %s, %v", v, err)
	}
	el, err := s.FindElement(ctx, "#run")
	if err != nil || el != "e1" {
		t.Errorf("FindElement = %q, %v", el, err)
	}
	if err := s.Click(ctx, el); err != nil {
		t.Error(err)
	}
	if err := s.SetWindowSize(ctx, 390, 844); err != nil {
		t.Error(err)
	}
	if png, err := s.Screenshot(ctx); err != nil || string(png) != "\x89PNG\r\n\x1a\n" {
		t.Errorf("Screenshot = %q, %v; want the PNG signature the fake sends", png, err)
	}
	if err := s.Delete(ctx); err != nil {
		t.Error(err)
	}

	want := []string{
		`GET /status`,
		`POST /session {"capabilities":{"alwaysMatch":{"browserName":"MiniBrowser"}}}`,
		`POST /session/s1/url {"url":"http://x/#a"}`,
		`POST /session/s1/execute/sync {"args":[1],"script":"return {sum: arguments[0] + 2}"}`,
		`POST /session/s1/element {"using":"css selector","value":"#run"}`,
		`POST /session/s1/element/e1/click {}`,
		`POST /session/s1/window/rect {"height":844,"width":390}`,
		`GET /session/s1/screenshot`,
		`DELETE /session/s1`,
	}
	if !slices.Equal(fake.sent, want) {
		t.Errorf("commands sent:\n%s\nwant:\n%s", strings.Join(fake.sent, "\n"), strings.Join(want, "\n"))
	}
}

func TestSessionErrors(t *testing.T) {
	srv := httptest.NewServer(&fakeDriver{})
	defer srv.Close()
	ctx := context.Background()
	s, err := NewSession(ctx, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	var e *Error
	if _, err := s.Execute(ctx, "throw new Error('boom')"); !errors.As(err, &e) || e.Code != JavaScriptError || e.Message != "Error: boom" {
		t.Errorf("a script that throws: %v, want a javascript error", err)
	}
	if _, err := s.FindElement(ctx, "#none"); !errors.As(err, &e) || e.Code != "no such element" {
		t.Errorf("a missing element: %v, want no such element", err)
	}
	if err := s.Do(ctx, http.MethodGet, "/nonsense", nil, nil); !errors.As(err, &e) || e.Code != "unknown command" {
		t.Errorf("an unknown command: %v, want unknown command", err)
	}

	// An answer that is not WebDriver's: a proxy's error page.
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bad gateway", http.StatusBadGateway)
	}))
	defer plain.Close()
	if _, err := NewSession(ctx, plain.URL, nil); err == nil || !strings.Contains(err.Error(), "502") {
		t.Errorf("a plain 502: %v, want an error naming the status", err)
	}
}
