package ledger_test

import (
	"strings"
	"testing"

	"tantieme/ledger"
)

// TestDepositKindTakes: the kind × mode table, the one rule the slip's
// check, the receipts waiting for a slip and the window read.
func TestDepositKindTakes(t *testing.T) {
	want := map[ledger.DepositKind]map[ledger.PaymentMode]bool{
		ledger.DepositCheques: {ledger.ByCheque: true},
		ledger.DepositOther:   {ledger.ByCash: true, ledger.ByOther: true},
		ledger.DepositDebits:  {},
	}
	for _, k := range ledger.DepositKinds() {
		for _, m := range ledger.PaymentModes() {
			if got := k.Takes(m); got != want[k][m] {
				t.Errorf("%s takes %s: %v, want %v", k, m, got, want[k][m])
			}
		}
	}
}

// TestDepositOfCash: a slip of kind « Autre » offers and takes the cash
// and « autre » receipts, never a cheque or a transfer; the cheques' slip
// never a cash receipt; a slip of debits nothing.
func TestDepositOfCash(t *testing.T) {
	db := mustCreate(t)
	ids := map[ledger.PaymentMode]int64{}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		for i, m := range ledger.PaymentModes() {
			r := ledger.Receipt{Owner: "450001", Date: ledger.Date(2025, 1, 6+i), Amount: amt("100"), Mode: m, BankAccount: "512001"}
			if m == ledger.ByCheque {
				r.Cheque = "1234567"
			}
			if _, err := tx.PostReceipt(&r); err != nil {
				return err
			}
			ids[m] = r.EntryID
		}
		return nil
	})
	waiting := func(k ledger.DepositKind) (modes []string) {
		mustView(t, db, func(tx *ledger.Tx) error {
			list, err := tx.Receipts(ledger.ReceiptFilter{Undeposited: true, Kind: k})
			for _, r := range list {
				modes = append(modes, string(r.Mode))
			}
			return err
		})
		return modes
	}
	if got := strings.Join(waiting(ledger.DepositOther), " "); got != "cash other" {
		t.Errorf("waiting for a slip « Autre »: %s", got)
	}
	if got := strings.Join(waiting(""), " "); got != "cheque" {
		t.Errorf("waiting for a slip of cheques: %s", got)
	}
	if got := waiting(ledger.DepositDebits); len(got) != 0 {
		t.Errorf("waiting for a slip of debits: %v", got)
	}
	day := ledger.Date(2025, 1, 20)
	for _, bad := range []struct {
		kind ledger.DepositKind
		ids  []int64
		want string
	}{
		{ledger.DepositOther, []int64{ids[ledger.ByCash], ids[ledger.ByTransfer]}, "(virement) ne va pas sur une remise de type « Autre » : un virement ne passe par aucune remise"},
		{ledger.DepositOther, []int64{ids[ledger.ByCheque]}, "(chèque) ne va pas sur une remise de type « Autre » : un chèque va sur une remise de chèques"},
		{ledger.DepositCheques, []int64{ids[ledger.ByCash]}, "(espèces) ne va pas sur une remise de type « Chèques »"},
		{ledger.DepositDebits, []int64{ids[ledger.ByOther]}, "une remise de type « Prélèvements » ne reçoit aucun règlement"},
		{ledger.DepositOther, nil, "cochez au moins un règlement"},
	} {
		err := db.Update(func(tx *ledger.Tx) error {
			return tx.PostDeposit(&ledger.Deposit{Date: day, BankAccount: "512001", Kind: bad.kind}, bad.ids, "", "", "")
		})
		if err == nil || !strings.Contains(ledger.Message(err), bad.want) {
			t.Errorf("%s %v: %v, want %q", bad.kind, bad.ids, err, bad.want)
		}
	}
	d := ledger.Deposit{Date: day, BankAccount: "512001", Kind: ledger.DepositOther}
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		return tx.PostDeposit(&d, []int64{ids[ledger.ByCash], ids[ledger.ByOther]}, "", "", "")
	})
	// Cash goes to the bank at its receipt: the slip moves nothing.
	if d.Count != 2 || d.Total != amt("200") || d.EntryID != 0 {
		t.Errorf("slip %+v", d)
	}
	if got := waiting(ledger.DepositOther); len(got) != 0 {
		t.Errorf("still waiting after the slip: %v", got)
	}
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.Deposit(d.ID)
		if err == nil && (got.Kind != ledger.DepositOther || got.Count != 2 || got.Total != amt("200")) {
			t.Errorf("read back %+v", got)
		}
		return err
	})
}
