package ledgertest

import (
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// Large writes a residence of 600 owners and 1 000 lots
// (flats, cellars, parkings; a fifth of the owners hold several lots) on
// four keys, with a budget and a works fund for 2025.
func Large(tb testing.TB, file string) {
	tb.Helper()
	r, err := ledger.Create(file, ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence Grand Parc", Address: "1 avenue du Parc", Zip: "69100", City: "Villeurbanne", SyndicName: "M. Karim Benali", SyndicPhone: "04 00 00 00 00"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant", IBAN: "FR76 3000 6000 0112 3456 7890 189", BIC: "AGRIFRPP"},
	})
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	err = r.Update(func(tx *ledger.Tx) error {
		keys := []ledger.Key{{Code: "001", Label: "Charges générales"}, {Code: "002", Label: "Ascenseurs"}, {Code: "003", Label: "Chauffage collectif"}, {Code: "004", Label: "Eau froide"}}
		for _, k := range keys[1:] {
			if err := tx.AddKey(k); err != nil {
				return err
			}
		}
		for i := 1; i <= 600; i++ {
			o := ledger.Owner{Account: fmt.Sprintf("450%03d", i), Civility: []string{"M.", "Mme", "M. et Mme", "SCI"}[i%4],
				Name: fmt.Sprintf("Copropriétaire-Élodie %03d Dupré", i), Address: fmt.Sprintf("%d avenue du Parc, bât. %c", 1+i%9, 'A'+rune(i%6)),
				Zip: "69100", City: "Villeurbanne"}
			if err := tx.AddOwner(&o); err != nil {
				return err
			}
		}
		totals := make([]decimal.Decimal, 4)
		for n := 1; n <= 1000; n++ {
			// Lots 1–600 are flats, one per owner; the others (cellars,
			// parkings) go to one owner in five.
			owner := n
			if n > 600 {
				owner = 1 + ((n-601)*5)%600
			}
			l := ledger.Lot{Number: fmt.Sprint(n), Owner: fmt.Sprintf("450%03d", owner)}
			if err := tx.AddLot(l); err != nil {
				return err
			}
			shares := []int64{int64(37 + n%41), 0, 0, 0}
			if n <= 600 {
				shares[1] = int64(10 + n%23)
				shares[2] = int64(50 + n%70)
				shares[3] = int64(20 + n%13)
			}
			for k, s := range shares {
				if s == 0 {
					continue
				}
				d := decimal.NewFromInt(s)
				totals[k] = totals[k].Add(d)
				if err := tx.SetShare(l.Number, keys[k].Code, d); err != nil {
					return err
				}
			}
		}
		for k := range keys {
			keys[k].DeclaredTotal = totals[k]
			if err := tx.UpdateKey(keys[k]); err != nil {
				return err
			}
		}
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		for _, b := range []ledger.BudgetLine{Budget("602000", "001", "48123,45"), Budget("611000", "001", "96000,07"), Budget("616000", "001", "31234,56"),
			Budget("614000", "002", "22345,67"), Budget("603000", "003", "154321,09"), Budget("601000", "004", "60606,61")} {
			if err := tx.SetBudgetLine(ex.ID, b); err != nil {
				return err
			}
		}
		return tx.SetWorksFund(ledger.WorksFund{ExerciseID: ex.ID, Amount: ledger.MustAmount("20631,58"), Key: "001"})
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// CopyFile copies a residence file, to start each run of a benchmark from
// the same books.
func CopyFile(tb testing.TB, from, to string) {
	tb.Helper()
	in, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
}
