package webdriver

// Error is an error that the remote end answered a command with: its
// WebDriver error code, such as "no such element" or "javascript error",
// and its message.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string {
	if e.Message == "" {
		return "webdriver: " + e.Code
	}
	return "webdriver: " + e.Code + ": " + e.Message
}

// JavaScriptError is the error code of a script that threw.
const JavaScriptError = "javascript error"
