package app_test

import (
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/ledger"
)

// bankMoves puts on 512001: +300 (02/02), +200 (10/02), −150 (15/02),
// −40 (03/03), and +25 on 512002.
func bankMoves(t *testing.T, r *app.Residence) {
	t.Helper()
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		for _, e := range []ledger.Entry{
			{Journal: "BQ", Date: isoDay("2025-02-02"), Piece: "R1", Label: "Virement Dupont", Lines: []ledger.Line{debitLine("512001", "", "300"), creditLine("450001", "", "300")}},
			{Journal: "BQ", Date: isoDay("2025-02-10"), Piece: "R2", Label: "Chèque Garçon", Lines: []ledger.Line{debitLine("512001", "", "200"), creditLine("450002", "", "200")}},
			{Journal: "BQ", Date: isoDay("2025-02-15"), Piece: "P1", Label: "Chèque n° 101 Plomberie", Lines: []ledger.Line{debitLine("401001", "", "150"), creditLine("512001", "", "150")}},
			{Journal: "BQ", Date: isoDay("2025-03-03"), Piece: "P2", Label: "Frais bancaires", Lines: []ledger.Line{debitLine("662000", "001", "40"), creditLine("512001", "", "40")}},
			{Journal: "BQ", Date: isoDay("2025-02-20"), Piece: "L1", Label: "Intérêts", Lines: []ledger.Line{debitLine("512002", "", "25"), creditLine("716000", "001", "25")}},
		} {
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	}))
}

func tickPieces(rc app.Reconciliation, pieces ...string) map[int64]bool {
	out := map[int64]bool{}
	for _, l := range rc.Lines {
		for _, p := range pieces {
			if l.Piece == p {
				out[l.ID] = true
			}
		}
	}
	return out
}

func idList(m map[int64]bool) []int64 {
	var out []int64
	for id := range m {
		out = append(out, id)
	}
	return out
}

func TestReconciliationGap(t *testing.T) {
	r := daybookResidence(t)
	bankMoves(t, r)
	feb, err := r.Reconciliation("512001", isoDay("2025-02-28"))
	mustOK(t, err)
	if feb.Saved || !feb.Statement.First() || len(feb.Lines) != 3 || feb.BookBalance != euros("350") {
		t.Fatalf("new reconciliation: saved %v, %d lines, book %s", feb.Saved, len(feb.Lines), feb.BookBalance)
	}
	// The statement shows 700 at the start and 1 200 at the end: the
	// cheque to the plumber is not cashed yet.
	for _, tc := range []struct {
		name      string
		ticked    []string
		gap       string
		tickedBal string
		expected  string
	}{
		{"nothing ticked", nil, "500", "700", "0"},
		{"receipts", []string{"R1", "R2"}, "0", "1 200", "500"},
		{"everything", []string{"R1", "R2", "P1"}, "150", "1 050", "350"},
		{"one receipt", []string{"R2"}, "300", "900", "200"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tot := feb.Totals(tickPieces(feb, tc.ticked...), euros("1 200"), euros("700"))
			if tot.Gap != euros(tc.gap) || tot.TickedBalance != euros(tc.tickedBal) || tot.Ticked != len(tc.ticked) {
				t.Errorf("gap %s ticked balance %s (%d), want %s / %s", tot.Gap, tot.TickedBalance, tot.Ticked, tc.gap, tc.tickedBal)
			}
			if tot.ExpectedStatement != euros(tc.expected) || tot.Unticked != 3-len(tc.ticked) {
				t.Errorf("expected statement %s with %d unticked, want %s", tot.ExpectedStatement, tot.Unticked, tc.expected)
			}
		})
	}
	tick := tickPieces(feb, "R1", "R2")
	mustOK(t, r.SaveReconciliation("512001", isoDay("2025-02-28"), euros("1 200"), euros("700"), idList(tick)))
	feb, err = r.Reconciliation("512001", isoDay("2025-02-28"))
	mustOK(t, err)
	if !feb.Saved || feb.Statement.Balance != euros("1 200") || feb.Statement.Opening != euros("700") || len(feb.Ticked()) != 2 {
		t.Fatalf("saved reconciliation: %+v, %d ticked", feb.Statement, len(feb.Ticked()))
	}
	if tot := feb.Totals(feb.Ticked(), feb.Statement.Balance, feb.Statement.Opening); tot.Gap != 0 {
		t.Errorf("saved gap %s", tot.Gap)
	}
	for _, l := range accountLines(t, r, "512001") {
		want := map[string]string{"R1": "2025-02-28", "R2": "2025-02-28"}[l.Piece]
		if l.Reconciled != want {
			t.Errorf("line %s reconciled %q, want %q", l.Piece, l.Reconciled, want)
		}
	}

	// March starts from February's balance and no longer lists its lines.
	mar, err := r.Reconciliation("512001", isoDay("2025-03-31"))
	mustOK(t, err)
	if mar.Statement.First() || mar.Statement.Opening != euros("1 200") || !mar.Statement.Previous.Equal(isoDay("2025-02-28")) {
		t.Errorf("march statement %+v", mar.Statement)
	}
	if len(mar.Lines) != 2 || mar.Lines[0].Piece != "P1" || mar.Lines[1].Piece != "P2" {
		t.Errorf("march lines %+v", mar.Lines)
	}
	tot := mar.Totals(tickPieces(mar, "P1", "P2"), euros("1 010"), 0)
	if tot.Gap != 0 || tot.Opening != euros("1 200") {
		t.Errorf("march: opening %s gap %s", tot.Opening, tot.Gap)
	}
	mustOK(t, r.SaveReconciliation("512001", isoDay("2025-03-31"), euros("1 010"), 0, idList(tickPieces(mar, "P1", "P2"))))
	list, err := r.BankStatements("512001")
	mustOK(t, err)
	if len(list) != 2 || list[1].Opening != euros("1 200") {
		t.Errorf("statements %+v", list)
	}

	// Refusals, each leaving the ticks as they were.
	var other int64
	for _, l := range accountLines(t, r, "512002") {
		other = l.ID
	}
	febIDs := idList(tickPieces(feb, "R1", "R2"))
	marIDs := idList(tickPieces(mar, "P1", "P2"))
	for _, tc := range []struct {
		name   string
		date   string
		ticked []int64
		kind   ledger.Kind
		want   string
	}{
		{"another account", "2025-02-28", append(febIDs, other), ledger.Invalid, "est sur le compte 512002"},
		{"after the statement", "2025-02-28", append(febIDs, idList(tickPieces(mar, "P2"))...), ledger.Invalid, "postérieure au relevé"},
		{"on another statement", "2025-04-30", marIDs, ledger.Conflict, "déjà pointée sur le relevé du 31/03/2025"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := r.SaveReconciliation("512001", isoDay(tc.date), 0, 0, tc.ticked)
			if ledger.KindOf(err) != tc.kind || !strings.Contains(ledger.Message(err), tc.want) {
				t.Errorf("got %v, want kind %d with %q", err, tc.kind, tc.want)
			}
		})
	}
	if err := r.SaveReconciliation("512009", isoDay("2025-02-28"), 0, 0, nil); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown bank: %v", err)
	}
	if _, err := r.Reconciliation("401001", isoDay("2025-02-28")); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("reconciling a supplier: %v", err)
	}

	// Saving again replaces the ticks: R2 is unticked.
	mustOK(t, r.SaveReconciliation("512001", isoDay("2025-02-28"), euros("1 200"), euros("700"), idList(tickPieces(feb, "R1"))))
	feb, _ = r.Reconciliation("512001", isoDay("2025-02-28"))
	if tk := feb.Ticked(); len(tk) != 1 || feb.Totals(tk, euros("1 200"), feb.Statement.Opening).Gap != euros("200") {
		t.Errorf("after unticking R2: %d ticked", len(tk))
	}
	// Deleting a statement unticks its lines.
	mustOK(t, r.DeleteReconciliation("512001", isoDay("2025-03-31")))
	mar, _ = r.Reconciliation("512001", isoDay("2025-03-31"))
	if len(mar.Ticked()) != 0 || len(mar.Lines) != 3 {
		t.Errorf("after deleting March: %d ticked of %d", len(mar.Ticked()), len(mar.Lines))
	}

	// The printed report carries the figures and both lists.
	rep, err := r.ReconciliationReport("512001", isoDay("2025-02-28"), isoDay("2025-03-01"))
	mustOK(t, err)
	if rep.Gap != "200,00 €" || rep.Balanced || rep.Statement != "1 200,00 €" || rep.TickedBalance != "1 000,00 €" ||
		len(rep.TickedLines) != 1 || len(rep.UntickedLines) != 2 || rep.BookBalance != "350,00 €" || rep.IBAN != "FR76 3000 6000 0112 3456 7890 189" {
		t.Errorf("report %+v", rep)
	}
	pdf, err := r.ReconciliationPDF("512001", isoDay("2025-02-28"), isoDay("2025-03-01"))
	if err != nil || len(pdf) == 0 {
		t.Error(err)
	}
	savePDF(t, "rapprochement.pdf", pdf)
	if _, err := r.ReconciliationReport("512001", isoDay("2025-01-31"), isoDay("2025-03-01")); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("report of a statement never saved: %v", err)
	}
}

func TestReconciliationClosedExercise(t *testing.T) {
	r := daybookResidence(t)
	bankMoves(t, r)
	feb, err := r.Reconciliation("512001", isoDay("2025-02-28"))
	mustOK(t, err)
	mustOK(t, r.SaveReconciliation("512001", isoDay("2025-02-28"), euros("200"), 0, idList(tickPieces(feb, "R2"))))
	mustOK(t, r.Update(func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	}))
	for _, tc := range []struct {
		name   string
		date   string
		ticked []string
	}{
		{"tick more", "2025-02-28", []string{"R1", "R2"}},
		{"untick", "2025-02-28", nil},
		{"new statement", "2025-03-31", []string{"P1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := r.SaveReconciliation("512001", isoDay(tc.date), euros("200"), 0, idList(tickPieces(feb, tc.ticked...)))
			if ledger.KindOf(err) != ledger.Locked {
				t.Errorf("got %v, want locked", err)
			}
		})
	}
	if err := r.DeleteReconciliation("512001", isoDay("2025-02-28")); ledger.KindOf(err) != ledger.Locked {
		t.Errorf("deleting a statement of a closed exercise: %v", err)
	}
	// A statement of the next exercise cannot tick the closed one's lines.
	jan, err := r.Reconciliation("512001", isoDay("2026-01-31"))
	mustOK(t, err)
	err = r.SaveReconciliation("512001", isoDay("2026-01-31"), euros("200"), 0, idList(tickPieces(jan, "P1")))
	if ledger.KindOf(err) != ledger.Locked || !strings.Contains(ledger.Message(err), "exercice clos") {
		t.Errorf("ticking a closed line on a later statement: %v", err)
	}
}
