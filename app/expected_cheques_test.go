package app_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// fileBytes reads the residence file and its WAL: a refused workflow must
// leave both as they were.
func fileBytes(t *testing.T, r *app.Residence) string {
	t.Helper()
	var all []byte
	for _, suffix := range []string{"", "-wal"} {
		b, _ := os.ReadFile(r.Path() + suffix)
		all = append(all, b...)
	}
	return string(all)
}

// problems is what the integrity check says of the file (the fixture's
// key 002 has no shares: the deposits must add nothing to that).
func problems(t *testing.T, r *app.Residence) string {
	t.Helper()
	list, err := r.Check(false)
	mustOK(t, err)
	var out []string
	for _, p := range list {
		out = append(out, fmt.Sprint(p))
	}
	return strings.Join(out, "\n")
}

func checkSame(t *testing.T, r *app.Residence, before string) {
	t.Helper()
	if after := problems(t, r); after != before {
		t.Errorf("the check finds after the deposit:\n%s\nbefore:\n%s", after, before)
	}
}

func balanceAt(t *testing.T, r *app.Residence, account, day string) ledger.Amount {
	t.Helper()
	var b ledger.Amount
	mustOK(t, r.View(func(tx *ledger.Tx) (err error) { b, err = tx.AccountBalanceAt(account, isoDay(day)); return err }))
	return b
}

// TestDepositRecordsExpectedCheques: the cheques handed in advance whose
// date has come are offered on the deposit; ticked, they become receipts
// of the deposit's day (cheque, its number, the owner as drawer, oldest
// calls first) in the deposit's one transaction, with a forgotten cheque
// typed in the deposit; the slip counts them all.
func TestDepositRecordsExpectedCheques(t *testing.T) {
	r := daybookResidence(t)
	series, err := r.AddChequeSeries(ledger.ChequeSeries{Owner: "450001", Amount: euros("300"), First: isoDay("2025-01-10"), Number: "1000001", Count: 3})
	mustOK(t, err)
	waiting := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("100"), Date: isoDay("2025-02-01"), Cheque: "777"})
	before := problems(t, r)

	due, err := r.ChequesDue(isoDay("2025-02-15"))
	mustOK(t, err)
	if len(due) != 2 || due[0].ID != series[0].ID || due[1].ID != series[1].ID || due[0].OwnerName != "Mme Dupont Zoé" {
		t.Fatalf("due by 15 February: %+v", due)
	}
	in := app.DepositInput{Date: isoDay("2025-02-15"), Cheques: []int64{waiting},
		Expected: []app.ExpectedPick{{ID: series[0].ID}, {ID: series[1].ID}},
		New:      []app.ReceiptInput{{Owner: "450002", Amount: euros("50"), Cheque: "4242", Drawer: "Garçon Marie", DrawerBank: "LCL", Date: isoDay("2025-02-12")}}}
	mustOK(t, r.CheckDeposit(in))
	if in.Counted() != 4 {
		t.Errorf("counted %d", in.Counted())
	}
	d, err := r.Deposit(in)
	mustOK(t, err)
	if d.Count != 4 || d.Total != euros("750") || d.Kind != ledger.DepositCheques {
		t.Errorf("deposit %+v", d)
	}
	// 450001 owed the January call (300) and paid two cheques of 300: 300
	// ahead; 450002 owed 200 and paid 150.
	if b := balanceAt(t, r, "450001", "2025-02-15"); b != euros("-300") {
		t.Errorf("450001 balance %s", b)
	}
	if b := balanceAt(t, r, "450002", "2025-02-15"); b != euros("50") {
		t.Errorf("450002 balance %s", b)
	}
	receipts, err := r.OwnerReceipts("450001")
	mustOK(t, err)
	if len(receipts) != 2 || receipts[0].Cheque != "1000001" || receipts[1].Cheque != "1000002" || receipts[0].Drawer != "Mme Dupont Zoé" ||
		receipts[0].DrawerBank != "Banque Populaire" || !receipts[0].Date.Equal(isoDay("2025-02-15")) || receipts[0].DepositID != d.ID {
		t.Errorf("receipts of 450001: %+v", receipts)
	}
	if letterOf(t, r, "450001", "A0001") == "" {
		t.Error("the January call of 450001 is not settled")
	}
	left, err := r.ExpectedCheques(ledger.ExpectedChequeFilter{Owner: "450001"})
	mustOK(t, err)
	if left[0].ReceiptEntry != receipts[0].EntryID || left[1].ReceiptEntry != receipts[1].EntryID || left[2].Received() {
		t.Errorf("cheques after the deposit %+v", left)
	}
	pdf, err := r.DepositSlipPDF(d.ID, isoDay("2025-02-15"))
	mustOK(t, err)
	text := ledgertest.Flat(ledgertest.PDF(t, pdf))
	for _, want := range []string{"Total : 4 chèques", "750,00 €", "1000001", "1000002", "4242", "777", "Garçon Marie", "LCL"} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q:\n%s", want, text)
		}
	}
	checkSame(t, r, before)
}

// TestChequeSplitToAnotherAccount: one cheque pays the owner's charges and
// an insurer's refund passed through him (713, on a key): one receipt of
// the whole cheque, one line of the slip, the owner credited with the rest.
func TestChequeSplitToAnotherAccount(t *testing.T) {
	r := daybookResidence(t)
	series, err := r.AddChequeSeries(ledger.ChequeSeries{Owner: "450001", Amount: euros("350"), First: isoDay("2025-02-01"), Count: 1})
	mustOK(t, err)
	before := problems(t, r)
	other := ledger.OtherPart{Account: "713000", Key: "001", Label: "Franchise dégât des eaux", Amount: euros("50")}
	d, err := r.Deposit(app.DepositInput{Date: isoDay("2025-02-03"), Expected: []app.ExpectedPick{{ID: series[0].ID, Others: []ledger.OtherPart{other}}}})
	mustOK(t, err)
	receipts, err := r.OwnerReceipts("450001")
	mustOK(t, err)
	if len(receipts) != 1 || receipts[0].Amount != euros("350") || receipts[0].Cheque != "" {
		t.Fatalf("receipts %+v", receipts)
	}
	e := entryOf(t, r, receipts[0].EntryID)
	checkEntry(t, e, "BQ", debitLine("512001", "", "350"), creditLine("450001", "", "300"), creditLine("713000", "001", "50"))
	if e.Lines[2].Label != "Franchise dégât des eaux" {
		t.Errorf("label of the other part %q", e.Lines[2].Label)
	}
	if b := balanceAt(t, r, "450001", "2025-02-03"); b != 0 {
		t.Errorf("450001 balance %s, want 0 (his January call paid, not more)", b)
	}
	if letterOf(t, r, "450001", "A0001") == "" {
		t.Error("the January call is not settled by the owner's part")
	}
	if b := balanceAt(t, r, "713000", "2025-02-03"); b != euros("-50") {
		t.Errorf("713000 balance %s", b)
	}
	slip, err := r.DepositSlip(d.ID, isoDay("2025-02-03"))
	mustOK(t, err)
	if slip.Count != 1 || slip.Total != "350,00 €" || len(slip.Cheques) != 1 || slip.Cheques[0].Amount != "350,00" {
		t.Errorf("slip %+v", slip)
	}
	checkSame(t, r, before)
}

// TestDepositRefusalsLeaveTheFile: a deposit refused for one of the
// cheques it adds writes nothing at all.
func TestDepositRefusalsLeaveTheFile(t *testing.T) {
	r := daybookResidence(t)
	series, err := r.AddChequeSeries(ledger.ChequeSeries{Owner: "450001", Amount: euros("300"), First: isoDay("2025-01-10"), Number: "1000001", Count: 2})
	mustOK(t, err)
	jan, feb := series[0].ID, series[1].ID
	day := isoDay("2025-01-20")
	pick := func(others ...ledger.OtherPart) []app.ExpectedPick {
		return []app.ExpectedPick{{ID: jan, Others: others}}
	}
	for _, tt := range []struct {
		name string
		in   app.DepositInput
		want string
	}{
		{"not yet dated", app.DepositInput{Date: day, Expected: []app.ExpectedPick{{ID: jan}, {ID: feb}}},
			"Remise du 20/01/2025 : le chèque n° 1000002 du 10/02/2025 (300,00 €) remis d'avance par Mme Dupont Zoé n'est daté que du 10/02/2025"},
		{"kind debit", app.DepositInput{Date: day, Kind: ledger.DepositDebits, Expected: pick()}, "une remise de type « Prélèvements » ne reçoit aucun règlement"},
		{"kind other", app.DepositInput{Date: day, Kind: ledger.DepositOther, Expected: pick()}, "une remise de type « Autre » ne reçoit pas de chèque ; les chèques remis d'avance ou oubliés vont sur une remise de chèques"},
		{"split to an owner", app.DepositInput{Date: day, Expected: pick(ledger.OtherPart{Account: "450002", Amount: euros("10")})}, "450002 est un compte de copropriétaire"},
		{"split to a bank", app.DepositInput{Date: day, Expected: pick(ledger.OtherPart{Account: "512002", Amount: euros("10")})}, "512002 est un compte de trésorerie"},
		{"split without key", app.DepositInput{Date: day, Expected: pick(ledger.OtherPart{Account: "713000", Amount: euros("10")})}, "le compte 713000 (classe 7) doit porter une clé de répartition"},
		{"split takes all", app.DepositInput{Date: day, Expected: pick(ledger.OtherPart{Account: "713000", Key: "001", Amount: euros("300")})}, "il doit rester une part pour le copropriétaire"},
		{"forgotten without amount", app.DepositInput{Date: day, Expected: pick(), New: []app.ReceiptInput{{Owner: "450002", Cheque: "1"}}}, "le montant doit être positif"},
		{"closed day", app.DepositInput{Date: isoDay("2024-12-31"), Expected: pick()}, "la date n'appartient à aucun exercice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := fileBytes(t, r)
			_, err := r.Deposit(tt.in)
			if err == nil || !strings.Contains(ledger.Message(err), tt.want) {
				t.Fatalf("%v, want %q", err, tt.want)
			}
			if fileBytes(t, r) != before {
				t.Error("a refused deposit changed the file")
			}
		})
	}
	if due, _ := r.ChequesDue(day); len(due) != 1 || due[0].Received() {
		t.Errorf("cheques after the refusals %+v", due)
	}
	// The window's question before its confirmation says the same.
	if err := r.CheckDeposit(app.DepositInput{Date: day, Expected: []app.ExpectedPick{{ID: feb}}}); err == nil || !strings.Contains(ledger.Message(err), "n'est daté que du 10/02/2025") {
		t.Errorf("CheckDeposit: %v", err)
	}
}
