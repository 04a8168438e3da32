package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/bankfile"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// bank assign --entry ties a pending statement line to an entry already
// posted — a receipt typed before the statement came, a transfer to the
// livret posted by hand — and refuses, the file untouched, an entry that
// does not move the line's amount on its bank account or is already tied.
func TestBankAssignToEntry(t *testing.T) {
	f := ledgertest.Calls(t, []ledgertest.Lot{{Number: "1", Owner: "450001", Shares: map[string]string{"001": "600"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "400"}}})
	if code, _, stderr := cli(t, "pay", f, "--owner", "450002", "--amount", "80", "--date", "2025-03-01"); code != 0 {
		t.Fatalf("pay: %s", stderr)
	}
	var receipt, transfer int64
	r, err := app.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	err = r.Update(func(tx *ledger.Tx) error {
		rs, err := tx.Receipts(ledger.ReceiptFilter{Owner: "450002"})
		if err != nil || len(rs) != 1 {
			return fmt.Errorf("receipts %+v %v", rs, err)
		}
		receipt = rs[0].EntryID
		if err := tx.SaveBankAccount(ledger.BankAccount{Account: "512002", Label: "Livret"}); err != nil {
			return err
		}
		e := ledger.Entry{Journal: ledger.JournalBank, Date: ledger.Date(2025, 3, 2), Piece: "VF1", Label: "Virement au livret",
			Lines: []ledger.Line{{Account: "512002", Debit: 100000}, {Account: "512001", Credit: 100000}}}
		err = tx.PostEntry(&e)
		transfer = e.ID
		return err
	})
	r.Close()
	if err != nil {
		t.Fatal(err)
	}

	d := ledger.Date(2025, 3, 3)
	st := bankfile.Statement{Format: "test", Account: bankfile.Account{IBAN: "FR7630006000011234567890189"}, Currency: "EUR",
		Lines: []bankfile.Line{
			{Date: d, Amount: 8000, Label: "VIREMENT DIVERS"},
			{Date: d, Amount: -100000, Label: "VIREMENT VERS LIVRET"},
			{Date: d.AddDate(0, 0, 1), Amount: 8000, Label: "VIREMENT DIVERS BIS"},
		}}
	stubStatements(t, map[string][]bankfile.Statement{"mars": {st}})
	if code, out, stderr := cli(t, "bank", "import", f, writeTemp(t, "mars.txt", "mars")); code != 0 || !strings.Contains(out, "3 en attente") {
		t.Fatalf("import: exit %d %s%s", code, out, stderr)
	}
	id := func(n int64) string { return fmt.Sprint(n) }
	refuse := func(when string, cases []struct {
		args []string
		code int
		want string
	}) {
		t.Helper()
		before, _ := os.ReadFile(f)
		for _, tc := range cases {
			code, _, stderr := cli(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("%s %v: exit %d %q, want %d %q", when, tc.args[1:], code, stderr, tc.code, tc.want)
			}
		}
		if now, _ := os.ReadFile(f); !bytes.Equal(before, now) {
			t.Errorf("%s: a refused command changed the residence", when)
		}
	}
	refuse("before", []struct {
		args []string
		code int
		want string
	}{
		{[]string{"bank", "assign", f, "1", "--entry", id(transfer)}, 1,
			fmt.Sprintf("Ligne du 03/03/2025 (80,00 €) : elle ne correspond pas à l'écriture n° %d, qui porte -1 000,00 € sur le compte 512001", transfer)},
		{[]string{"bank", "assign", f, "2", "--entry", id(receipt)}, 1, fmt.Sprintf("ne correspond pas à l'écriture n° %d, qui porte 80,00 €", receipt)},
		{[]string{"bank", "assign", f, "1", "--entry", "99999"}, 1, "99999"},
		{[]string{"bank", "assign", f, "1", "--entry", id(receipt), "--account", "450002"}, 2, "--entry ne prend ni --account ni --key"},
		{[]string{"bank", "assign", f, "1", "--entry", "-3"}, 2, "numéro d'écriture -3 invalide"},
		{[]string{"bank", "assign", f, "1", "--entry", "deux"}, 2, ""},
		{[]string{"bank", "pending", f, "--entry", "3"}, 2, "--entry ne concerne que bank assign"},
	})

	if code, out, stderr := cli(t, "bank", "assign", f, "1", "--entry", id(receipt)); code != 0 ||
		!strings.Contains(out, fmt.Sprintf("Ligne 1 du 03/03/2025 (80,00 €) rattachée à l'écriture n° %d (pièce B2025-0001 du 01/03/2025)", receipt)) {
		t.Fatalf("tie to the receipt: exit %d %s%s", code, out, stderr)
	}
	if code, out, stderr := cli(t, "bank", "assign", f, "2", "--entry", id(transfer)); code != 0 || !strings.Contains(out, "(pièce VF1 du 02/03/2025)") {
		t.Fatalf("tie to the transfer: exit %d %s%s", code, out, stderr)
	}

	refuse("after", []struct {
		args []string
		code int
		want string
	}{
		{[]string{"bank", "assign", f, "3", "--entry", id(receipt)}, 1, fmt.Sprintf("l'écriture n° %d est déjà rapprochée d'une autre ligne de relevé du compte 512001", receipt)},
		{[]string{"bank", "assign", f, "1", "--entry", id(receipt)}, 1, "n'est pas en attente"},
	})
	if code, out, _ := cli(t, "bank", "pending", f); code != 0 || !strings.Contains(out, "VIREMENT DIVERS BIS") || strings.Contains(out, "VERS LIVRET") {
		t.Errorf("pending after: %s", out)
	}
	if code, out, stderr := cli(t, "check", f); code != 0 {
		t.Errorf("check: %s%s", out, stderr)
	}
}
