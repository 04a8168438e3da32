package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/banking"
	"tantieme/app/transfers"
	"tantieme/bankfile"
	"tantieme/ledger"
)

// A transfer to the livret made by the program, on a livret statement that
// dropped its end-to-end id: the pending line suggests the transfer, and
// confirming it ties the line to the transfer's entry — no second entry.
func TestStatementPendingTransferSuggestion(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	tr, err := transfers.Post(s.res, []transfers.Transfer{{From: "512001", To: "502001", Amount: ledger.MustAmount("100"),
		Date: ledger.Date(2025, 12, 10)}}, transfers.Options{Folder: t.TempDir()})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	var livret ledger.BankAccount
	banks, err := s.res.BankAccounts()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range banks {
		if b.Account == "502001" {
			livret = b
		}
	}
	st := bankfile.Statement{Format: "test", Account: bankfile.Account{IBAN: ledger.NormalizeIBAN(livret.IBAN)}, Currency: "EUR",
		Lines: []bankfile.Line{{Date: ledger.Date(2025, 12, 11), Amount: 10000, Label: "VIR SEPA RECU SDC TILLEULS", Where: "ligne 2"}}}
	plan, err := banking.Prepare(s.res, "livret.txt", []bankfile.Statement{st})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := banking.Apply(s.res, plan, banking.Selection{Lines: plan.Certain()}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	entries := func() int {
		es, err := s.res.Entries(ledger.EntryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	before := entries()
	s.showScreen(stmtScreenID)
	p := s.currentScreen().(*stmtScreen)
	rows := p.table.Rows()
	if len(rows) != 1 {
		t.Fatalf("%d pending lines, want 1", len(rows))
	}
	p.open(rows[0])
	var tie *widget.Button
	for _, o := range p.actions.Objects {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Affecter à Virement de fonds du 10/12") {
			tie = b
		}
	}
	if tie == nil {
		t.Fatalf("no suggestion of the transfer: %s", windowText(s))
	}
	test.Tap(tie)
	mustContain(t, "status", s.statusText.Text, "Ligne du 11/12/2025 comptabilisée : Virement de fonds du 10/12 (512001)")
	if n := len(p.table.Rows()); n != 0 {
		t.Errorf("%d pending lines after the tie, want 0", n)
	}
	if n := entries(); n != before {
		t.Errorf("%d entries after confirming, want %d: the transfer was posted again", n, before)
	}
	var lines []ledger.BankLine
	if err := s.res.View(func(tx *ledger.Tx) (err error) {
		lines, err = tx.ImportedBankLines("502001", ledger.Date(2025, 12, 1), ledger.Date(2025, 12, 31))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || lines[0].EntryID != tr.Entries[0] {
		t.Errorf("livret lines %+v: want tied to entry %d", lines, tr.Entries[0])
	}
}
