package webdriver

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// fakeBiDi is a BiDi remote end. It answers session.new and
// script.evaluate (an exception when the expression says throw), logs an
// error to the console before answering log.me, never answers hang, quits
// on browser.close, and answers anything else with unknown command.
func fakeBiDi(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			t.Error(err)
			return
		}
		defer ws.CloseNow()
		ctx := r.Context()
		send := func(s string) { ws.Write(ctx, websocket.MessageText, []byte(s)) }
		for {
			_, raw, err := ws.Read(ctx)
			if err != nil {
				return
			}
			var cmd struct {
				ID     int64           `json:"id"`
				Method string          `json:"method"`
				Params json.RawMessage `json:"params"`
			}
			if err := json.Unmarshal(raw, &cmd); err != nil {
				t.Errorf("not a command: %s", raw)
				return
			}
			id, _ := json.Marshal(cmd.ID)
			switch cmd.Method {
			case "session.new":
				send(`{"type":"success","id":` + string(id) + `,"result":{"sessionId":"x","capabilities":{"browserName":"firefox","browserVersion":"153.8.0"}}}`)
			case "script.evaluate":
				if strings.Contains(string(cmd.Params), "throw") {
					send(`{"type":"success","id":` + string(id) + `,"result":{"type":"exception","realm":"r","exceptionDetails":{"text":"Error: boom","lineNumber":0}}}`)
					continue
				}
				send(`{"type":"success","id":` + string(id) + `,"result":{"type":"success","realm":"r","result":{"type":"string","value":"[1,2]"}}}`)
			case "browsingContext.setViewport":
				if !strings.Contains(string(cmd.Params), `"viewport":{"height":844,"width":390}`) {
					t.Errorf("setViewport with %s", cmd.Params)
				}
				send(`{"type":"success","id":` + string(id) + `,"result":{}}`)
			case "browsingContext.print":
				if !strings.Contains(string(cmd.Params), `"page":{"height":29.7,"width":21}`) {
					t.Errorf("print with %s", cmd.Params)
				}
				send(`{"type":"success","id":` + string(id) + `,"result":{"data":"JVBERi0xLjc="}}`)
			case "browsingContext.captureScreenshot":
				send(`{"type":"success","id":` + string(id) + `,"result":{"data":"iVBORw0KGgo="}}`)
			case "log.me":
				send(`{"type":"event","method":"log.entryAdded","params":{"type":"javascript","level":"error","text":"TypeError: x","source":{"realm":"r"},"stackTrace":{"callFrames":[{"url":"/app.js","lineNumber":9}]}}}`)
				send(`{"type":"success","id":` + string(id) + `,"result":{}}`)
			case "hang":
			case "browser.close":
				send(`{"type":"success","id":` + string(id) + `,"result":{}}`)
				ws.Close(websocket.StatusNormalClosure, "")
				return
			default:
				send(`{"type":"error","id":` + string(id) + `,"error":"unknown command","message":"` + cmd.Method + `","stacktrace":""}`)
			}
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}

func TestConn(t *testing.T) {
	ctx := context.Background()
	c, err := Dial(ctx, fakeBiDi(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	caps, err := c.NewSession(ctx)
	if err != nil || caps["browserVersion"] != "153.8.0" {
		t.Errorf("NewSession = %v, %v", caps, err)
	}
	v, err := c.Evaluate(ctx, "bc", "JSON.stringify([1, 2])")
	if err != nil {
		t.Fatal(err)
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); v.Type != "string" || err != nil || s != "[1,2]" {
		t.Errorf("Evaluate = %+v, want the string [1,2]", v)
	}

	if err := c.SetViewport(ctx, "bc", 390, 844); err != nil {
		t.Error(err)
	}
	if png, err := c.Screenshot(ctx, "bc"); err != nil || string(png) != "\x89PNG\r\n\x1a\n" {
		t.Errorf("Screenshot = %q, %v; want the PNG signature the fake sends", png, err)
	}

	if pdf, err := c.Print(ctx, "bc"); err != nil || string(pdf) != "%PDF-1.7" {
		t.Errorf("Print = %q, %v; want the PDF header the fake sends", pdf, err)
	}

	var e *Error
	if _, err := c.Evaluate(ctx, "bc", "throw new Error('boom')"); !errors.As(err, &e) || e.Code != JavaScriptError || e.Message != "Error: boom" {
		t.Errorf("an expression that throws: %v, want a javascript error", err)
	}
	if err := c.Call(ctx, "no.such", nil, nil); !errors.As(err, &e) || e.Code != "unknown command" {
		t.Errorf("an unknown command: %v, want unknown command", err)
	}

	// An event reaches its handler before the answer that follows it.
	var mu sync.Mutex
	var logged []string
	c.On("log.entryAdded", func(params json.RawMessage) {
		var entry LogEntry
		json.Unmarshal(params, &entry)
		mu.Lock()
		logged = append(logged, entry.String())
		mu.Unlock()
	})
	if err := c.Call(ctx, "log.me", nil, nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	if want := "javascript error: TypeError: x (/app.js:10)"; len(logged) != 1 || logged[0] != want {
		t.Errorf("logged %q, want %q", logged, want)
	}
	mu.Unlock()

	// A command never answered fails when its context ends.
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := c.Call(short, "hang", nil, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("an unanswered command: %v, want the deadline exceeded", err)
	}

	// The browser quits: the connection ends, and later commands fail.
	if err := c.CloseBrowser(ctx); err != nil {
		t.Error(err)
	}
	select {
	case <-c.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the connection did not end when the remote end closed it")
	}
	if err := c.Call(ctx, "session.status", nil, nil); err == nil {
		t.Error("a command after the browser quit: no error")
	}
}
