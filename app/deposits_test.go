package app_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// receive records a payment and returns its receipt entry id.
func receiveOK(t *testing.T, r *app.Residence, in app.ReceiptInput) int64 {
	t.Helper()
	res, err := r.Receive(in)
	mustOK(t, err)
	return res.Receipt.EntryID
}

func TestDepositEntriesDirectAndVia511(t *testing.T) {
	for _, via := range []bool{false, true} {
		name := "direct"
		if via {
			name = "via 511"
		}
		t.Run(name, func(t *testing.T) {
			r := daybookResidence(t)
			mustOK(t, r.SetDaybookSettings(app.DaybookSettings{ChequesVia511: via}))
			c1 := receiveOK(t, r, app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-02-03"), Cheque: "1111111", DrawerBank: "LCL"})
			c2 := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("1 234,56"), Date: isoDay("2025-02-04"), Cheque: "2222222", Drawer: "Garçon Marie"})
			tr := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("50"), Date: isoDay("2025-02-05"), Mode: ledger.ByTransfer})
			holding := "512001"
			if via {
				holding = ledger.ChequesAccount
			}
			checkEntry(t, entryOf(t, r, c1), "BQ", debitLine(holding, "", "300"), creditLine("450001", "", "300"))
			// A transfer goes to the bank whatever the option.
			checkEntry(t, entryOf(t, r, tr), "BQ", debitLine("512001", "", "50"), creditLine("450002", "", "50"))

			pending, err := r.PendingCheques("")
			mustOK(t, err)
			if len(pending) != 2 || pending[0].EntryID != c1 || pending[1].EntryID != c2 || pending[1].OwnerName != "M. Garçon Loïc" {
				t.Fatalf("pending cheques %+v", pending)
			}
			n, total := app.ChequeSelection(pending, map[int64]bool{c1: true, c2: true, tr: true})
			if n != 2 || total != euros("1 534,56") {
				t.Errorf("selection %d cheques %s", n, total)
			}

			d, err := r.Deposit(app.DepositInput{Cheques: []int64{c1, c2}, Date: isoDay("2025-02-06")})
			mustOK(t, err)
			if d.Count != 2 || d.Total != euros("1 534,56") || d.BankAccount != "512001" {
				t.Errorf("deposit %+v", d)
			}
			if via {
				if d.EntryID == 0 {
					t.Fatal("no entry moving the cheques from 511 to the bank")
				}
				e := entryOf(t, r, d.EntryID)
				checkEntry(t, e, "BQ", debitLine("512001", "", "1 534,56"), creditLine(ledger.ChequesAccount, "", "1 534,56"))
				if !e.Date.Equal(isoDay("2025-02-06")) || e.Label != "Remise de 2 chèques du 06/02/2025" {
					t.Errorf("deposit entry %s %q", e.Date, e.Label)
				}
			} else if d.EntryID != 0 {
				t.Errorf("a deposit of cheques already in the bank wrote entry %d", d.EntryID)
			}
			receipts, err := r.OwnerReceipts("450002")
			mustOK(t, err)
			if len(receipts) != 2 || !receipts[0].Deposited() || !receipts[0].DepositDate.Equal(isoDay("2025-02-06")) || receipts[1].Deposited() {
				t.Errorf("receipts after the deposit %+v", receipts)
			}
			if pending, _ := r.PendingCheques(""); len(pending) != 0 {
				t.Errorf("still pending: %+v", pending)
			}

			slip, err := r.DepositSlip(d.ID, isoDay("2025-02-06"))
			mustOK(t, err)
			if slip.Count != 2 || slip.Total != "1 534,56 €" || slip.IBAN != "FR76 3000 6000 0112 3456 7890 189" || slip.BIC != "AGRIFRPP" ||
				slip.Holder != "Syndicat des copropriétaires Résidence du Parc" || slip.Address != "3 allée des Érables, 69003 Lyon" {
				t.Errorf("slip %+v", slip)
			}
			if c := slip.Cheques[1]; c.Owner != "M. Garçon Loïc" || c.Drawer != "Garçon Marie" || c.Number != "2222222" || c.Amount != "1 234,56" || c.Received != "04/02/2025" {
				t.Errorf("slip cheque %+v", c)
			}
			if c := slip.Cheques[0]; c.Bank != "LCL" || c.Drawer != "Mme Dupont Zoé" {
				t.Errorf("slip cheque %+v", c)
			}
			pdf, err := r.DepositSlipPDF(d.ID, isoDay("2025-02-06"))
			if err != nil || len(pdf) == 0 {
				t.Error(err)
			}
			savePDF(t, "bordereau-"+strings.ReplaceAll(name, " ", "")+".pdf", pdf)

			if via {
				// A deposit whose transfer to the bank is ticked on a
				// statement stays until it is unticked.
				rc, err := r.Reconciliation("512001", isoDay("2025-02-28"))
				mustOK(t, err)
				mustOK(t, r.SaveReconciliation("512001", isoDay("2025-02-28"), euros("1 534,56"), 0, idList(tickPieces(rc, entryOf(t, r, d.EntryID).Piece))))
				err = r.CancelDeposit(d.ID)
				if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "pointé sur le relevé bancaire du 28/02/2025") {
					t.Errorf("cancelling a ticked deposit: %v", err)
				}
				mustOK(t, r.DeleteReconciliation("512001", isoDay("2025-02-28")))
			}
			// Cancelling the deposit puts the cheques back and removes its entry.
			mustOK(t, r.CancelDeposit(d.ID))
			if pending, _ := r.PendingCheques(""); len(pending) != 2 {
				t.Errorf("%d pending after cancelling", len(pending))
			}
			if via {
				mustOK(t, r.View(func(tx *ledger.Tx) error {
					if _, err := tx.Entry(d.EntryID); ledger.KindOf(err) != ledger.NotFound {
						t.Errorf("the deposit entry stayed: %v", err)
					}
					return nil
				}))
			}
		})
	}
}

func TestDepositRefusals(t *testing.T) {
	r := daybookResidence(t)
	c1 := receiveOK(t, r, app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-02-03"), Cheque: "1"})
	c2 := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("200"), Date: isoDay("2025-02-10"), Cheque: "2"})
	c3 := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("20"), Date: isoDay("2025-02-10"), Cheque: "3", BankAccount: "512002"})
	tr := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("50"), Date: isoDay("2025-02-05"), Mode: ledger.ByTransfer})
	_, err := r.Deposit(app.DepositInput{Cheques: []int64{c1}, Date: isoDay("2025-02-04")})
	mustOK(t, err)
	for _, tc := range []struct {
		name string
		in   app.DepositInput
		kind ledger.Kind
		want string
	}{
		{"nothing ticked", app.DepositInput{Date: isoDay("2025-02-12")}, ledger.Invalid, "cochez au moins un chèque"},
		{"no date", app.DepositInput{Cheques: []int64{c2}}, ledger.Invalid, "la date est obligatoire"},
		{"already deposited", app.DepositInput{Cheques: []int64{c2, c1}, Date: isoDay("2025-02-12")}, ledger.Conflict, "a déjà été remis le 04/02/2025"},
		{"before it was received", app.DepositInput{Cheques: []int64{c2}, Date: isoDay("2025-02-09")}, ledger.Invalid, "n'a été reçu que le 10/02/2025"},
		{"a transfer", app.DepositInput{Cheques: []int64{tr}, Date: isoDay("2025-02-12")}, ledger.Invalid, "(virement) ne va pas sur une remise de type « Chèques »"},
		{"another bank", app.DepositInput{Cheques: []int64{c3}, Date: isoDay("2025-02-12"), BankAccount: "512001"}, ledger.Invalid, "reçu pour le compte 512002"},
		{"not a receipt", app.DepositInput{Cheques: []int64{1}, Date: isoDay("2025-02-12")}, ledger.NotFound, "n'est pas un règlement"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := r.Deposit(tc.in)
			if ledger.KindOf(err) != tc.kind || !strings.Contains(ledger.Message(err), tc.want) {
				t.Errorf("got %v, want kind %d with %q", err, tc.kind, tc.want)
			}
		})
	}
	// Nothing of the refused deposits was written: c2 still waits.
	pending, err := r.PendingCheques("512001")
	mustOK(t, err)
	if len(pending) != 1 || pending[0].EntryID != c2 {
		t.Errorf("pending %+v", pending)
	}
	// A deposited receipt is frozen in the entry screen.
	err = r.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(c1) })
	if ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "remise en banque") {
		t.Errorf("deleting a deposited receipt: %v", err)
	}
	// An undeposited one may be corrected: it stays a receipt.
	err = r.Update(func(tx *ledger.Tx) error {
		e, err := tx.Entry(c2)
		if err != nil {
			return err
		}
		e.Label = "Chèque corrigé"
		e.Lines[0].Debit, e.Lines[1].Credit = euros("210"), euros("210")
		return tx.ReplaceEntry(c2, &e)
	})
	mustOK(t, err)
	pending, err = r.PendingCheques("512001")
	mustOK(t, err)
	if len(pending) != 1 || pending[0].Amount != euros("210") || pending[0].Label != "Chèque corrigé" {
		t.Errorf("corrected receipt %+v", pending)
	}
}

// A bounced cheque is reversed at the bank's date, its penalty charged, and
// what it had settled is unsettled.
func TestBounce(t *testing.T) {
	for _, via := range []bool{false, true} {
		t.Run(map[bool]string{false: "direct", true: "via 511"}[via], func(t *testing.T) {
			r := daybookResidence(t)
			mustOK(t, r.SetDaybookSettings(app.DaybookSettings{ChequesVia511: via}))
			c := receiveOK(t, r, app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-02-03"), Cheque: "4444444"})
			if letterOf(t, r, "450001", "A0001") == "" {
				t.Fatal("the cheque did not settle the first call")
			}
			// Not deposited yet: it cannot bounce.
			if _, err := r.Bounce(app.BounceInput{Receipt: c, Date: isoDay("2025-02-20")}); ledger.KindOf(err) != ledger.Invalid {
				t.Errorf("bounce before the deposit: %v", err)
			}
			_, err := r.Deposit(app.DepositInput{Cheques: []int64{c}, Date: isoDay("2025-02-05")})
			mustOK(t, err)
			if _, err := r.Bounce(app.BounceInput{Receipt: c, Date: isoDay("2025-02-04")}); ledger.KindOf(err) != ledger.Invalid {
				t.Errorf("bounce before the deposit date: %v", err)
			}
			if _, err := r.Bounce(app.BounceInput{Receipt: c, Date: isoDay("2025-02-20"), Penalty: euros("15"), PenaltyAccount: "512002"}); ledger.KindOf(err) != ledger.Invalid {
				t.Errorf("penalty on a bank account: %v", err)
			}
			res, err := r.Bounce(app.BounceInput{Receipt: c, Date: isoDay("2025-02-20"), Penalty: euros("15")})
			mustOK(t, err)
			e := entryOf(t, r, res.Entry.ID)
			// Deposited, the cheque is in the bank, whatever account it waited on.
			checkEntry(t, e, "BQ", debitLine("450001", "", "300"), creditLine("512001", "", "300"), debitLine("450001", "", "15"), creditLine("714000", "001", "15"))
			if !e.Date.Equal(isoDay("2025-02-20")) || e.Label != "Chèque impayé n° 4444444 – Mme Dupont Zoé" {
				t.Errorf("bounce entry %s %q", e.Date, e.Label)
			}
			// A0001 is due again; the receipt and its reversal cancel out.
			if l := letterOf(t, r, "450001", "A0001"); l != "" {
				t.Errorf("A0001 still matched %q", l)
			}
			recv := letterOf(t, r, "450001", "B2025-0001")
			if recv == "" || recv != letterOf(t, r, "450001", e.Piece) {
				t.Errorf("receipt letter %q, reversal letter %q", recv, letterOf(t, r, "450001", e.Piece))
			}
			// A0001 (the only call due by 20/02) is due again, plus the penalty.
			if res.Balance != euros("315") {
				t.Errorf("balance %s", res.Balance)
			}
			rc, _ := r.OwnerReceipts("450001")
			if !rc[0].Bounced() || rc[0].BounceEntryID != e.ID {
				t.Errorf("receipt %+v", rc[0])
			}
			if _, err := r.Bounce(app.BounceInput{Receipt: c, Date: isoDay("2025-02-21")}); ledger.KindOf(err) != ledger.Conflict {
				t.Errorf("second bounce: %v", err)
			}
			// The reversal is tied to the receipt, and the receipt to its deposit.
			if err := r.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(e.ID) }); ledger.KindOf(err) != ledger.Conflict {
				t.Errorf("deleting the reversal: %v", err)
			}
			if err := r.CancelDeposit(rc[0].DepositID); ledger.KindOf(err) != ledger.Conflict {
				t.Errorf("cancelling the deposit of a bounced cheque: %v", err)
			}
			// A new payment settles the oldest call again, then the penalty.
			pay, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: euros("315"), Date: isoDay("2025-03-01"), Mode: ledger.ByTransfer})
			mustOK(t, err)
			if len(pay.Settled) != 1 || len(pay.Settled[0].Lines) != 3 || pay.Settled[0].Lines[0].Piece != "A0001" ||
				pay.Settled[0].Lines[1].Piece != e.Piece || pay.Settled[0].Lines[1].Debit != euros("15") {
				t.Errorf("the new payment should settle A0001 and the penalty: %+v", pay.Settled)
			}
			// Cancelling the bounce puts things back as they were.
			mustOK(t, r.CancelBounce(c))
			if l := letterOf(t, r, "450001", "A0001"); l == "" {
				t.Error("A0001 not matched again after cancelling the bounce")
			}
			rc, _ = r.OwnerReceipts("450001")
			if rc[0].Bounced() {
				t.Error("still bounced")
			}
		})
	}
}

func TestBounceOfTransferAndCash(t *testing.T) {
	r := daybookResidence(t)
	tr := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("200"), Date: isoDay("2025-02-03"), Mode: ledger.ByTransfer, BankAccount: "512002"})
	cash := receiveOK(t, r, app.ReceiptInput{Owner: "450002", Amount: euros("10"), Date: isoDay("2025-02-03"), Mode: ledger.ByCash})
	res, err := r.Bounce(app.BounceInput{Receipt: tr, Date: isoDay("2025-02-07")})
	mustOK(t, err)
	checkEntry(t, entryOf(t, r, res.Entry.ID), "BQ", debitLine("450002", "", "200"), creditLine("512002", "", "200"))
	if !strings.HasPrefix(res.Entry.Label, "Règlement impayé") {
		t.Errorf("label %q", res.Entry.Label)
	}
	// Ticked on a statement, the reversal stays until it is unticked.
	rc, err := r.Reconciliation("512002", isoDay("2025-02-28"))
	mustOK(t, err)
	mustOK(t, r.SaveReconciliation("512002", isoDay("2025-02-28"), 0, 0, idList(tickPieces(rc, res.Entry.Piece))))
	if err := r.CancelBounce(tr); ledger.KindOf(err) != ledger.Conflict || !strings.Contains(ledger.Message(err), "son impayé est pointé") {
		t.Errorf("cancelling a ticked bounce: %v", err)
	}
	mustOK(t, r.SaveReconciliation("512002", isoDay("2025-02-28"), 0, 0, nil))
	mustOK(t, r.CancelBounce(tr))
	if _, err := r.Bounce(app.BounceInput{Receipt: cash, Date: isoDay("2025-02-07")}); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("cash bounce: %v", err)
	}
}
