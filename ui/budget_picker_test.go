package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestBudgetLineButtonsStayWithList: opening the account list in « Ajouter
// une ligne au budget » keeps the dialog's buttons where they were, inside
// the dialog: the room for the list is there from the start (issue 16,
// item 11).
func TestBudgetLineButtonsStayWithList(t *testing.T) {
	s, b := openDemoOn[*budgetScreen](t, 2026, "budget")
	test.Tap(b.add)
	d := s.win.Canvas().Overlays().Top()
	ok := dialogButton(t, s, "Ajouter").(fyne.CanvasObject)
	drv := fyne.CurrentApp().Driver()
	before := drv.AbsolutePositionForObject(ok)
	account := s.win.Canvas().Focused().(*entryBox)
	test.Type(account, "6")
	mustContain(t, "the list", overlayText(s), "précisez le numéro ou le nom")
	after := drv.AbsolutePositionForObject(ok)
	if after != before {
		t.Errorf("« Ajouter » moved from %v to %v when the list opened", before, after)
	}
	// The real window lays out again a container whose content grew past
	// it (the dialog's body pushed its buttons out): none may have.
	for _, c := range ancestors(d, ok) {
		if c.MinSize().Height > c.Size().Height+0.5 {
			t.Errorf("a container around « Ajouter » needs %v but has %v once the list is open", c.MinSize(), c.Size())
		}
	}
}

// ancestors are the containers from root down to o.
func ancestors(root, o fyne.CanvasObject) []fyne.CanvasObject {
	if root == o {
		return []fyne.CanvasObject{}
	}
	var kids []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if path := ancestors(k, o); path != nil {
			return append([]fyne.CanvasObject{root}, path...)
		}
	}
	return nil
}
