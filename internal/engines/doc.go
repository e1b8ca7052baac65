// Package engines opens the bibun page in each browser engine a visitor
// may have — Chromium, Firefox and WebKit — and runs links in it through
// the page's hooks (internal/browser), so that the tests can hold every
// engine to the same golden digits and cmd/bench can time each.
//
// Each engine is Debian's own, driven the way it serves automation:
//
//   - chromium: Debian's chromium over the DevTools protocol, with chromedp
//     (internal/browser), as the rest of the browser tests;
//   - firefox: Debian's firefox-esr over WebDriver BiDi, served by Firefox's
//     own remote agent (--remote-debugging-port), with no geckodriver;
//   - webkit: WebKitGTK's MiniBrowser over WebDriver classic, served by
//     WebKitWebDriver (Debian's webkit2gtk-driver), under xvfb-run when
//     there is no display, since this MiniBrowser has no headless mode.
//
// The protocols are in internal/webdriver. Everything here starts real
// browsers; the tests in e2e/engines use it, and its own tests need none.
//
// # Processes
//
// Each browser runs in a process group of its own (with its driver, and
// Xvfb for WebKit), which Close ends whole: first politely, then with
// SIGKILL. It is Unix-only, as the browser tests are.
package engines
