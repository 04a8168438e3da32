package ledger_test

import (
	"bytes"
	"strings"
	"testing"

	"tantieme/ledger"
)

// TestBankAccountFund: only a savings account holds a fund, only the works
// fund or an advance of the chart, and the fund is read back.
func TestBankAccountFund(t *testing.T) {
	db := mustCreate(t)
	tests := []struct {
		name string
		b    ledger.BankAccount
		want string
	}{
		{"works fund on a livret", ledger.BankAccount{Account: "502000", Label: "Livret", Fund: "105000"}, ""},
		{"on a current account", ledger.BankAccount{Account: "512100", Label: "CIC", Fund: "105000"}, "Seul un compte d'épargne"},
		{"not a fund", ledger.BankAccount{Account: "502100", Label: "Livret B", Fund: "401000"}, "fonds de travaux (105…)"},
		{"fund not in the chart", ledger.BankAccount{Account: "502200", Label: "Livret C", Fund: "105900"}, "n'existe pas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := db.Update(func(tx *ledger.Tx) error { return tx.AddBankAccount(tt.b) })
			if tt.want != "" {
				if err == nil || !strings.Contains(ledger.Message(err), tt.want) {
					t.Fatalf("err %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
		})
	}
	db.View(func(tx *ledger.Tx) error {
		banks, _ := tx.BankAccounts()
		var got []string
		for _, b := range banks {
			got = append(got, b.Account+":"+b.Fund)
		}
		if strings.Join(got, " ") != "502000:105000 512001:" {
			t.Errorf("bank accounts %v", got)
		}
		return nil
	})
}

// TestSEPAFile: a file is kept whole with its payments, found by id and by
// message id, listed by kind; a message id serves once; the next id counts
// every file made.
func TestSEPAFile(t *testing.T) {
	db := mustCreate(t)
	var f ledger.SEPAFile
	err := db.Update(func(tx *ledger.Tx) error {
		e := ledger.Entry{Journal: ledger.JournalBank, Date: ledger.Date(2025, 3, 1), Label: "Virement", Lines: []ledger.Line{
			{Account: "512001", Debit: 1000}, {Account: "450001", Credit: 1000}}}
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
		id, err := tx.NextSEPAMsgID(ledger.SEPATransfer)
		if err != nil {
			return err
		}
		if id != "RESIDENCEDESTESTS-V000001" && id != "RESIDENCEDESTEST-V000001" {
			t.Errorf("first msg id %q", id)
		}
		f = ledger.SEPAFile{MsgID: id, Kind: ledger.SEPATransfer, Schema: "pain.001.001.09", BankAccount: "512001",
			Created: ledger.Date(2025, 3, 1), Execution: ledger.Date(2025, 3, 2), Name: "x.xml", Content: []byte("<x/>"),
			Payments: []ledger.SEPAPayment{{EndToEnd: ledger.SEPAEndToEnd(id, 1), EntryID: e.ID, Account: "450001", Amount: 1000}}}
		if err := tx.SaveSEPAFile(&f); err != nil {
			return err
		}
		next, _ := tx.NextSEPAMsgID(ledger.SEPADebit)
		if !strings.HasSuffix(next, "-P000002") {
			t.Errorf("next msg id %q", next)
		}
		dup := f
		dup.Name = "y.xml"
		if err := tx.SaveSEPAFile(&dup); err == nil || !strings.Contains(ledger.Message(err), "déjà servi") {
			t.Errorf("same msg id twice: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *ledger.Tx) error {
		got, err := tx.SEPAFileByMsgID(f.MsgID)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Content, []byte("<x/>")) || got.Total != 1000 || got.Transactions != 1 || len(got.Payments) != 1 ||
			got.Payments[0].EntryID == 0 || got.Execution != ledger.Date(2025, 3, 2) {
			t.Errorf("file read back %+v", got)
		}
		if l, _ := tx.SEPAFiles(ledger.SEPATransfer); len(l) != 1 {
			t.Errorf("transfer files %v", l)
		}
		if l, _ := tx.SEPAFiles(ledger.SEPADebit); len(l) != 0 {
			t.Errorf("debit files %v", l)
		}
		return nil
	})
	// A file altered behind the program's back is not handed out again.
	if err := db.Exec(`UPDATE sepa_files SET content = '<y/>'`); err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *ledger.Tx) error {
		if _, err := tx.SEPAFile(f.ID); err == nil || !strings.Contains(ledger.Message(err), "abîmé") {
			t.Errorf("altered file: %v", err)
		}
		return nil
	})
}
