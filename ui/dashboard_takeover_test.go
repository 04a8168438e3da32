package ui

import (
	"strings"
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

// « Copropriété neuve » says the books start from nothing: the step goes.
func TestDashboardStartedAfresh(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	var button *widget.Button
	for _, o := range visible(s.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Copropriété neuve" {
			button = b
		}
	}
	if button == nil {
		t.Fatal("no « Copropriété neuve » button beside the take-over step")
	}
	test.Tap(button)
	s.jobs.Wait()
	if text := windowText(s); strings.Contains(text, "Reprise d'une copropriété") {
		t.Errorf("the take-over step is still there after « Copropriété neuve »:\n%s", text)
	}
}
