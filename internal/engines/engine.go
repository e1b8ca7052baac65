package engines

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Browser is one running browser, with a fresh profile.
type Browser interface {
	// Version returns the browser's name and version, such as
	// "Firefox 153.8.0".
	Version() string
	// Open opens a new tab on about:blank.
	Open(ctx context.Context) (Page, error)
	// Gone returns nil while the browser can be driven; once it has ended
	// under the caller (its process exited, its driver lost it), an error
	// wrapping ErrGone that says why, quoting what it last wrote.
	Gone() error
	// Close closes the browser and removes its profile.
	Close()
}

// ErrGone is the error of a browser that ended under its caller: a crash
// of the browser or its driver, not anything the page did. A Page's
// methods fail with it once their browser is gone, and the waits stop at
// once instead of polling a dead session until their deadline.
var ErrGone = errors.New("the browser has ended")

// orGone returns err, or, when b is gone, Gone's error quoting err: what
// each engine's commands fail with.
func orGone(b Browser, err error) error {
	if err == nil {
		return nil
	}
	if g := b.Gone(); g != nil {
		return fmt.Errorf("%w (the command: %v)", g, err)
	}
	return err
}

// Page is one tab of a Browser. A Browser's pages are used one at a time.
type Page interface {
	// Navigate loads url and waits for its load event.
	Navigate(ctx context.Context, url string) error
	// EvalString evaluates the JavaScript expression, whose value must be a
	// string, in the page (unbound by its Content Security Policy).
	EvalString(ctx context.Context, expression string) (string, error)
	// Click clicks [data-testid=id] with the mouse, as a user would.
	Click(ctx context.Context, id string) error
	// Errors returns what the page and its workers have reported as errors
	// since the tab opened (console.error, uncaught exceptions); seen is
	// false when the engine's protocol cannot see them.
	Errors() (errs []string, seen bool)
	// Resize sets the tab's viewport to about width × height CSS pixels
	// (WebKit's classic WebDriver sizes the window, bars and all).
	Resize(ctx context.Context, width, height int) error
	// Screenshot returns a PNG of what the tab shows in its viewport.
	Screenshot(ctx context.Context) ([]byte, error)
	// Print returns the PDF the browser prints of the tab on A4 paper, or
	// ErrNoPrint where the engine's driver cannot print (WebKit's).
	Print(ctx context.Context) ([]byte, error)
	// Close closes the tab.
	Close()
}

// ErrNoPrint is Page.Print's error where the engine's driver cannot print.
var ErrNoPrint = errors.New("this engine's driver cannot print")

// Engine is a browser engine that can be found on this machine and
// launched.
type Engine struct {
	Name     string // chromium, firefox or webkit
	Packages string // the Debian packages that install it
	find     func() (exes []string, missing string)
	launch   func(ctx context.Context, exes []string) (Browser, error)
}

// All lists every engine, Chromium first.
var All = []Engine{Chromium, Firefox, WebKit}

// Find reports what e needs that this machine lacks, in words that say
// how to install it; "" when e can be launched.
func (e Engine) Find() (missing string) {
	if _, missing := e.find(); missing != "" {
		return fmt.Sprintf("%s: %s (Debian: apt-get install %s)", e.Name, missing, e.Packages)
	}
	return ""
}

// Launch starts e's browser, headless, with a fresh profile. It fails
// with Find's words when the browser is not installed.
func (e Engine) Launch(ctx context.Context) (Browser, error) {
	exes, missing := e.find()
	if missing != "" {
		return nil, fmt.Errorf("%s", e.Find())
	}
	b, err := e.launch(ctx, exes)
	if err != nil {
		return nil, fmt.Errorf("launching %s: %w", e.Name, err)
	}
	return b, nil
}

// lookPath returns the first of names that is an executable (a path, or
// a name found in PATH), and the names it tried when none is.
func lookPath(names ...string) (exe, tried string) {
	for _, name := range names {
		if path, err := exec.LookPath(name); err == nil {
			return path, ""
		}
	}
	return "", strings.Join(names, ", ")
}

// fromEnv returns the executable that the environment variable key names,
// or, when it is unset, the first of names that is one.
func fromEnv(key string, names ...string) (exe, missing string) {
	if p := os.Getenv(key); p != "" {
		if path, err := exec.LookPath(p); err == nil {
			return path, ""
		}
		return "", key + "=" + p + " is not an executable"
	}
	exe, tried := lookPath(names...)
	if exe == "" {
		return "", "found none of " + tried + " (or set " + key + ")"
	}
	return exe, ""
}

// glob returns the first executable file that matches one of patterns.
func glob(patterns ...string) string {
	for _, p := range patterns {
		matches, _ := filepath.Glob(p)
		for _, m := range matches {
			if info, err := os.Stat(m); err == nil && info.Mode().IsRegular() && info.Mode()&0o111 != 0 {
				return m
			}
		}
	}
	return ""
}
