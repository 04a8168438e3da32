package ledgertest

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// The test residences are built here, at the level of the books, so that
// the tests of ledger, of app (inside the package too) and of everything
// above share one copy of each; app/apptest opens them as app residences.

// Setup is the usual test residence: exercises 2025 to 2027 and a current
// account 512001 with its IBAN and BIC.
func Setup(name string) ledger.Setup {
	return ledger.Setup{
		Residence:  ledger.Residence{Name: name, Address: "3 allée des Cèdres", Zip: "38000", City: "Grenoble", SyndicName: "M. Éric Durand"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189", BIC: "AGRIFRPP"},
	}
}

// Create writes a residence of the given setup in a temporary folder, named
// after it, closes it and returns its path.
func Create(tb testing.TB, setup ledger.Setup, fill func(tx *ledger.Tx) error) string {
	tb.Helper()
	return CreateFile(tb, setup.Residence.Name+".copro", setup, fill)
}

// CreateFile is Create with the file's name chosen.
func CreateFile(tb testing.TB, name string, setup ledger.Setup, fill func(tx *ledger.Tx) error) string {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), name)
	db, err := ledger.Create(file, setup)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if fill != nil {
		if err := db.Update(fill); err != nil {
			tb.Fatal(err)
		}
	}
	return file
}

// Lot is a lot of a test residence: its owner and its shares per key.
type Lot struct {
	Number, Owner string
	Shares        map[string]string
}

// Calls writes « Résidence du Parc »: keys 001 to 003, the owners named by
// the lots (450001…, « Propriétaire 001 »…) and the lots with their
// shares, each key's declared total the sum of its shares; budget lines go
// to 2025. It returns the file's path.
func Calls(tb testing.TB, lots []Lot, budget ...ledger.BudgetLine) string {
	tb.Helper()
	return Create(tb, Setup("Résidence du Parc"), func(tx *ledger.Tx) error {
		totals := map[string]decimal.Decimal{}
		for _, l := range lots {
			for k, s := range l.Shares {
				totals[k] = totals[k].Add(decimal.RequireFromString(s))
			}
		}
		for _, k := range []ledger.Key{{Code: ledger.GeneralKey, Label: "Charges générales"}, {Code: "002", Label: "Ascenseur"}, {Code: "003", Label: "Chauffage"}} {
			k.DeclaredTotal = totals[k.Code]
			var err error
			if k.Code == ledger.GeneralKey {
				err = tx.UpdateKey(k)
			} else {
				err = tx.AddKey(k)
			}
			if err != nil {
				return err
			}
		}
		owners := map[string]bool{}
		for _, l := range lots {
			if l.Owner != "" && !owners[l.Owner] {
				owners[l.Owner] = true
				o := ledger.Owner{Account: l.Owner, Civility: "M.", Name: "Propriétaire " + l.Owner[3:], Address: "1 rue Haute", Zip: "38000", City: "Grenoble"}
				if err := tx.AddOwner(&o); err != nil {
					return err
				}
			}
			if err := tx.AddLot(ledger.Lot{Number: l.Number, Owner: l.Owner}); err != nil {
				return err
			}
			for k, s := range l.Shares {
				if err := tx.SetShare(l.Number, k, decimal.RequireFromString(s)); err != nil {
					return err
				}
			}
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		for _, b := range budget {
			if err := tx.SetBudgetLine(ex.ID, b); err != nil {
				return err
			}
		}
		return nil
	})
}

// Budget is one budget line, amount in euros ("1200.00").
func Budget(account, key, amount string) ledger.BudgetLine {
	return ledger.BudgetLine{Account: account, Key: key, Amount: ledger.MustAmount(amount)}
}

// TestsFill gives « Résidence des Tests » its keys 001 (1 000 tantièmes)
// and 002 (300), three owners (Dupont Zoé, Garçon Loïc, Martin Anaïs) and
// four lots (Martin Anaïs has two).
func TestsFill(tx *ledger.Tx) error {
	if err := tx.UpdateKey(ledger.Key{Code: ledger.GeneralKey, Label: "Charges générales", DeclaredTotal: decimal.NewFromInt(1000)}); err != nil {
		return err
	}
	if err := tx.AddKey(ledger.Key{Code: "002", Label: "Ascenseur", DeclaredTotal: decimal.NewFromInt(300)}); err != nil {
		return err
	}
	for _, o := range []ledger.Owner{{Account: "450001", Name: "Dupont Zoé", City: "Lyon"}, {Account: "450002", Name: "Garçon Loïc"},
		{Account: "450003", Name: "Martin Anaïs", City: "Villeurbanne"}} {
		if err := tx.AddOwner(&o); err != nil {
			return err
		}
	}
	for _, l := range []struct {
		num, owner string
		g, a       int64
	}{{"1", "450001", 400, 100}, {"2", "450002", 300, 200}, {"3", "450003", 200, 0}, {"4", "450003", 100, 0}} {
		if err := tx.AddLot(ledger.Lot{Number: l.num, Label: "Appartement", Owner: l.owner}); err != nil {
			return err
		}
		if err := tx.SetShare(l.num, ledger.GeneralKey, decimal.NewFromInt(l.g)); err != nil {
			return err
		}
		if err := tx.SetShare(l.num, "002", decimal.NewFromInt(l.a)); err != nil {
			return err
		}
	}
	return nil
}

// TestsEntries posts, on TestsFill, an owners' call and two receipts: at
// the end of June 2025, Dupont Zoé has paid 50 € in advance, Garçon Loïc
// owes 300 €, Martin Anaïs is settled.
func TestsEntries(tx *ledger.Tx) error {
	for _, e := range []ledger.Entry{
		{Journal: ledger.JournalMisc, Date: ledger.Date(2025, 1, 1), Piece: "A0001", Label: "Appel T1", Lines: []ledger.Line{
			{Account: "450001", Debit: ledger.MustAmount("400")},
			{Account: "450002", Debit: ledger.MustAmount("300")},
			{Account: "450003", Debit: ledger.MustAmount("300")},
			{Account: "701000", Key: ledger.GeneralKey, Credit: ledger.MustAmount("1000")}}},
		{Journal: ledger.JournalBank, Date: ledger.Date(2025, 2, 3), Piece: "R1", Label: "Règlement Dupont", Lines: []ledger.Line{
			{Account: "512001", Debit: ledger.MustAmount("450")},
			{Account: "450001", Credit: ledger.MustAmount("450")}}},
		{Journal: ledger.JournalBank, Date: ledger.Date(2025, 2, 10), Piece: "R2", Label: "Règlement Martin", Lines: []ledger.Line{
			{Account: "512001", Debit: ledger.MustAmount("300")},
			{Account: "450003", Credit: ledger.MustAmount("300")}}},
	} {
		if err := tx.PostEntry(&e); err != nil {
			return err
		}
	}
	return nil
}

// TestsSetup is « Résidence des Tests », Lyon: exercises 2025 to 2027 and
// a current account 512001.
func TestsSetup() ledger.Setup {
	return ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence des Tests", City: "Lyon"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant"},
	}
}

// Tests writes « Résidence des Tests » (TestsSetup, TestsFill and
// TestsEntries) as the screens see it, with something to warn about: lot 2
// has 150 tantièmes of key 002 instead of 200, so 250 of the 300 declared
// are given. It returns the file's path.
func Tests(tb testing.TB) string {
	tb.Helper()
	return CreateFile(tb, "Tests.copro", TestsSetup(), func(tx *ledger.Tx) error {
		if err := TestsFill(tx); err != nil {
			return err
		}
		if err := tx.SetShare("2", "002", decimal.NewFromInt(150)); err != nil {
			return err
		}
		return TestsEntries(tx)
	})
}

// Isolate keeps the backup log, the preferences and Documents out of the
// real user's folders for the test.
func Isolate(tb testing.TB) {
	tb.Setenv("XDG_CONFIG_HOME", tb.TempDir())
	tb.Setenv("HOME", tb.TempDir())
}

// SQL runs one raw statement on a residence file through a connection of
// its own, as sqlite3 would outside Tantième: for the tests of the file's
// own protections (triggers) and of tampering. The residence may be open
// in the program meanwhile, as it may be when someone edits it by hand.
func SQL(tb testing.TB, file, query string, args ...any) error {
	tb.Helper()
	raw, err := sql.Open("sqlite", file)
	if err != nil {
		tb.Fatal(err)
	}
	defer raw.Close()
	_, err = raw.Exec(query, args...)
	return err
}
