package ledger_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// mustCreate opens « Résidence des Tests » without entries
// (ledgertest.TestsFill): exercises 2025 to 2027, a bank account, two keys,
// three owners and four lots.
func mustCreate(tb testing.TB) *ledger.DB {
	tb.Helper()
	setup := ledgertest.TestsSetup()
	setup.Bank.IBAN = "FR76 3000 6000 0112 3456 7890 189"
	db, err := ledger.Open(ledgertest.CreateFile(tb, "Les Tests.copro", setup, ledgertest.TestsFill))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func mustUpdate(tb testing.TB, db *ledger.DB, fn func(tx *ledger.Tx) error) {
	tb.Helper()
	if err := db.Update(fn); err != nil {
		tb.Fatal(err)
	}
}

func mustView(tb testing.TB, db *ledger.DB, fn func(tx *ledger.Tx) error) {
	tb.Helper()
	if err := db.View(fn); err != nil {
		tb.Fatal(err)
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func amt(s string) ledger.Amount { return ledger.MustAmount(s) }

func entry(date, journal, piece string, lines ...ledger.Line) *ledger.Entry {
	return &ledger.Entry{Journal: journal, Date: ledger.MustDate(date), Piece: piece, Label: "test " + piece, Lines: lines}
}

func dr(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Debit: amt(amount)}
}

func cr(account, key, amount string) ledger.Line {
	return ledger.Line{Account: account, Key: key, Credit: amt(amount)}
}
