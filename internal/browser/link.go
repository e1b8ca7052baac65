package browser

import (
	"strings"

	"bibun/wasm/link"
)

// Article is the page's link of the article's settings.
var Article = link.Format(link.Default())

// With returns fragment with each key=value of kv set, in place when the
// key is there already, appended otherwise.
func With(fragment string, kv ...string) string {
	pairs := strings.Split(fragment, "&")
next:
	for _, p := range kv {
		key, _, _ := strings.Cut(p, "=")
		for i, q := range pairs {
			if k, _, _ := strings.Cut(q, "="); k == key {
				pairs[i] = p
				continue next
			}
		}
		pairs = append(pairs, p)
	}
	return strings.Join(pairs, "&")
}
