package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tantieme/ledger"
)

// TestSettingsSavingsAccount: Paramètres › Comptes bancaires sets the BIC,
// the SEPA creditor identifier and the savings flag, each checked.
func TestSettingsSavingsAccount(t *testing.T) {
	s, p := openScreen[*settings](t, "settings")
	p.tabs.SelectIndex(1)
	test.Tap(p.addBank)
	focusField(t, s, "512002").SetText("501000")
	dialogField(t, s, "par exemple : Compte courant").SetText("Livret A")
	dialogField(t, s, "FR76").SetText("FR7630006000011234567890189")
	ics := dialogField(t, s, "FR72ZZZ123456")
	ics.SetText("FR12ZZZ123456")
	checks := dialogChecks(t, s)
	test.Tap(checks[len(checks)-1])
	s.win.Canvas().Focus(ics)
	press(s, fyne.KeyReturn)
	mustContain(t, "the form", overlayText(s), "L'identifiant créancier SEPA (ICS) « FR12ZZZ123456 » n'est pas valide")
	ics.SetText("fr72 zzz 123456")
	press(s, fyne.KeyReturn)
	mustContain(t, "the status line", s.statusText.Text, "Compte bancaire 501000 « Livret A » ajouté")
	var got ledger.BankAccount
	s.res.View(func(tx *ledger.Tx) error {
		banks, err := tx.BankAccounts()
		for _, b := range banks {
			if b.Account == "501000" {
				got = b
			}
		}
		return err
	})
	if !got.Savings || got.ICS != "FR72ZZZ123456" {
		t.Errorf("stored %+v", got)
	}
}
