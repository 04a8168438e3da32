package app_test

import (
	"path/filepath"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

func TestDepositSlipRegisters(t *testing.T) {
	r := daybookResidence(t)
	c := receiveOK(t, r, app.ReceiptInput{Owner: "450001", Amount: euros("300"), Date: isoDay("2025-02-03"), Cheque: "1111111"})
	d, err := r.Deposit(app.DepositInput{Cheques: []int64{c}, Date: isoDay("2025-02-06")})
	mustOK(t, err)
	dir, err := r.DocumentsSubfolder(app.FolderSlips)
	mustOK(t, err)
	path := filepath.Join(dir, app.DepositSlipName(d))
	for range 2 { // printed again: the same line
		mustOK(t, r.WriteDepositSlip(path, d, isoDay("2025-02-06")))
	}
	lines, err := r.DocumentRegister(ledger.DocumentFilter{})
	mustOK(t, err)
	if len(lines) != 1 {
		t.Fatalf("register %+v", lines)
	}
	l := lines[0]
	if l.Kind != "deposit_slip" || l.Binder != "bordereaux" || len(l.Owners) != 0 || l.Path != path || l.State != "" ||
		!l.Date.Equal(isoDay("2025-02-06")) || l.Title != "Bordereau de remise n° 1 du 06/02/2025 (compte 512001)" {
		t.Errorf("slip registered %+v", l)
	}
}
