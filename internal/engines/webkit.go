package engines

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	"bibun/internal/webdriver"
)

// WebKit is WebKitGTK's MiniBrowser ($MINIBROWSER, else the one Debian's
// libwebkit2gtk installs), driven over WebDriver classic by
// WebKitWebDriver ($WEBKIT_WEBDRIVER, else WebKitWebDriver in PATH); under
// xvfb-run when there is no $DISPLAY, since MiniBrowser needs a display.
var WebKit = Engine{
	Name:     "webkit",
	Packages: "webkit2gtk-driver xvfb",
	find: func() ([]string, string) {
		driver, missing := fromEnv("WEBKIT_WEBDRIVER", "WebKitWebDriver")
		if missing != "" {
			return nil, missing
		}
		mini := os.Getenv("MINIBROWSER")
		if mini == "" {
			mini = glob("/usr/lib/*/webkit2gtk-*/MiniBrowser", "/usr/libexec/webkit2gtk-*/MiniBrowser")
		}
		if mini == "" {
			return nil, "found no MiniBrowser under /usr/lib/*/webkit2gtk-*/ (or set MINIBROWSER)"
		}
		if os.Getenv("DISPLAY") != "" {
			return []string{driver, mini}, ""
		}
		xvfb, tried := lookPath("xvfb-run")
		if xvfb == "" {
			return nil, "no $DISPLAY, and found no " + tried + " to make one"
		}
		return []string{driver, mini, xvfb}, ""
	},
	launch: launchWebKit,
}

// webkit is a WebKitWebDriver and its session: one MiniBrowser with one
// window, which every tab uses in turn. (MiniBrowser opens a new window as
// a hidden tab, where a click does nothing and no frame is drawn.)
type webkit struct {
	proc    *process
	session *webdriver.Session
	version string

	mu   sync.Mutex
	lost error // the first answer that said the session is gone, if any
}

// errDriverExited is the error of a WebKitWebDriver that exited before it
// was ready: most often another program took its port, or xvfb-run's
// display, in the moment between choosing and using it.
var errDriverExited = errors.New("WebKitWebDriver exited")

// launchWebKit starts WebKitWebDriver on a free port (under xvfb-run when
// exes holds it), waits until it is ready and starts a session. It tries
// three times when the driver exits before it is ready.
func launchWebKit(ctx context.Context, exes []string) (Browser, error) {
	var err error
	for range 3 {
		var b Browser
		if b, err = startWebKit(ctx, exes); !errors.Is(err, errDriverExited) {
			return b, err
		}
	}
	return nil, err
}

// startWebKit is one try of launchWebKit.
func startWebKit(ctx context.Context, exes []string) (Browser, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	name, args := exes[0], []string{"--port=" + strconv.Itoa(port)}
	if len(exes) > 2 {
		name, args = exes[2], append([]string{"-a", "-s", "-screen 0 1400x1800x24", exes[0]}, args...)
	}
	p, err := start(name, args...)
	if err != nil {
		return nil, err
	}
	b := &webkit{proc: p}
	if err := b.connect(ctx, "http://127.0.0.1:"+strconv.Itoa(port), exes[1]); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// connect waits until the driver at base is ready, then starts a session
// with MiniBrowser at mini.
func (b *webkit) connect(ctx context.Context, base, mini string) error {
	for {
		ready, _, err := webdriver.Ready(ctx, base)
		if err == nil && ready {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for WebKitWebDriver at %s: %w (last: %v); it wrote:\n%s", base, ctx.Err(), err, b.proc.out)
		case <-b.proc.exited:
			return fmt.Errorf("%w (%v); it wrote:\n%s", errDriverExited, b.proc.err, b.proc.out)
		case <-time.After(100 * time.Millisecond):
		}
	}
	s, err := webdriver.NewSession(ctx, base, map[string]any{
		"browserName": "MiniBrowser",
		"webkitgtk:browserOptions": map[string]any{
			"binary": mini,
			"args":   []string{"--automation"},
		},
	})
	if err != nil {
		return fmt.Errorf("%w; WebKitWebDriver wrote:\n%s", err, b.proc.out)
	}
	b.session = s
	b.version = fmt.Sprintf("WebKitGTK %v (MiniBrowser)", s.Capabilities["browserVersion"])
	return nil
}

// freePort returns a TCP port free on the loopback interface just now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (b *webkit) Version() string { return b.version }

// Gone: the driver has exited, or answered that the session (and so
// MiniBrowser) is gone.
func (b *webkit) Gone() error {
	if err := b.proc.gone(); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.lost != nil {
		return fmt.Errorf("%w: %v; WebKitWebDriver wrote:\n%s", ErrGone, b.lost, b.proc.out.last(goneQuote))
	}
	return nil
}

// sessionGone lists the error codes with which WebDriver answers a
// command to a session whose browser has ended.
var sessionGone = []string{"invalid session id", "no such window"}

// check returns err, or, when err or the driver says that the browser has
// ended, Gone's error quoting err.
func (b *webkit) check(err error) error {
	if err == nil {
		return nil
	}
	var we *webdriver.Error
	if errors.As(err, &we) && slices.Contains(sessionGone, we.Code) {
		b.mu.Lock()
		if b.lost == nil {
			b.lost = err
		}
		b.mu.Unlock()
	}
	return orGone(b, err)
}

// Open empties the window (about:blank), which ends the page before and
// its workers, and returns it as a new tab.
func (b *webkit) Open(ctx context.Context) (Page, error) {
	if err := b.check(b.session.Navigate(ctx, "about:blank")); err != nil {
		return nil, fmt.Errorf("emptying the window: %w", err)
	}
	return &webkitTab{b: b, s: b.session}, nil
}

// Close ends the session, which closes MiniBrowser, then ends the driver
// (and Xvfb).
func (b *webkit) Close() {
	if b.session != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		b.session.Delete(ctx)
		cancel()
	}
	b.proc.stop(10 * time.Second)
}

// webkitTab is MiniBrowser's window, from an Open to the next.
type webkitTab struct {
	b *webkit
	s *webdriver.Session
}

func (t *webkitTab) Navigate(ctx context.Context, url string) error {
	if err := t.b.check(t.s.Navigate(ctx, url)); err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return nil
}

func (t *webkitTab) Resize(ctx context.Context, width, height int) error {
	return t.b.check(t.s.SetWindowSize(ctx, width, height))
}

func (t *webkitTab) Screenshot(ctx context.Context) ([]byte, error) {
	png, err := t.s.Screenshot(ctx)
	return png, t.b.check(err)
}

// Print fails with ErrNoPrint: WebKitWebDriver answers WebDriver's print
// command with "unknown command".
func (t *webkitTab) Print(context.Context) ([]byte, error) { return nil, ErrNoPrint }

func (t *webkitTab) EvalString(ctx context.Context, expression string) (string, error) {
	raw, err := t.s.Execute(ctx, `return (`+expression+`);`)
	if err = t.b.check(err); err != nil {
		return "", fmt.Errorf("evaluating %.80s: %w", expression, err)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("evaluating %.80s: %s, not a string", expression, raw)
	}
	return s, nil
}

// Click clicks the element's centre, scrolled into view.
func (t *webkitTab) Click(ctx context.Context, id string) error {
	el, err := t.s.FindElement(ctx, `[data-testid=`+id+`]`)
	if err == nil {
		err = t.s.Click(ctx, el)
	}
	if err = t.b.check(err); err != nil {
		return fmt.Errorf("clicking [data-testid=%s]: %w", id, err)
	}
	return nil
}

// Errors: WebDriver classic has no console, and WebKitGTK's driver serves
// no BiDi; a failing worker still shows in the page's status.
func (t *webkitTab) Errors() ([]string, bool) { return nil, false }

// Close empties the window, ending the page and its workers.
func (t *webkitTab) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	t.s.Navigate(ctx, "about:blank")
}
