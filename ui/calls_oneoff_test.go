package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
)

// « Appel ponctuel… »: the form refuses an empty amount in place (the
// dialog keeps its size), previews each owner's share (450003, 92 of 1 000
// tantièmes: 1 234,57 € × 92 / 1 000 = 113,58 €), then posts it.
func TestOneOffCallForm(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2026, "calls")
	if c.oneOff.Disabled() || c.advance.Disabled() {
		t.Fatal("the one-off buttons are off")
	}
	test.Tap(c.oneOff)
	mustContain(t, "the form", overlayText(s), "Appel ponctuel — exercice 2026", "Clé de répartition", "001 – Charges générales",
		"701000 – Provisions sur opérations courantes", "Compte crédité", "Rien n'est comptabilisé à cette étape")
	dialogField(t, s, "JJ/MM/AAAA").SetText("15/02/2026")
	dialogField(t, s, "par exemple Remplacement").SetText("Remplacement de l'interphone (AG du 10/02/2026)")
	size := s.win.Canvas().Overlays().Top().Size()
	test.Tap(dialogButton(t, s, "Voir l'aperçu"))
	mustContain(t, "the refusal", overlayText(s), "Montant :")
	if got := s.win.Canvas().Overlays().Top().Size(); got != size {
		t.Errorf("the dialog went from %v to %v with its error", size, got)
	}
	dialogField(t, s, "par exemple 1 200,00").SetText("1 234,57")
	test.Tap(dialogButton(t, s, "Voir l'aperçu"))
	mustContain(t, "the preview", overlayText(s), "Aperçu : 1 appel ponctuel, 1 234,57 € au total. Rien n'est encore comptabilisé.",
		"Échéance du 15/02/2026 — Remplacement de l'interphone (AG du 10/02/2026) : appel ponctuel 1 234,57 €",
		"SCI Les Marronniers", "113,58 €", "12 copropriétaires")
	if n := len(callsOf(t, s, 2026)); n != 0 {
		t.Fatalf("the preview wrote %d calls", n)
	}
	test.Tap(dialogButton(t, s, "Générer les appels"))
	test.Tap(dialogButton(t, s, "Générer les appels"))
	s.jobs.Wait()
	posted := callsOf(t, s, 2026)
	if len(posted) != 1 || posted[0].Kind != ledger.DirectCall || posted[0].Amount != ledger.MustAmount("1234.57") {
		t.Fatalf("posted %+v", posted)
	}
	mustContain(t, "the status line", s.statusText.Text, "✓ 1 appel ponctuel généré, 1 234,57 € au total (pièce A2026-0001)")
	mustContain(t, "the list", windowText(s), "Appel ponctuel", "Remplacement de l'interphone (AG du 10/02/2026)")
}

// « Appel d'avance… » on 103100, then the owner card shows the advance and
// pays it back: beyond it is refused in the dialog, the whole of it goes.
func TestAdvanceCallAndRepayment(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2026, "calls")
	test.Tap(c.advance)
	mustContain(t, "the form", overlayText(s), "Appel d'avance (fonds de roulement) — exercice 2026", "103100 – Avances de trésorerie",
		"décret du 17 mars 1967, art. 35")
	mustNotContain(t, "the form", overlayText(s), "701000")
	dialogField(t, s, "JJ/MM/AAAA").SetText("15/02/2026")
	dialogField(t, s, "par exemple 1 200,00").SetText("2000")
	test.Tap(dialogButton(t, s, "Voir l'aperçu"))
	mustContain(t, "the preview", overlayText(s), "Aperçu : 1 appel d'avance, 2 000,00 € au total.", "Fonds de roulement : avance 2 000,00 €", "184,00 €")
	test.Tap(dialogButton(t, s, "Générer les appels"))
	test.Tap(dialogButton(t, s, "Générer les appels"))
	s.jobs.Wait()
	if posted := callsOf(t, s, 2026); len(posted) != 1 || posted[0].Kind != ledger.AdvanceCall {
		t.Fatalf("posted %+v", posted)
	}
	press(s, "Escape")

	if !s.showScreen("owners") {
		t.Fatal("no owners screen")
	}
	o := s.currentScreen().(*owners)
	o.openCard("450003")
	card := o.card
	mustContain(t, "the situation", card.situation.Text, "avances (fonds de roulement) : 184,00 €")
	for i, it := range card.tabs.Items {
		if it.Text == "Avances" {
			card.tabs.SelectIndex(i)
		}
	}
	mustContain(t, "the advances tab", windowText(s), "103100", "Avance de trésorerie (fonds de roulement)", "184,00 €",
		"Ses avances au syndicat (appelées, non remboursées) : 184,00 €")
	test.Tap(windowButton(t, s, "Rembourser l'avance…"))
	mustContain(t, "the repay form", overlayText(s), "Rembourser l'avance de SCI Les Marronniers", "103100 – Avance de trésorerie (fonds de roulement) (184,00 €)")
	amount := dialogField(t, s, "par exemple 150,00")
	if amount.Text != "184,00" {
		t.Errorf("amount proposed %q", amount.Text)
	}
	amount.SetText("184,01")
	size := s.win.Canvas().Overlays().Top().Size()
	test.Tap(dialogButton(t, s, "Rembourser"))
	mustContain(t, "the refusal", overlayText(s), "Le remboursement de 184,01 € dépasse l'avance de SCI Les Marronniers sur le compte 103100 (184,00 €")
	if got := s.win.Canvas().Overlays().Top().Size(); got != size {
		t.Errorf("the dialog went from %v to %v with its error", size, got)
	}
	amount.SetText("184,00")
	test.Tap(dialogButton(t, s, "Rembourser"))
	mustContain(t, "the status line", s.statusText.Text, "Avance de SCI Les Marronniers remboursée : 184,00 €")
	held, err := s.res.AdvanceHeld("450003")
	if err != nil || held != 0 {
		t.Errorf("held after the repayment: %s %v", held, err)
	}
}
