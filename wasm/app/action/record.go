package action

// The run's record: saving it, opening a saved one and verifying it,
// pinning runs to compare, and paging through a long run's table.

// SaveFormat is what a Save writes.
type SaveFormat string

// The files a Save writes.
const (
	SaveCSV         SaveFormat = "csv"          // the rows, a line per step
	SaveJSON        SaveFormat = "json"         // the whole run (package record)
	SaveLossSVG     SaveFormat = "loss-svg"     // the loss chart as drawn
	SaveLossPNG     SaveFormat = "loss-png"     // the loss chart as a picture
	SaveAccuracySVG SaveFormat = "accuracy-svg" // the accuracy chart as drawn
	SaveAccuracyPNG SaveFormat = "accuracy-png" // the accuracy chart as a picture
)

// Save downloads the run, or one of its charts, as a file.
type Save struct {
	Format SaveFormat
}

// Open is a file the visitor chose or dropped on the page, to be read as a
// saved run. The browser reads it; a file too large to read comes with
// its Size and no Data, one that could not be read with Err.
type Open struct {
	Name string // the file's name, as the visitor's system gives it
	Size int    // its size in bytes
	Data []byte // its contents; nil if not read
	Err  string // why it could not be read, as the browser says; "" if it was
}

// Verify runs the saved run's settings again and compares every step.
type Verify struct{}

// Pin keeps the run as it stands, to compare with the runs that follow.
type Pin struct{}

// Unpin drops pinned run Pin (from 1), or every pinned run if Pin is 0.
type Unpin struct {
	Pin int
}

// ShowBeside shows the losses of pinned run Pin (from 1) beside the run's
// own in the table; 0 shows none.
type ShowBeside struct {
	Pin int
}

// ShowPage shows page Page (from 1) of a long run's table; 0 follows the
// newest step.
type ShowPage struct {
	Page int
}

// Print opens the browser's print dialog: the page prints as a lab sheet.
// It changes nothing in the store: the page handles it.
type Print struct{}
