package action

// ShowShortcuts opens the dialog that lists the keyboard shortcuts. It
// changes nothing in the store: the page opens the dialog.
type ShowShortcuts struct{}
