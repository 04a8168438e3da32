package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tantieme/app/banking"
	"tantieme/app/transfers"
	"tantieme/bankfile"
	"tantieme/bankfile/camt"
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

// The assistant on a CAMT file of both accounts showing a transfer the
// program made: its two lines are matched for certain to that transfer,
// step 4 says they are in the books already, and posting adds no entry.
func TestStatementAssistantTiesTransfer(t *testing.T) {
	s := newTestShell(t)
	s.openDemo()
	s.jobs.Wait()
	tr, err := transfers.Post(s.res, []transfers.Transfer{{From: "512001", To: "502001", Amount: ledger.MustAmount("100"),
		Date: ledger.Date(2025, 12, 10)}}, transfers.Options{Folder: t.TempDir()})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	e2e := ledger.SEPAEndToEnd(tr.Files[0].MsgID, 1)
	banks, err := s.res.BankAccounts()
	if err != nil {
		t.Fatal(err)
	}
	var sts []bankfile.Statement
	for _, b := range banks {
		amount := map[string]int64{"512001": -10000, "502001": 10000}[b.Account]
		sts = append(sts, bankfile.Statement{Account: bankfile.Account{IBAN: ledger.NormalizeIBAN(b.IBAN)}, Currency: "EUR",
			Closing: &bankfile.Balance{Date: ledger.Date(2025, 12, 31), Amount: 100000},
			Lines:   []bankfile.Line{{Date: ledger.Date(2025, 12, 10), Amount: amount, Label: "VIR SEPA FONDS DE TRAVAUX", EndToEnd: e2e}}})
	}
	var buf bytes.Buffer
	if err := camt.Write(&buf, sts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "releve.xml")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	entries := func() int {
		es, err := s.res.Entries(ledger.EntryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	before := entries()
	w := s.startStatementImport()
	w.load(path)
	s.jobs.Wait()
	test.Tap(dialogButton(t, s, "Suivant"))
	mustContain(t, "step 2", overlayText(s), "2 lignes sélectionnées sur 2", "virement de fonds du 10/12 émis par Tantième")
	test.Tap(dialogButton(t, s, "Valider"))
	mustContain(t, "step 4", overlayText(s), "2 lignes seront comptabilisées",
		"2 virements ou prélèvements faits par Tantième, déjà en comptabilité : rattachés à leur écriture, sans rien de plus")
	test.Tap(dialogButton(t, s, "Comptabiliser"))
	s.jobs.Wait()
	mustContain(t, "step 5", overlayText(s), "2 lignes comptabilisées, 0 en attente")
	if n := entries(); n != before {
		t.Errorf("%d entries after the import, want %d: the transfer was posted again", n, before)
	}
}
