package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"tantieme/ledger"
)

func TestMatching(t *testing.T) {
	s := newTestShell(t)
	openTest(t, s, testResidence(t))
	err := s.res.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(&ledger.Entry{Journal: "BQ", Date: ledger.Date(2025, 3, 1), Piece: "R3", Label: "Règlement Garçon", Lines: []ledger.Line{
			{Account: "512001", Debit: ledger.MustAmount("300")},
			{Account: "450002", Credit: ledger.MustAmount("300")}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !s.showScreen("matching") {
		t.Fatal("no Lettrage screen")
	}
	m := s.currentScreen().(*matching)
	mustContain(t, "the empty screen", windowText(s), "Consultation et lettrage", "Choisissez un compte ci-dessus")
	m.account.SetText("450002")
	m.reload()
	mustContain(t, "the account", windowText(s), "Compte 450002", "Solde au début de la période", "Appel T1", "Règlement Garçon", "0,00 €")
	if len(m.data.Lines) != 2 {
		t.Fatalf("lines = %+v", m.data.Lines)
	}
	m.toggle(m.data.Lines[0])
	mustContain(t, "one ticked", m.selection.Text, "1 ligne cochée", "écart 300,00 €")
	if !m.match.Disabled() {
		t.Error("an unbalanced selection may be matched")
	}
	m.toggle(m.data.Lines[1])
	mustContain(t, "two ticked", m.selection.Text, "2 lignes cochées", "équilibré")
	m.doMatch()
	mustContain(t, "the status", s.statusText.Text, "2 lignes du compte 450002 lettrées « A »")
	if m.data.Lines[0].Letter != "A" {
		t.Fatalf("not matched: %+v", m.data.Lines)
	}
	m.unmatched.SetChecked(true)
	if len(m.data.Lines) != 0 {
		t.Errorf("unmatched only shows %+v", m.data.Lines)
	}
	m.unmatched.SetChecked(false)
	m.toggle(m.data.Lines[0]) // ticks the whole group
	if m.unmatch.Disabled() {
		t.Fatal("the group may not be undone")
	}
	m.doUnmatch()
	mustContain(t, "the question", overlayText(s), "Retirer la lettre « A » des 2 lignes du compte 450002 ?")
	press(s, fyne.KeyReturn)
	if m.data.Lines[0].Letter != "" {
		t.Fatalf("still matched: %+v", m.data.Lines)
	}
}
