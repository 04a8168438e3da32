package app

import (
	"reflect"
	"testing"

	"tantieme/ledger"
)

// The grand livre reads its lines by account (ledger.PeriodLines); they
// must be PeriodEntries' lines, the entries the journals and the FEC
// print, account by account in the entries' order (date, number, line),
// with the entry's label for a line without its own.
func TestGeneralLedgerLinesArePeriodEntries(t *testing.T) {
	r := writeDemo(t)
	ex := demoExercise(t, r)
	for _, opt := range []BookOptions{
		{Exercise: ex},
		{Exercise: ex, From: ledger.Date(2025, 4, 1), To: ledger.Date(2025, 6, 30)},
		{Exercise: ex, From: ledger.Date(2025, 12, 31), To: ledger.Date(2025, 12, 31)},
	} {
		g, err := r.GeneralLedger(opt)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]ledger.StatementLine{}
		err = r.View(func(tx *ledger.Tx) error {
			entries, err := PeriodEntries(tx, g.Period, "")
			for _, e := range entries {
				for _, l := range e.Lines {
					text := l.Label
					if text == "" {
						text = e.Label
					}
					want[l.Account] = append(want[l.Account], ledger.StatementLine{EntryID: e.ID, LineID: l.ID, Date: e.Date,
						Journal: e.Journal, Piece: e.Piece, Label: text, Key: l.Key, Debit: l.Debit, Credit: l.Credit, Letter: l.Letter, VAT: l.VAT})
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		lines := 0
		for _, a := range g.Accounts {
			got := make([]ledger.StatementLine, len(a.Lines))
			for i, l := range a.Lines {
				l.Balance = 0 // PeriodEntries has none
				got[i] = l
			}
			if len(got) == 0 && len(want[a.Account]) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want[a.Account]) {
				t.Errorf("%s, %s:\n got %+v\nwant %+v", g.Period.Name(), a.Account, got, want[a.Account])
			}
			lines += len(got)
			delete(want, a.Account)
		}
		if len(want) != 0 || lines == 0 {
			t.Errorf("%s: %d lines compared; accounts missing from the grand livre: %v", g.Period.Name(), lines, want)
		}
	}
}
