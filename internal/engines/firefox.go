package engines

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sync"
	"time"

	"bibun/internal/browser"
	"bibun/internal/webdriver"
)

// Firefox is Debian's firefox-esr ($FIREFOX, else firefox-esr or firefox
// in PATH), driven over WebDriver BiDi by its own remote agent.
var Firefox = Engine{
	Name:     "firefox",
	Packages: "firefox-esr",
	find: func() ([]string, string) {
		exe, missing := fromEnv("FIREFOX", "firefox-esr", "firefox")
		return []string{exe}, missing
	},
	launch: launchFirefox,
}

// listening is what Firefox writes once its remote agent serves BiDi.
var listening = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

// firefox is a Firefox and its BiDi session, which every tab shares.
type firefox struct {
	proc    *process
	conn    *webdriver.Conn
	profile string
	version string

	mu  sync.Mutex
	log []webdriver.LogEntry // every entry of level error, in order
}

// launchFirefox starts exe headless with a new profile and the remote
// agent on a free port, connects and starts a session. The agent sets
// Firefox's recommended automation preferences itself (no updates, no
// first-run pages, no slow-script dialogs).
func launchFirefox(ctx context.Context, exes []string) (Browser, error) {
	profile, err := os.MkdirTemp("", "bibun-firefox-")
	if err != nil {
		return nil, err
	}
	p, err := start(exes[0], "--headless", "--no-remote", "--profile", profile,
		"--remote-debugging-port=0", "about:blank")
	if err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	b := &firefox{proc: p, profile: profile}
	if err := b.connect(ctx); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// connect connects to the remote agent, starts the session and subscribes
// to the log.
func (b *firefox) connect(ctx context.Context) error {
	m, err := b.proc.waitFor(ctx, listening)
	if err != nil {
		return err
	}
	if b.conn, err = webdriver.Dial(ctx, m[1]+"/session"); err != nil {
		return err
	}
	caps, err := b.conn.NewSession(ctx)
	if err != nil {
		return err
	}
	b.version = fmt.Sprintf("Firefox %v", caps["browserVersion"])
	b.conn.On("log.entryAdded", func(params json.RawMessage) {
		var e webdriver.LogEntry
		if json.Unmarshal(params, &e) != nil || e.Level != "error" {
			return
		}
		b.mu.Lock()
		b.log = append(b.log, e)
		b.mu.Unlock()
	})
	return b.conn.Subscribe(ctx, "log.entryAdded")
}

func (b *firefox) Version() string { return b.version }

// Gone: Firefox has exited, or its BiDi connection has closed.
func (b *firefox) Gone() error {
	if err := b.proc.gone(); err != nil {
		return err
	}
	select {
	case <-b.conn.Done():
		return fmt.Errorf("%w: its BiDi connection closed; Firefox wrote:\n%s", ErrGone, b.proc.out.last(goneQuote))
	default:
		return nil
	}
}

// check returns err, or Gone's error quoting err when Firefox is gone.
func (b *firefox) check(err error) error { return orGone(b, err) }

// Open opens a tab; the errors it reports are the log's entries from its
// browsing context, and those from no context (its workers), from now on.
func (b *firefox) Open(ctx context.Context) (Page, error) {
	bc, err := b.conn.CreateTab(ctx)
	if err = b.check(err); err != nil {
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return &firefoxTab{b: b, bc: bc, logFrom: len(b.log)}, nil
}

// Close asks Firefox to quit, then ends its processes and removes its
// profile.
func (b *firefox) Close() {
	if b.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		b.conn.CloseBrowser(ctx)
		cancel()
		b.conn.Close()
	}
	b.proc.stop(10 * time.Second)
	os.RemoveAll(b.profile)
}

// firefoxTab is a tab, named by its browsing context.
type firefoxTab struct {
	b       *firefox
	bc      string
	logFrom int // the log's length when the tab opened
}

func (t *firefoxTab) Navigate(ctx context.Context, url string) error {
	if err := t.b.check(t.b.conn.Navigate(ctx, t.bc, url)); err != nil {
		return fmt.Errorf("opening %s: %w", url, err)
	}
	return nil
}

func (t *firefoxTab) Resize(ctx context.Context, width, height int) error {
	return t.b.check(t.b.conn.SetViewport(ctx, t.bc, width, height))
}

func (t *firefoxTab) Screenshot(ctx context.Context) ([]byte, error) {
	png, err := t.b.conn.Screenshot(ctx, t.bc)
	return png, t.b.check(err)
}

func (t *firefoxTab) Print(ctx context.Context) ([]byte, error) {
	pdf, err := t.b.conn.Print(ctx, t.bc)
	return pdf, t.b.check(err)
}

func (t *firefoxTab) EvalString(ctx context.Context, expression string) (string, error) {
	v, err := t.b.conn.Evaluate(ctx, t.bc, expression)
	if err = t.b.check(err); err != nil {
		return "", fmt.Errorf("evaluating %.80s: %w", expression, err)
	}
	var s string
	if v.Type != "string" || json.Unmarshal(v.Value, &s) != nil {
		return "", fmt.Errorf("evaluating %.80s: a %s, not a string", expression, v.Type)
	}
	return s, nil
}

// Click scrolls the element into view and clicks its centre.
func (t *firefoxTab) Click(ctx context.Context, id string) error {
	el := browser.Element(id)
	v, err := t.b.conn.Evaluate(ctx, t.bc, `(el => (el?.scrollIntoView({block: "center"}), el))(`+el+`)`)
	if err == nil && v.SharedID == "" {
		err = fmt.Errorf("no such element (a %s)", v.Type)
	}
	if err == nil {
		err = t.b.conn.Click(ctx, t.bc, v.SharedID)
	}
	if err = t.b.check(err); err != nil {
		return fmt.Errorf("clicking [data-testid=%s]: %w", id, err)
	}
	return nil
}

func (t *firefoxTab) Errors() ([]string, bool) {
	t.b.mu.Lock()
	defer t.b.mu.Unlock()
	var errs []string
	for _, e := range t.b.log[t.logFrom:] {
		if c := e.Source.Context; c == "" || c == t.bc {
			errs = append(errs, e.String())
		}
	}
	return errs, true
}

func (t *firefoxTab) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	t.b.conn.CloseContext(ctx, t.bc)
}
