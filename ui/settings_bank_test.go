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

// TestSettingsLivretProposes50x: a new bank account named as a livret, or
// ticked « Compte d'épargne », is proposed on 502… (annexe 1's « 50 Fonds
// placés ») instead of 512…; unticked it goes back to 512…, and a number
// the user typed is never replaced (issue 13 item 8).
func TestSettingsLivretProposes50x(t *testing.T) {
	for _, tc := range []struct {
		name    string
		typed   string // account typed by the user first ("" keeps the proposal)
		label   string
		taps    int // taps on « Compte d'épargne »
		account string
		savings bool
	}{
		{name: "named a livret", label: "Livret fonds de travaux", account: "502001", savings: true},
		{name: "named savings", label: "Compte épargne travaux", account: "502001", savings: true},
		{name: "ticked", label: "Fonds travaux", taps: 1, account: "502001", savings: true},
		{name: "ticked then unticked", label: "Fonds travaux", taps: 2, account: "512002"},
		{name: "current account", label: "Compte courant bis", account: "512002"},
		{name: "typed number kept", typed: "501000", label: "Livret A", account: "501000", savings: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, p := openScreen[*settings](t, "settings")
			p.tabs.SelectIndex(1)
			test.Tap(p.addBank)
			account := dialogField(t, s, "512001 (compte courant)")
			if tc.typed != "" {
				account.SetText(tc.typed)
			}
			dialogField(t, s, "par exemple : Compte courant").SetText(tc.label)
			checks := dialogChecks(t, s)
			for i := 0; i < tc.taps; i++ {
				test.Tap(checks[len(checks)-1])
			}
			if account.Text != tc.account || checks[len(checks)-1].Checked != tc.savings {
				t.Errorf("account %q savings %v, want %q %v", account.Text, checks[len(checks)-1].Checked, tc.account, tc.savings)
			}
		})
	}
}
