package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A residence without opening balances is told how to enter them, and the
// dashboard's button opens the import on the balance.
func TestDashboardTakeOver(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	mustContain(t, "the dashboard", windowText(s), "Reprise d'une copropriété : saisissez les soldes d'ouverture (Fichier › Importer › Balance)",
		"Importer la balance…")
	var button *widget.Button
	for _, o := range visible(s.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Importer la balance…" {
			button = b
		}
	}
	if button == nil {
		t.Fatal("no « Importer la balance… » button")
	}
	test.Tap(button)
	// Only the balance shows its « Reprise » choice and says what the
	// balances become.
	mustContain(t, "the import", overlayText(s), "Balance (soldes de reprise)", "Reprise", "À l'ouverture, les soldes deviennent les à-nouveaux")
}
