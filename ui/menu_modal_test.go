package ui

import (
	"testing"

	"fyne.io/fyne/v2/theme"
)

// TestShortcutsWaitForDialog: while a dialog is open, the menu's items,
// which Fyne's driver runs for their shortcuts (Ctrl+1…9, Ctrl+N, Ctrl+E…),
// do nothing: the screen does not change behind the dialog, and no second
// dialog opens (issue 16, item 11). Closed, they work again.
func TestShortcutsWaitForDialog(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	if !s.showScreen("owners") {
		t.Fatal("no owners screen")
	}
	before := s.current
	s.inform("Un message", theme.InfoIcon(), "Une boîte de dialogue est ouverte.")
	for i, item := range s.menu.screens {
		if i != before {
			item.Action()
		}
	}
	s.menu.create.Action()
	s.menu.exp.Action()
	s.menu.backup.Action()
	if s.current != before {
		t.Errorf("a shortcut changed the screen behind the dialog: %d → %d", before, s.current)
	}
	if n := len(s.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open:\n%s", n, overlayText(s))
	}
	dialogButton(t, s, "Fermer").Tapped(nil)
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stays open")
	}
	s.menu.screens[0].Action()
	if s.current != 0 {
		t.Errorf("Ctrl+1 with no dialog: screen %d", s.current)
	}
}
