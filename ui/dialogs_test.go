package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
)

// An action confirmed in a dialog may open another one (an error, a form):
// that one must stay on screen after the question closes, and Enter/Escape
// must then belong to it.
func TestConfirmedActionMayOpenADialog(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	s.confirm("Supprimer un essai", "Supprimer l'essai « X » ?", "Supprimer", "Annuler", func() {
		s.showError(ledger.Errorf(ledger.Conflict, "L'essai X est encore utilisé"))
	})
	mustContain(t, "confirmation", overlayText(s), "Supprimer l'essai « X » ?")
	test.Tap(dialogButton(t, s, "Supprimer"))
	text := overlayText(s)
	mustContain(t, "after confirming", text, "L'essai X est encore utilisé")
	mustNotContain(t, "after confirming", text, "Supprimer l'essai « X » ?")
	press(s, "Escape")
	mustNotContain(t, "after Escape", overlayText(s), "L'essai X est encore utilisé")
}
