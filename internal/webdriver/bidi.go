package webdriver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/coder/websocket"
)

// Conn is a WebDriver BiDi connection: commands, each answered by the
// message with its id, and events, handed to the handlers set with On.
type Conn struct {
	ws *websocket.Conn

	mu       sync.Mutex
	nextID   int64
	pending  map[int64]chan<- message // commands sent and not yet answered
	handlers map[string]func(params json.RawMessage)
	err      error         // why the connection ended; set before done closes
	done     chan struct{} // closed when the reader stops
}

// message is any message from the remote end: a command's answer (type
// success or error, with its id), or an event (type event).
type message struct {
	Type    string          `json:"type"`
	ID      *int64          `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
}

// maxMessage bounds one message from the remote end; a browsing context
// tree or a script's value is far smaller.
const maxMessage = 64 << 20

// Dial connects to the BiDi endpoint at url, such as
// ws://127.0.0.1:9222/session for Firefox started with
// --remote-debugging-port.
func Dial(ctx context.Context, url string) (*Conn, error) {
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", url, err)
	}
	ws.SetReadLimit(maxMessage)
	c := &Conn{
		ws:       ws,
		pending:  make(map[int64]chan<- message),
		handlers: make(map[string]func(json.RawMessage)),
		done:     make(chan struct{}),
	}
	go c.read()
	return c, nil
}

// On sets handle to be called with the parameters of every event method
// (such as "log.entryAdded") that arrives, in order, replacing any handler
// set before. Events arrive only once the session subscribes to them
// (session.subscribe). Handlers run on the connection's reader: they must
// return quickly and not call Call.
func (c *Conn) On(method string, handle func(params json.RawMessage)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.handlers[method] = handle
}

// Call sends the command method with params and decodes its result into
// result, unless result is nil. It fails with an *Error when the remote end
// answers with an error, and when ctx ends or the connection closes first.
func (c *Conn) Call(ctx context.Context, method string, params, result any) error {
	if params == nil {
		params = struct{}{}
	}
	answer := make(chan message, 1)
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return fmt.Errorf("%s: %w", method, c.err)
	}
	c.nextID++
	id := c.nextID
	c.pending[id] = answer
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()

	cmd, err := json.Marshal(struct {
		ID     int64  `json:"id"`
		Method string `json:"method"`
		Params any    `json:"params"`
	}{id, method, params})
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	if err := c.ws.Write(ctx, websocket.MessageText, cmd); err != nil {
		return fmt.Errorf("%s: sending: %w", method, err)
	}
	select {
	case m := <-answer:
		if m.Type == "error" {
			return &Error{Code: m.Error, Message: m.Message}
		}
		if result == nil {
			return nil
		}
		if err := json.Unmarshal(m.Result, result); err != nil {
			return fmt.Errorf("%s: decoding the result %.200q: %w", method, m.Result, err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	case <-c.done:
		return fmt.Errorf("%s: %w", method, c.err)
	}
}

// read hands every message to the command it answers or to its event's
// handler, until the connection ends.
func (c *Conn) read() {
	var err error
	for {
		var raw []byte
		_, raw, err = c.ws.Read(context.Background())
		if err != nil {
			break
		}
		var m message
		if err = json.Unmarshal(raw, &m); err != nil {
			err = fmt.Errorf("not a BiDi message: %.200q", raw)
			break
		}
		c.mu.Lock()
		switch {
		case m.Type == "event":
			if handle := c.handlers[m.Method]; handle != nil {
				c.mu.Unlock()
				handle(m.Params)
				continue
			}
		case m.ID != nil && c.pending[*m.ID] != nil:
			c.pending[*m.ID] <- m
		}
		c.mu.Unlock()
	}
	c.ws.CloseNow()
	c.mu.Lock()
	if errors.Is(err, context.Canceled) || websocket.CloseStatus(err) != -1 {
		err = errors.New("the BiDi connection closed")
	}
	c.err = err
	c.mu.Unlock()
	close(c.done)
}

// Close closes the connection; commands still waiting fail.
func (c *Conn) Close() error {
	err := c.ws.Close(websocket.StatusNormalClosure, "")
	<-c.done
	return err
}

// Done is closed when the connection has ended, by Close or by the remote
// end (a browser that quit).
func (c *Conn) Done() <-chan struct{} { return c.done }
