package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A name cut in a table cell (« Société Civile Immo… ») shows whole in a
// bubble when the pointer rests on it; an uncut cell shows none.
func TestCutCellShowsWholeTextOnHover(t *testing.T) {
	s, o := openDemoOn[*owners](t, 2025, "owners")
	s.win.Resize(smallWindow)
	owner := o.table.Rows()[0]
	ow, err := s.res.Owner(owner.Account)
	if err != nil {
		t.Fatal(err)
	}
	ow.Name = longName
	if err := s.res.SaveOwner(&ow, false); err != nil {
		t.Fatal(err)
	}
	s.changed()
	d := fyne.CurrentApp().Driver()
	hoverOn := func(text string) string {
		t.Helper()
		for _, c := range visible(s.win.Content()) {
			l, ok := c.(*widget.Label)
			if !ok || !strings.Contains(l.Text, text) {
				continue
			}
			at := d.AbsolutePositionForObject(l).Add(fyne.NewPos(5, 5))
			o.table.HoverAt(at)
			return l.Text
		}
		t.Fatalf("no cell « %s » shown", text)
		return ""
	}
	whole := hoverOn(longName)
	if got := o.table.TipText(); got != whole {
		t.Errorf("hovering the cut name: bubble %q, want the whole name %q", got, whole)
	}
	hoverOn(owner.Account)
	if got := o.table.TipText(); got != "" {
		t.Errorf("hovering an account number, whole in its cell: bubble %q, want none", got)
	}
}
