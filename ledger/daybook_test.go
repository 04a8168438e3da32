package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"tantieme/ledger"
)

// daybookBooks is mustCreate with a call on 01/01/2025, a cheque of 450001
// received through 511 and deposited, and a transfer of 450002.
type daybookBooks struct {
	db       *ledger.DB
	cheque   ledger.Receipt
	transfer ledger.Receipt
	deposit  ledger.Deposit
}

func newDaybookBooks(t *testing.T) *daybookBooks {
	t.Helper()
	b := &daybookBooks{db: mustCreate(t)}
	mustUpdate(t, b.db, func(tx *ledger.Tx) error {
		if err := tx.EnsureChequesAccount(); err != nil {
			return err
		}
		if err := tx.PostEntry(entry("2025-01-01", "OD", "A0001", dr("450001", "", "400"), dr("450002", "", "300"),
			dr("450003", "", "300"), cr("701000", "001", "1000"))); err != nil {
			return err
		}
		b.cheque = ledger.Receipt{Owner: "450001", Date: ledger.MustDate("2025-02-01"), Piece: "R1", Amount: amt("400"),
			Mode: ledger.ByCheque, BankAccount: "512001", Account: ledger.ChequesAccount, Cheque: "1234567", Drawer: "Dupont Zoé"}
		if _, err := tx.PostReceipt(&b.cheque); err != nil {
			return err
		}
		b.transfer = ledger.Receipt{Owner: "450002", Date: ledger.MustDate("2025-02-02"), Piece: "R2", Amount: amt("300"),
			Mode: ledger.ByTransfer, BankAccount: "512001"}
		if _, err := tx.PostReceipt(&b.transfer); err != nil {
			return err
		}
		b.deposit = ledger.Deposit{Date: ledger.MustDate("2025-02-03"), BankAccount: "512001"}
		return tx.PostDeposit(&b.deposit, []int64{b.cheque.EntryID}, "BQ", "R3", "Remise")
	})
	return b
}

func TestReceiptValidation(t *testing.T) {
	db := mustCreate(t)
	// As in a residence created before 511 joined the chart.
	if err := db.Exec(`DELETE FROM accounts WHERE code = '511000'`); err != nil {
		t.Fatal(err)
	}
	ok := ledger.Receipt{Owner: "450001", Date: ledger.MustDate("2025-02-01"), Amount: amt("10"), Mode: ledger.ByCheque, BankAccount: "512001"}
	for _, tc := range []struct {
		name string
		edit func(r *ledger.Receipt)
		kind ledger.Kind
		want string
	}{
		{"511 for a transfer", func(r *ledger.Receipt) { r.Mode, r.Account = ledger.ByTransfer, ledger.ChequesAccount }, ledger.Invalid, "seul un chèque"},
		{"511 as the bank", func(r *ledger.Receipt) { r.BankAccount = ledger.ChequesAccount }, ledger.Invalid, "n'est pas un compte bancaire"},
		{"another account to wait on", func(r *ledger.Receipt) { r.Account = "471000" }, ledger.Invalid, "seul un chèque"},
		{"unknown mode", func(r *ledger.Receipt) { r.Mode = "bitcoin" }, ledger.Invalid, "inconnu"},
		{"unknown owner", func(r *ledger.Receipt) { r.Owner = "450009" }, ledger.NotFound, "450009"},
		{"drawer on cash", func(r *ledger.Receipt) { r.Mode, r.Drawer = ledger.ByCash, "X" }, ledger.Invalid, "que pour un chèque"},
		{"511 missing from an old chart", func(r *ledger.Receipt) { r.Account = ledger.ChequesAccount }, ledger.Invalid, "n'existe pas dans le plan comptable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			tc.edit(&r)
			err := db.Update(func(tx *ledger.Tx) error {
				_, err := tx.PostReceipt(&r)
				return err
			})
			if ledger.KindOf(err) != tc.kind || !strings.Contains(ledger.Message(err), tc.want) {
				t.Errorf("got %v, want kind %d with %q", err, tc.kind, tc.want)
			}
		})
	}
	for _, s := range []string{"Chèque", "chq", "VIREMENT", "espèces", "autre"} {
		if _, err := ledger.ParsePaymentMode(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := ledger.ParsePaymentMode("carte"); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("carte: %v", err)
	}
}

// The file itself keeps deposits, bounced cheques and statements whole,
// whatever writes to it.
func TestDaybookProtections(t *testing.T) {
	b := newDaybookBooks(t)
	var bounce ledger.Entry
	mustUpdate(t, b.db, func(tx *ledger.Tx) (err error) {
		bounce, err = tx.PostBounce(b.cheque.EntryID, ledger.Bounce{Date: ledger.MustDate("2025-02-10"), Piece: "R4", Label: "Impayé"})
		return err
	})
	for _, tc := range []struct {
		name string
		sql  string
		kind ledger.Kind
		want string
	}{
		{"delete a deposited cheque's entry", fmt.Sprintf(`DELETE FROM entries WHERE id = %d`, b.cheque.EntryID), ledger.Conflict, "remise en banque"},
		{"delete a deposit's entry", fmt.Sprintf(`DELETE FROM entries WHERE id = %d`, b.deposit.EntryID), ledger.Conflict, "annulez la remise"},
		{"delete a bounce's entry", fmt.Sprintf(`DELETE FROM entries WHERE id = %d`, bounce.ID), ledger.Conflict, "annulez l'impayé"},
		{"receipt without entry", `INSERT INTO receipts (entry_id, owner, mode, bank_account, account) VALUES (999, '450001', 'cheque', '512001', '512001')`, ledger.Invalid, "rattaché à son écriture"},
		{"deposit a transfer", fmt.Sprintf(`UPDATE receipts SET deposit_id = %d WHERE entry_id = %d`, b.deposit.ID, b.transfer.EntryID), ledger.Invalid, "ne contient que des chèques"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := b.db.Exec(tc.sql)
			if ledger.KindOf(err) != tc.kind || !strings.Contains(ledger.Message(err), tc.want) {
				t.Errorf("got %v (%s), want kind %d with %q", err, ledger.Message(err), tc.kind, tc.want)
			}
		})
	}
	// ledger's own calls answer the same.
	err := b.db.Update(func(tx *ledger.Tx) error { return tx.DeleteEntry(b.cheque.EntryID) })
	if ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("DeleteEntry of a deposited cheque: %v", err)
	}
	// Once the exercise is closed, deposits and statements are history.
	mustUpdate(t, b.db, func(tx *ledger.Tx) error {
		if err := tx.SaveBankStatement(ledger.BankStatement{Account: "512001", Date: ledger.MustDate("2025-02-28"), Balance: amt("300")}, nil); err != nil {
			return err
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	})
	for _, tc := range []struct{ name, sql string }{
		{"delete a deposit", fmt.Sprintf(`DELETE FROM deposits WHERE id = %d`, b.deposit.ID)},
		{"move a deposit", fmt.Sprintf(`UPDATE deposits SET date = '2026-01-05' WHERE id = %d`, b.deposit.ID)},
		{"add a deposit", `INSERT INTO deposits (date, bank_account) VALUES ('2025-06-01', '512001')`},
		{"unlink a cheque", fmt.Sprintf(`UPDATE receipts SET deposit_id = NULL WHERE entry_id = %d`, b.cheque.EntryID)},
		{"change a statement", `UPDATE bank_statements SET balance = 1`},
		{"delete a statement", `DELETE FROM bank_statements`},
		{"add a statement", `INSERT INTO bank_statements (account, date, balance) VALUES ('512001', '2025-03-31', 0)`},
		{"tick a line", fmt.Sprintf(`UPDATE lines SET reconciled = '2025-02-28' WHERE entry_id = %d`, b.transfer.EntryID)},
		{"match a line", fmt.Sprintf(`UPDATE lines SET letter = 'Q' WHERE entry_id = %d`, b.transfer.EntryID)},
	} {
		t.Run("closed/"+tc.name, func(t *testing.T) {
			if err := b.db.Exec(tc.sql); ledger.KindOf(err) != ledger.Locked {
				t.Errorf("got %v, want locked", err)
			}
		})
	}
	mustUpdate(t, b.db, func(tx *ledger.Tx) error {
		if err := tx.CancelDeposit(b.deposit.ID); ledger.KindOf(err) != ledger.Locked {
			t.Errorf("CancelDeposit in a closed exercise: %v", err)
		}
		if err := tx.CancelBounce(b.cheque.EntryID); ledger.KindOf(err) != ledger.Locked {
			t.Errorf("CancelBounce in a closed exercise: %v", err)
		}
		d := ledger.Deposit{Date: ledger.MustDate("2025-06-01"), BankAccount: "512001"}
		if err := tx.PostDeposit(&d, []int64{b.cheque.EntryID}, "BQ", "", ""); ledger.KindOf(err) != ledger.Locked {
			t.Errorf("deposit in a closed exercise: %v", err)
		}
		return nil
	})
	if problems, err := b.db.Check(true); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

func TestAutoMatchGroups(t *testing.T) {
	db := mustCreate(t)
	// 450001: calls 400 (01/01), 100 (01/04), 50 (01/07); payments 250
	// (02/01), 150 (03/01), 150 (02/04), 50 (02/07).
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for _, e := range []*ledger.Entry{
			entry("2025-01-01", "OD", "A1", dr("450001", "", "400"), cr("701000", "001", "400")),
			entry("2025-01-02", "BQ", "R1", dr("512001", "", "250"), cr("450001", "", "250")),
			entry("2025-01-03", "BQ", "R2", dr("512001", "", "150"), cr("450001", "", "150")),
			entry("2025-04-01", "OD", "A2", dr("450001", "", "100"), cr("701000", "001", "100")),
			entry("2025-04-02", "BQ", "R3", dr("512001", "", "150"), cr("450001", "", "150")),
			entry("2025-07-01", "OD", "A3", dr("450001", "", "50"), cr("701000", "001", "50")),
		} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
	var groups []ledger.MatchGroup
	mustUpdate(t, db, func(tx *ledger.Tx) (err error) {
		groups, err = tx.AutoMatch("450001")
		return err
	})
	// A1 = R1 + R2; then A2 alone is less than R3, A2 + A3 equals it.
	var got []string
	for _, g := range groups {
		var pieces []string
		for _, l := range g.Lines {
			pieces = append(pieces, l.Piece)
		}
		got = append(got, g.Letter+":"+strings.Join(pieces, ","))
	}
	if want := "A:A1,R1,R2 B:A2,A3,R3"; strings.Join(got, " ") != want {
		t.Errorf("groups %v, want %s", got, want)
	}
	// Running it again finds nothing more.
	mustUpdate(t, db, func(tx *ledger.Tx) (err error) {
		groups, err = tx.AutoMatch("450001")
		return err
	})
	if len(groups) != 0 {
		t.Errorf("second run made %d groups", len(groups))
	}
}

// Groups stay inside an exercise: the next one's opening line carries what
// is unmatched at the closing.
func TestMatchStaysInsideAnExercise(t *testing.T) {
	db := mustCreate(t)
	var call, pay *ledger.Entry
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		call = entry("2025-12-01", "OD", "A4", dr("450002", "", "300"), cr("701000", "001", "300"))
		pay = entry("2026-01-05", "BQ", "R9", dr("512001", "", "300"), cr("450002", "", "300"))
		if err := tx.PostEntry(call); err != nil {
			return err
		}
		return tx.PostEntry(pay)
	})
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		groups, err := tx.AutoMatch("450002")
		if err != nil || len(groups) != 0 {
			t.Errorf("matched over the year end: %+v %v", groups, err)
		}
		_, err = tx.Match([]int64{call.Lines[0].ID, pay.Lines[1].ID})
		if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), "pas du même exercice") {
			t.Errorf("manual match over the year end: %v", err)
		}
		return nil
	})
}
