package banking_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/banking"
	"tantieme/bankfile"
	"tantieme/ledger"
)

// Certain lines are posted, the others wait in the file; a re-import, or
// an overlapping statement, posts nothing twice; two identical lines on
// one day are two payments and stay two.
func TestImportIsIdempotent(t *testing.T) {
	r := parc(t)
	before := balances(t, r)
	twice := line("2025-03-03", 5000, "VIR 450003 PROVISIONS")
	first := stmt(twice, twice, line("2025-03-04", 40000, "VIR M OU MME DUPONT ZOE"), line("2025-03-05", 1234, "VIR INCONNU"))
	p := mustPrepare(t, r, first)
	if len(p.Lines) != 4 || len(p.Certain()) != 3 {
		t.Fatalf("%d lines, %d certain", len(p.Lines), len(p.Certain()))
	}
	rep := mustApply(t, r, p)
	if rep.Posted != 3 || rep.Pending != 1 || rep.Skipped != 0 {
		t.Fatalf("report %+v", rep)
	}
	after := balances(t, r)
	if after["450003"] != before["450003"]-10000 || after["450001"] != before["450001"]-40000 {
		t.Errorf("balances %v → %v", before, after)
	}

	// The same file again: everything skipped, nothing posted.
	p = mustPrepare(t, r, first)
	if len(p.Lines) != 0 || len(p.Skipped) != 4 {
		t.Fatalf("re-import: %d new, %d skipped", len(p.Lines), len(p.Skipped))
	}
	rep = mustApply(t, r, p)
	if rep.Posted != 0 || rep.Skipped != 4 || rep.Lines[0].ID == "" {
		t.Errorf("re-import report %+v", rep)
	}
	// An overlapping statement: the two lines of the 3rd again, a third
	// identical one, and a new day.
	over := stmt(twice, twice, twice, line("2025-03-06", 30000, "VIR GARCON LOIC"))
	p = mustPrepare(t, r, over)
	if len(p.Lines) != 2 || len(p.Skipped) != 2 {
		t.Fatalf("overlap: %d new, %d skipped", len(p.Lines), len(p.Skipped))
	}
	mustApply(t, r, p)
	if got := balances(t, r); got["450003"] != before["450003"]-15000 || got["450002"] != before["450002"]-30000 {
		t.Errorf("after the overlap: %v", got)
	}
	// The same bank reference is the same movement, whatever its text.
	a := line("2025-03-07", 2500, "VIR 450004")
	a.Reference = "REF-0001"
	mustApply(t, r, mustPrepare(t, r, stmt(a)))
	a.Label = "VIREMENT RECU 450004"
	if p := mustPrepare(t, r, stmt(a)); len(p.Lines) != 0 || len(p.Skipped) != 1 {
		t.Errorf("same reference: %d new, %d skipped", len(p.Lines), len(p.Skipped))
	}
	pending, err := banking.Pending(r)
	if err != nil || len(pending) != 1 || pending[0].Label != "VIR INCONNU" {
		t.Fatalf("pending %+v %v", pending, err)
	}
	checkBooks(t, r)
}

func checkBooks(t *testing.T, r *app.Residence) {
	t.Helper()
	problems, err := r.Check(true)
	if err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// Between the preview and the validation the owner paid by cheque: his
// line is refused (kept pending, with the reason), the others posted.
func TestStaleDebtRefusesThatLine(t *testing.T) {
	r := parc(t)
	p := mustPrepare(t, r, stmt(line("2025-03-04", 40000, "VIR M OU MME DUPONT ZOE"), line("2025-03-04", 30000, "VIR GARCON LOIC")))
	if _, err := r.Receive(app.ReceiptInput{Owner: "450001", Amount: ledger.MustAmount("100"), Date: day("2025-03-02"), Cheque: "1"}); err != nil {
		t.Fatal(err)
	}
	rep := mustApply(t, r, p)
	if rep.Posted != 1 || rep.Refused != 1 || rep.Pending != 1 {
		t.Fatalf("report %+v", rep)
	}
	l := rep.Lines[0]
	if l.Status != banking.StatusPending || !strings.Contains(l.Reason, "la dette de Mme Dupont Zoé a changé depuis l'aperçu") {
		t.Errorf("refused line %+v", l)
	}
	pending, _ := banking.Pending(r)
	if len(pending) != 1 || pending[0].Amount != 40000 || !pending[0].Certain {
		t.Errorf("pending %+v", pending)
	}
	// Once the file was imported, the old preview is refused as a whole.
	if _, err := banking.Apply(r, p, banking.Selection{Lines: p.Certain()}); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("applying a preview twice: %v", err)
	}
}

// A refused file leaves the residence byte-identical and names what is
// wrong.
func TestRefusalsLeaveTheFileUntouched(t *testing.T) {
	r := parc(t)
	unknown := stmt(line("2025-03-01", 100, "VIR"))
	unknown.Account = bankfile.Account{IBAN: "FR7610107001011234567890129"}
	gap := stmt(line("2025-03-01", 100, "VIR"))
	gap.Opening = &bankfile.Balance{Date: day("2025-02-28"), Amount: 1000}
	gap.Closing = &bankfile.Balance{Date: day("2025-03-01"), Amount: 1200}
	dollars := stmt(line("2025-03-01", 100, "VIR"))
	dollars.Currency = "USD"
	outside := stmt(line("2031-03-01", 100, "VIR"))
	outside.Lines[0].Where = "ligne 7"
	for _, tc := range []struct {
		name string
		st   bankfile.Statement
		want string
	}{
		{"unknown account", unknown, "le compte FR7610107001011234567890129, qui n'est pas un compte bancaire de la résidence"},
		{"gap", gap, "ne tombe pas juste"},
		{"currency", dollars, "en USD"},
		{"no exercise", outside, "« releve.txt », ligne 7 : la ligne du 01/03/2031 ne tombe dans aucun exercice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := r.Path()
			old, _ := os.ReadFile(file)
			_, err := banking.Prepare(r, "releve.txt", []bankfile.Statement{stmt(line("2025-03-01", 40000, "VIR DUPONT ZOE")), tc.st})
			if err == nil || !strings.Contains(ledger.Message(err), tc.want) || !strings.Contains(ledger.Message(err), "Relevé « releve.txt » refusé") {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if now, _ := os.ReadFile(file); !bytes.Equal(old, now) {
				t.Error("the residence changed")
			}
		})
	}
}

// A line in a closed exercise refuses the file, naming the line.
func TestClosedExercise(t *testing.T) {
	r := parc(t)
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		ex, err := tx.ExerciseOfYear(2025)
		if err != nil {
			return err
		}
		return tx.CloseExercise(ex.ID)
	})
	old, _ := os.ReadFile(r.Path())
	st := stmt(line("2025-12-30", 100, "VIR"))
	st.Lines[0].Where = "ligne 4"
	_, err := banking.Prepare(r, "releve.txt", []bankfile.Statement{st})
	if err == nil || !strings.Contains(ledger.Message(err), "ligne 4 : la ligne du 30/12/2025 tombe dans l'exercice 2025, qui est clos") {
		t.Fatalf("error %v", err)
	}
	if now, _ := os.ReadFile(r.Path()); !bytes.Equal(old, now) {
		t.Error("the residence changed")
	}
}

// A statement stating its balances ticks the posted lines on the bank's
// reconciliation at its closing date.
func TestPostedLinesAreReconciled(t *testing.T) {
	r := parc(t)
	st := stmt(line("2025-03-04", 40000, "VIR M OU MME DUPONT ZOE"), line("2025-03-05", 1234, "VIR INCONNU"))
	st.Opening = &bankfile.Balance{Date: day("2025-02-28"), Amount: 100000}
	st.Closing = &bankfile.Balance{Date: day("2025-03-31"), Amount: 141234}
	rep := mustApply(t, r, mustPrepare(t, r, st))
	if len(rep.Reconciled) != 1 || rep.Reconciled[0] != "512001 au 31/03/2025" {
		t.Fatalf("reconciled %v", rep.Reconciled)
	}
	rc, err := r.Reconciliation("512001", day("2025-03-31"))
	if err != nil {
		t.Fatal(err)
	}
	ticked := 0
	for _, l := range rc.Lines {
		if l.Ticked {
			ticked++
			if l.Debit != 40000 {
				t.Errorf("ticked %+v", l)
			}
		}
	}
	if !rc.Saved || ticked != 1 || rc.Statement.Balance != 141234 || rc.Statement.Opening != 100000 {
		t.Errorf("statement %+v saved %v, %d ticked", rc.Statement, rc.Saved, ticked)
	}
	checkBooks(t, r)
}

// A pending line is posted by the syndic to an owner (his IBAN learnt),
// to a supplier, or to bank fees with a key.
func TestAssign(t *testing.T) {
	r := parc(t)
	unknown := line("2025-03-05", 20000, "VIR SEPA 8876")
	unknown.Counterparty.IBAN = payerIBAN
	fees := line("2025-03-31", -850, "FRAIS TENUE DE COMPTE")
	lift := line("2025-03-10", -24000, "PRLV 99")
	rep := mustApply(t, r, mustPrepare(t, r, stmt(unknown, fees, lift)))
	if rep.Pending != 3 {
		t.Fatalf("report %+v", rep)
	}
	id := func(i int) int64 {
		var n int64
		for _, c := range rep.Lines[i].ID {
			n = n*10 + int64(c-'0')
		}
		return n
	}
	before := balances(t, r)
	if _, err := banking.Assign(r, id(1), "662000", ""); err == nil || !strings.Contains(ledger.Message(err), "clé de répartition") {
		t.Errorf("fees without a key: %v", err)
	}
	if _, err := banking.Assign(r, id(0), "450003", "001"); err == nil {
		t.Error("a key on an owner's account was accepted")
	}
	a, err := banking.Assign(r, id(0), "450003", "")
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if a.Line.Status != ledger.BankLinePosted || a.Line.EntryID != a.Entry.ID || balances(t, r)["450003"] != before["450003"]-20000 {
		t.Errorf("assigned %+v", a.Line)
	}
	if _, err := banking.Assign(r, id(0), "450003", ""); ledger.KindOf(err) != ledger.Conflict {
		t.Errorf("assigning twice: %v", err)
	}
	if _, err := banking.Assign(r, id(1), "662000", "001"); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := banking.Assign(r, id(2), "401001", ""); err != nil {
		t.Fatal(ledger.Message(err))
	}
	// The IBAN is learnt: the owner's next transfer from it is certain.
	again := line("2025-04-05", 20000, "VIR SEPA 9999")
	again.Counterparty.IBAN = payerIBAN
	p := mustPrepare(t, r, stmt(again))
	if !p.Lines[0].Certain || p.Lines[0].Account != "450003" {
		t.Errorf("after learning the IBAN: %+v", p.Lines[0].Match)
	}
	if pending, _ := banking.Pending(r); len(pending) != 0 {
		t.Errorf("still pending: %+v", pending)
	}
	owed, err := r.SupplierOwed("401001", day("2025-12-31"))
	if err != nil || owed != 0 {
		t.Errorf("supplier still owed %s %v", owed, err)
	}
	checkBooks(t, r)
}

// The detail of an allocation: calls settled oldest first, then the
// overpayment.
func TestDetail(t *testing.T) {
	r := parc(t)
	d, err := banking.Detail(r, "450004", ledger.MustAmount("250"))
	if err != nil {
		t.Fatal(err)
	}
	// Every call still due is listed (the syndic may move money to it),
	// then the overpayment line, empty here.
	if len(d) != 5 || d[0].Amount != 10000 || d[1].Amount != 10000 || d[2].Amount != 5000 || d[3].Amount != 0 ||
		d[0].Piece != "A2025-0001" || !d[4].Over || d[4].Amount != 0 {
		t.Fatalf("detail %+v", d)
	}
	d, _ = banking.Detail(r, "450004", ledger.MustAmount("450"))
	if last := d[len(d)-1]; !last.Over || last.Amount != 5000 {
		t.Errorf("overpayment %+v", d)
	}
}
