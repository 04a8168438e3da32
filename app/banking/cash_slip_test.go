package banking_test

import (
	"os"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// TestCashSlipEndToEnd: the owners' cash taken to the bank on a slip of
// kind « Autre » (seed 003): the slip offers the cash receipts only, counts
// and totals them, prints a slip of cash, and the statement's credit of
// its total is tied to it by the import, its receipts ticked. A refused
// slip leaves the file byte for byte as it was.
func TestCashSlipEndToEnd(t *testing.T) {
	r := parc(t)
	var transfer int64
	for _, c := range []struct {
		owner, amount string
		mode          ledger.PaymentMode
	}{{"450001", "150", ledger.ByCash}, {"450002", "200", ledger.ByCash}, {"450003", "100", ledger.ByCash}, {"450004", "80", ledger.ByTransfer}} {
		res, err := r.Receive(app.ReceiptInput{Owner: c.owner, Amount: ledger.MustAmount(c.amount), Date: day("2025-03-03"), Mode: c.mode})
		if err != nil {
			t.Fatal(ledger.Message(err))
		}
		transfer = res.Receipt.EntryID // the last one
	}
	waiting, err := r.PendingReceipts("512001", ledger.DepositOther)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, w := range waiting {
		if w.Mode != ledger.ByCash {
			t.Errorf("offered on a cash slip: %s %s", w.Mode, w.OwnerName)
		}
		ids = append(ids, w.EntryID)
	}
	if len(ids) != 3 {
		t.Fatalf("%d receipts waiting for a slip, want the 3 in cash", len(ids))
	}

	// A transfer slipped in: refused, nothing written.
	before := fileOf(t, r)
	bad := app.DepositInput{Cheques: append(append([]int64(nil), ids...), transfer), Date: day("2025-03-04"), Kind: ledger.DepositOther}
	if _, err := r.Deposit(bad); err == nil || !strings.Contains(ledger.Message(err), "un virement ne passe par aucune remise") {
		t.Errorf("a transfer on the slip: %v", err)
	}
	if fileOf(t, r) != before {
		t.Error("the refused slip changed the file")
	}

	d, err := r.Deposit(app.DepositInput{Cheques: ids, Date: day("2025-03-04"), Kind: ledger.DepositOther})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if d.Count != 3 || d.Total != ledger.MustAmount("450") || d.Kind != ledger.DepositOther || d.EntryID != 0 {
		t.Errorf("slip %+v", d)
	}
	pdf, err := r.DepositSlipPDF(d.ID, day("2025-03-04"))
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	text := ledgertest.Flat(ledgertest.PDF(t, pdf, "-layout"))
	for _, want := range []string{"Bordereau de remise d'espèces", "Reçu le Copropriétaire Mode Montant", "03/03/2025 Mme Dupont Zoé espèces 150,00",
		"Total : 3 règlements 450,00 €", "Signature du remettant", "Cachet de la banque"} {
		if !strings.Contains(text, want) {
			t.Errorf("slip lacks %q:\n%s", want, text)
		}
	}
	for _, not := range []string{"chèque", "tireur", "Banque du tireur"} {
		if strings.Contains(strings.ToLower(text), strings.ToLower(not)) {
			t.Errorf("a cash slip says %q:\n%s", not, text)
		}
	}

	// The bank credits the slip's total: tied to the slip, its three
	// receipts' bank lines ticked on the statement.
	st := stmt(line("2025-03-05", 45000, "VERSEMENT ESPECES"))
	st.Opening = &bankfile.Balance{Date: day("2025-02-28"), Amount: 0}
	st.Closing = &bankfile.Balance{Date: day("2025-03-31"), Amount: 45000}
	plan := mustPrepare(t, r, st)
	m := plan.Lines[0].Match
	if m.Kind != banking.Deposit || !m.Certain || m.Deposit.ID != d.ID || !strings.Contains(m.Reason, "remise en banque « Autre » du 04/03/2025 (3 règlements)") {
		t.Fatalf("statement line matched %+v", m)
	}
	mustApply(t, r, plan)
	rc, err := r.Reconciliation("512001", day("2025-03-31"))
	if err != nil {
		t.Fatal(err)
	}
	var ticked []string
	for _, l := range rc.Lines {
		if l.Ticked {
			ticked = append(ticked, l.Debit.Format())
		}
	}
	if strings.Join(ticked, " ") != "150,00 200,00 100,00" {
		t.Errorf("ticked on the statement: %v", ticked)
	}
	if again := mustPrepare(t, r, stmt(line("2025-03-06", 45000, "VERSEMENT ESPECES"))); again.Lines[0].Match.Kind == banking.Deposit {
		t.Error("the slip was tied twice")
	}
	checkBooks(t, r)
}

func fileOf(t *testing.T, r *app.Residence) string {
	t.Helper()
	var all []byte
	for _, suffix := range []string{"", "-wal"} {
		b, _ := os.ReadFile(r.Path() + suffix)
		all = append(all, b...)
	}
	return string(all)
}
