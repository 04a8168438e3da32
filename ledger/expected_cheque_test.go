package ledger_test

import (
	"strings"
	"testing"
	"time"

	"tantieme/ledger"
)

// TestSeriesDatesAndNumbers: monthly on the first's day (the last day of a
// shorter month), numbers following on from the first, keeping its width,
// none when the first is unknown.
func TestSeriesDatesAndNumbers(t *testing.T) {
	var got []string
	for _, d := range ledger.SeriesDates(ledger.Date(2025, 12, 31), 4) {
		got = append(got, ledger.ISO(d))
	}
	if s := strings.Join(got, " "); s != "2025-12-31 2026-01-31 2026-02-28 2026-03-31" {
		t.Errorf("dates %s", s)
	}
	if s := strings.Join(ledger.SeriesNumbers("0012998", 3), " "); s != "0012998 0012999 0013000" {
		t.Errorf("numbers %s", s)
	}
	if s := strings.Join(ledger.SeriesNumbers("99", 2), " "); s != "99 100" {
		t.Errorf("numbers past the width %s", s)
	}
	if s := ledger.SeriesNumbers("000", 2); s[0] != "" || s[1] != "" {
		t.Errorf("unknown first number gave %q", s)
	}
}

func addSeries(t *testing.T, db *ledger.DB, s ledger.ChequeSeries) []ledger.ExpectedCheque {
	t.Helper()
	var out []ledger.ExpectedCheque
	mustUpdate(t, db, func(tx *ledger.Tx) (err error) { out, err = tx.AddChequeSeries(s); return err })
	return out
}

// TestChequeSeries: a series is stored as typed, read back by date; the
// refusals name the owner and leave nothing.
func TestChequeSeries(t *testing.T) {
	db := mustCreate(t)
	list := addSeries(t, db, ledger.ChequeSeries{Owner: "450001", Amount: amt("150"), First: ledger.Date(2025, 1, 5), Number: "1234567", Count: 3})
	second := addSeries(t, db, ledger.ChequeSeries{Owner: "450002", Amount: amt("80"), First: ledger.Date(2025, 2, 1), Number: "0", Count: 2})
	if len(list) != 3 || list[2].Number != "1234569" || !list[2].Date.Equal(ledger.Date(2025, 3, 5)) || second[0].Series == list[0].Series || second[1].Number != "" {
		t.Fatalf("series %+v / %+v", list, second)
	}
	var due []ledger.ExpectedCheque
	mustView(t, db, func(tx *ledger.Tx) (err error) {
		due, err = tx.ExpectedCheques(ledger.ExpectedChequeFilter{Waiting: true, DueBy: ledger.Date(2025, 2, 5)})
		return err
	})
	var names []string
	for _, c := range due {
		names = append(names, c.Owner+" "+c.Name())
	}
	want := "450001 chèque n° 1234567 du 05/01/2025 (150,00 €)|450002 chèque du 01/02/2025 (80,00 €)|450001 chèque n° 1234568 du 05/02/2025 (150,00 €)"
	if s := strings.Join(names, "|"); s != want {
		t.Errorf("due by 5 February:\n%s\nwant\n%s", s, want)
	}
	for _, tt := range []struct {
		name string
		s    ledger.ChequeSeries
		want string
	}{
		{"no amount", ledger.ChequeSeries{Owner: "450001", First: ledger.Date(2025, 1, 5), Count: 2}, "Chèques remis d'avance par Dupont Zoé : le montant de chaque chèque doit être positif"},
		{"no date", ledger.ChequeSeries{Owner: "450001", Amount: amt("10"), Count: 2}, "la date du premier chèque est obligatoire"},
		{"no count", ledger.ChequeSeries{Owner: "450001", Amount: amt("10"), First: ledger.Date(2025, 1, 5)}, "le nombre de chèques doit aller de 1 à 60 (0 demandé)"},
		{"too many", ledger.ChequeSeries{Owner: "450001", Amount: amt("10"), First: ledger.Date(2025, 1, 5), Count: 1200}, "(1200 demandé)"},
		{"letters", ledger.ChequeSeries{Owner: "450001", Amount: amt("10"), First: ledger.Date(2025, 1, 5), Count: 1, Number: "12A"}, "le numéro de chèque « 12A » doit n'avoir que des chiffres"},
		{"unknown owner", ledger.ChequeSeries{Owner: "450009", Amount: amt("10"), First: ledger.Date(2025, 1, 5), Count: 1}, "450009"},
	} {
		err := db.Update(func(tx *ledger.Tx) error { _, err := tx.AddChequeSeries(tt.s); return err })
		if err == nil || !strings.Contains(ledger.Message(err), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	var all []ledger.ExpectedCheque
	mustView(t, db, func(tx *ledger.Tx) (err error) {
		all, err = tx.ExpectedCheques(ledger.ExpectedChequeFilter{})
		return err
	})
	if len(all) != 5 {
		t.Errorf("%d cheques after the refusals, want 5", len(all))
	}
}

// TestExpectedChequeEditDelete: a cheque waiting may be changed or
// deleted; once it is a receipt it may not, until that receipt is deleted.
func TestExpectedChequeEditDelete(t *testing.T) {
	db := mustCreate(t)
	list := addSeries(t, db, ledger.ChequeSeries{Owner: "450001", Amount: amt("150"), First: ledger.Date(2025, 1, 5), Number: "1234567", Count: 3})
	c := list[1]
	c.Date, c.Number, c.Amount = ledger.Date(2025, 2, 10), " 7654321 ", amt("160")
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.UpdateExpectedCheque(c) })
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.ExpectedCheque(c.ID)
		if err == nil && (got.Number != "7654321" || got.Amount != amt("160") || !got.Date.Equal(ledger.Date(2025, 2, 10))) {
			t.Errorf("after the change %+v", got)
		}
		return err
	})
	for _, bad := range []struct {
		change func(*ledger.ExpectedCheque)
		want   string
	}{
		{func(c *ledger.ExpectedCheque) { c.Amount = 0 }, "Chèque remis d'avance par Dupont Zoé, chèque n° 7654321 du 10/02/2025 (160,00 €) : le montant doit être positif"},
		{func(c *ledger.ExpectedCheque) { c.Date = time.Time{} }, "la date est obligatoire"},
		{func(c *ledger.ExpectedCheque) { c.Number = "12-34" }, "doit n'avoir que des chiffres"},
	} {
		x := c
		bad.change(&x)
		if err := db.Update(func(tx *ledger.Tx) error { return tx.UpdateExpectedCheque(x) }); err == nil || !strings.Contains(ledger.Message(err), bad.want) {
			t.Errorf("%v, want %q", err, bad.want)
		}
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteExpectedCheque(list[2].ID) })

	var receipt int64
	mustUpdate(t, db, func(tx *ledger.Tx) error {
		r := ledger.Receipt{Owner: "450001", Date: ledger.Date(2025, 1, 6), Amount: amt("150"), Mode: ledger.ByCheque, BankAccount: "512001", Cheque: "1234567"}
		if _, err := tx.PostReceipt(&r); err != nil {
			return err
		}
		receipt = r.EntryID
		return tx.ExpectedChequeReceived(list[0].ID, r.EntryID)
	})
	for name, fn := range map[string]func(tx *ledger.Tx) error{
		"edit":    func(tx *ledger.Tx) error { x := list[0]; x.Amount = amt("1"); return tx.UpdateExpectedCheque(x) },
		"delete":  func(tx *ledger.Tx) error { return tx.DeleteExpectedCheque(list[0].ID) },
		"receive": func(tx *ledger.Tx) error { return tx.ExpectedChequeReceived(list[0].ID, receipt) },
	} {
		err := db.Update(fn)
		if err == nil || !strings.Contains(ledger.Message(err), "Chèque remis d'avance par Dupont Zoé, chèque n° 1234567 du 05/01/2025 (150,00 €) : il a déjà été encaissé") {
			t.Errorf("%s of a received cheque: %v", name, err)
		}
	}
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.DeleteReceipt(receipt) })
	mustView(t, db, func(tx *ledger.Tx) error {
		got, err := tx.ExpectedCheques(ledger.ExpectedChequeFilter{Owner: "450001", Waiting: true})
		if err == nil && (len(got) != 2 || got[0].ID != list[0].ID) {
			t.Errorf("after deleting its receipt, waiting: %+v", got)
		}
		return err
	})
}
