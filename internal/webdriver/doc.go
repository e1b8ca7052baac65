// Package webdriver speaks the two W3C WebDriver protocols that the browser
// tests need beside Chromium's DevTools protocol: WebDriver BiDi over a
// websocket, which Firefox's remote agent serves itself (Conn), and
// WebDriver classic over HTTP, which WebKitGTK's WebKitWebDriver serves
// (Session). It wraps only the commands the tests send; Conn.Call and
// Session.Do send any other.
//
// # Why not a library
//
// No Go client fits this machine. chromedp and go-rod speak only the
// DevTools protocol, which Firefox no longer serves and WebKitGTK never
// did; playwright-go drives Playwright's own patched browsers through a
// node driver that it downloads at run time; tebeka/selenium speaks only
// classic WebDriver, needs geckodriver (not in Debian) for Firefox, and is
// no longer maintained. The well-kept clients that do fit (puppeteer-core
// for Firefox over BiDi, WebdriverIO's webdriver for classic) are node
// packages: the tests would be written a second time in JavaScript,
// beside the Go harness and internal/browser that hold the page's hooks
// and the golden comparison. The commands needed here are a dozen JSON
// messages, so they are written here, over github.com/coder/websocket for
// the websocket, and tested against fake remote ends.
//
// # Errors
//
// A command the remote end refuses returns an *Error with the protocol's
// error code ("no such element", "javascript error", …) and its message.
// A script that throws is a *Error with code "javascript error" in both
// protocols.
package webdriver
