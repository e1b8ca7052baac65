package view

import (
	"github.com/hexops/vecty"
	"github.com/hexops/vecty/elem"
	"slices"
)

// NoticeList shows why the run stopped, if it did, and what the latest
// link or setting could not be. It is always in the page, empty or not.
type NoticeList struct {
	vecty.Core
	Message string   `vecty:"prop"` // why the run stopped; "" if it did not
	Notices []string `vecty:"prop"` // about the link's values
}

// Render implements vecty.Component.
func (n *NoticeList) Render() vecty.ComponentOrHTML {
	items := vecty.List{}
	if n.Message != "" {
		items = append(items, elem.ListItem(vecty.Markup(vecty.Class("problem")), vecty.Text(n.Message)))
	}
	for _, text := range n.Notices {
		items = append(items, elem.ListItem(vecty.Text(text)))
	}
	return elem.UnorderedList(vecty.Markup(vecty.Class("notice"), vecty.Data("testid", "notice"), vecty.Attribute("aria-live", "polite"),
		vecty.MarkupIf(len(items) == 0, vecty.Class("empty"))), items)
}

// SkipRender skips the list while its texts stay the same.
func (n *NoticeList) SkipRender(prev vecty.Component) bool {
	q, ok := prev.(*NoticeList)
	return ok && q.Message == n.Message && slices.Equal(q.Notices, n.Notices)
}
