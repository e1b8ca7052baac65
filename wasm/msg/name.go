package msg

import (
	"strconv"
	"strings"
)

// namePrefix begins every training worker's name.
const namePrefix = "training worker "

// WorkerName is the name the page gives worker i (the Worker constructor's
// name option, which the browser's developer tools show too): the worker
// knows its index from it before any message comes.
func WorkerName(i int) string {
	return namePrefix + strconv.Itoa(i)
}

// WorkerIndex returns the index in a name that WorkerName wrote; false for
// any other name.
func WorkerIndex(name string) (int, bool) {
	s, ok := strings.CutPrefix(name, namePrefix)
	i, err := strconv.Atoi(s)
	return i, ok && err == nil && i >= 0 && WorkerName(i) == name
}
