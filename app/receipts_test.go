package app_test

import (
	"fmt"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// Payments settle the oldest calls first; a call is matched only inside a
// group whose debits and credits balance, so a call paid in part keeps its
// payment unmatched until the rest arrives.
func TestReceiveSettlesOldestFirst(t *testing.T) {
	// 450001 is called 300 (A0001), 300 (A0002), 200 (A0003).
	for _, tc := range []struct {
		name     string
		payments []string
		matched  [3]bool   // A0001, A0002, A0003 matched after the payments
		groups   int       // letters on the account
		paid     [3]string // what the receipt form shows paid on each call
		balance  string
	}{
		{"exact first call", []string{"300"}, [3]bool{true, false, false}, 1, [3]string{"", "0", "0"}, "500"},
		{"part of a call", []string{"100"}, [3]bool{}, 0, [3]string{"100", "0", "0"}, "700"},
		{"a call and a half", []string{"450"}, [3]bool{}, 0, [3]string{"300", "150", "0"}, "350"},
		{"the rest arrives", []string{"450", "150"}, [3]bool{true, true, false}, 1, [3]string{"", "", "0"}, "200"},
		{"the balance at once", []string{"800"}, [3]bool{true, true, true}, 1, [3]string{"", "", ""}, "0"},
		{"call by call", []string{"300", "300", "200"}, [3]bool{true, true, true}, 3, [3]string{"", "", ""}, "0"},
		{"too much", []string{"900"}, [3]bool{}, 0, [3]string{"300", "300", "200"}, "-100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := daybookResidence(t)
			var last app.ReceiptResult
			for i, p := range tc.payments {
				date := isoDay(fmt.Sprintf("2025-07-%02d", 10+i))
				res, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros(p), Date: date, Cheque: fmt.Sprint(1000 + i)})
				mustOK(t, err)
				piece := fmt.Sprintf("B2025-%04d", i+1)
				if res.Entry.Piece != piece || !res.Entry.Date.Equal(date) {
					t.Errorf("receipt %d: piece %s date %s", i+1, res.Entry.Piece, res.Entry.Date)
				}
				checkEntry(t, entryOf(t, r, res.Entry.ID), "BQ", debitLine("512001", "", p), creditLine("450001", "", p))
				last = res
			}
			letters := map[string]bool{}
			for i, piece := range []string{"A0001", "A0002", "A0003"} {
				l := letterOf(t, r, "450001", piece)
				if (l != "") != tc.matched[i] {
					t.Errorf("%s letter %q, want matched %v", piece, l, tc.matched[i])
				}
				if l != "" {
					letters[l] = true
				}
			}
			for _, l := range accountLines(t, r, "450001") {
				if l.Letter != "" {
					letters[l.Letter] = true
				}
			}
			if len(letters) != tc.groups {
				t.Errorf("%d letters %v, want %d", len(letters), letters, tc.groups)
			}
			if last.Balance != euros(tc.balance) {
				t.Errorf("balance after %s, want %s", last.Balance, tc.balance)
			}
			// The other owner is never touched.
			for _, l := range accountLines(t, r, "450002") {
				if l.Letter != "" {
					t.Errorf("450002 got letter %q", l.Letter)
				}
			}
			f, err := r.ReceiptForm("450001", isoDay("2025-12-31"))
			mustOK(t, err)
			var open []string
			for _, it := range f.Open {
				open = append(open, it.Piece+":"+it.Paid.Format())
			}
			var want []string
			for i, p := range tc.paid {
				if p != "" {
					want = append(want, fmt.Sprintf("A000%d:%s", i+1, euros(p).Format()))
				}
			}
			if strings.Join(open, " ") != strings.Join(want, " ") {
				t.Errorf("open items %v, want %v", open, want)
			}
			if bal := euros(tc.balance); (bal > 0 && f.Amount != bal) || (bal <= 0 && f.Amount != 0) {
				t.Errorf("form amount %s for a balance of %s", f.Amount, bal)
			}
		})
	}
}

func TestReceiptFormDefaults(t *testing.T) {
	r := daybookResidence(t)
	f, err := r.ReceiptForm("450001", isoDay("2025-05-02"))
	mustOK(t, err)
	if f.Amount != euros("600") || f.Balance != euros("600") {
		t.Errorf("amount %s balance %s, want the two calls due by 02/05 (600)", f.Amount, f.Balance)
	}
	if f.Mode != ledger.ByCheque || f.Drawer != "Mme Dupont Zoé" || f.DrawerBank != "Banque Populaire" {
		t.Errorf("mode %s drawer %q bank %q", f.Mode, f.Drawer, f.DrawerBank)
	}
	if f.BankAccount != "512001" || len(f.Banks) != 2 || f.ViaCheques {
		t.Errorf("bank %s of %d, via 511 %v", f.BankAccount, len(f.Banks), f.ViaCheques)
	}
	if len(f.Open) != 3 || f.Open[0].Piece != "A0001" || f.Open[0].Due() != euros("300") {
		t.Errorf("open items %+v", f.Open)
	}
	// The setting chooses the bank.
	mustOK(t, r.SetDaybookSettings(app.DaybookSettings{ReceiptBank: "512002"}))
	f, err = r.ReceiptForm("450001", isoDay("2025-05-02"))
	mustOK(t, err)
	if f.BankAccount != "512002" {
		t.Errorf("bank %s, want the setting 512002", f.BankAccount)
	}
	if err := r.SetDaybookSettings(app.DaybookSettings{ReceiptBank: "512009"}); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown bank in the settings: %v", err)
	}
	if _, err := r.ReceiptForm("450099", isoDay("2025-05-02")); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown owner: %v", err)
	}
}

func TestReceiveModesAndRefusals(t *testing.T) {
	r := daybookResidence(t)
	res, err := r.Receive(app.ReceiptInput{Owner: "450002", Amount: euros("200"), Date: isoDay("2025-02-01"), Mode: ledger.ByTransfer, BankAccount: "512002"})
	mustOK(t, err)
	checkEntry(t, entryOf(t, r, res.Entry.ID), "BQ", debitLine("512002", "", "200"), creditLine("450002", "", "200"))
	if res.Receipt.Mode != ledger.ByTransfer || res.Receipt.Drawer != "" || res.Entry.Label != "Règlement virement – M. Garçon Loïc" {
		t.Errorf("transfer receipt %+v label %q", res.Receipt, res.Entry.Label)
	}
	res, err = r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-02-02"), Cheque: "8812345"})
	mustOK(t, err)
	if rc := res.Receipt; rc.Mode != ledger.ByCheque || rc.Drawer != "Mme Dupont Zoé" || rc.DrawerBank != "Banque Populaire" || rc.Cheque != "8812345" {
		t.Errorf("cheque receipt %+v", rc)
	}
	if res.Entry.Label != "Règlement chèque n° 8812345 – Mme Dupont Zoé" {
		t.Errorf("label %q", res.Entry.Label)
	}
	for _, tc := range []struct {
		name string
		in   app.ReceiptInput
		kind ledger.Kind
		want string
	}{
		{"zero", app.ReceiptInput{Owner: "450001", Amount: 0, Date: isoDay("2025-02-03")}, ledger.Invalid, "le montant doit être positif"},
		{"negative", app.ReceiptInput{Owner: "450001", Amount: -100, Date: isoDay("2025-02-03")}, ledger.Invalid, "le montant doit être positif"},
		{"no date", app.ReceiptInput{Owner: "450001", Amount: 100}, ledger.Invalid, "la date est obligatoire"},
		{"unknown owner", app.ReceiptInput{Owner: "450077", Amount: 100, Date: isoDay("2025-02-03")}, ledger.NotFound, "450077"},
		{"not a bank", app.ReceiptInput{Owner: "450001", Amount: 100, Date: isoDay("2025-02-03"), BankAccount: "701000"}, ledger.Invalid, "n'est pas un compte bancaire"},
		{"unknown bank", app.ReceiptInput{Owner: "450001", Amount: 100, Date: isoDay("2025-02-03"), BankAccount: "512007"}, ledger.NotFound, "512007"},
		{"cheque number on a transfer", app.ReceiptInput{Owner: "450001", Amount: 100, Date: isoDay("2025-02-03"), Mode: ledger.ByTransfer, Cheque: "12"}, ledger.Invalid, "que pour un chèque"},
		{"outside the exercises", app.ReceiptInput{Owner: "450001", Amount: 100, Date: isoDay("2031-02-03")}, ledger.Invalid, "aucun exercice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(accountLines(t, r, "450001"))
			_, err := r.Receive(tc.in)
			if ledger.KindOf(err) != tc.kind || !strings.Contains(ledger.Message(err), tc.want) {
				t.Errorf("got %v (%s), want kind %d with %q", err, ledger.Message(err), tc.kind, tc.want)
			}
			if after := len(accountLines(t, r, "450001")); after != before {
				t.Errorf("a refused receipt left lines: %d → %d", before, after)
			}
		})
	}
	// A closed exercise takes no receipt.
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	}))
	if _, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: 100, Date: isoDay("2025-12-01")}); ledger.KindOf(err) != ledger.Locked {
		t.Errorf("receipt in a closed exercise: %v", err)
	}
}
