package banking_test

import (
	"bytes"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/banking"
	"tantieme/app/debits"
	"tantieme/app/transfers"
	"tantieme/bankfile"
	"tantieme/bankfile/camt"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

const livretIBAN = "FR7630002008470000071433944"

// sepaResidence is « Résidence des Tests » (ledgertest.Tests: call of
// 01/01/2025, 400 / 300 / 300 €; Dupont paid 450, Martin 300) with the ICS
// on 512001, a works-fund livret 502000, Garçon's mandate, a transfer of
// 200 € to the livret executed on 03/02/2025 and the direct debit of
// Garçon's 300 € collected on 05/02/2025, both made by the program.
func sepaResidence(t *testing.T) (*app.Residence, transfers.Result, debits.Result) {
	t.Helper()
	r := apptest.Open(t, ledgertest.Tests(t))
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		for _, b := range []ledger.BankAccount{
			{Account: "512001", Label: "Compte courant", IBAN: bankIBAN, BIC: "AGRIFRPP", ICS: "FR72ZZZ123456"},
			{Account: "502000", Label: "Livret fonds de travaux", IBAN: livretIBAN, Fund: "105000"}} {
			if err := tx.SaveBankAccount(b); err != nil {
				return err
			}
		}
		m := ledger.Mandate{Owner: "450002", RUM: "RUM-B", IBAN: payerIBAN, Signed: ledger.Date(2024, 6, 1)}
		return tx.AddMandate(&m)
	})
	dir := t.TempDir()
	tr, err := transfers.Post(r, []transfers.Transfer{{From: "512001", To: "502000", Amount: ledger.MustAmount("200"), Date: day("2025-02-03")}},
		transfers.Options{Folder: dir})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	b, err := debits.Plan(r, day("2025-02-05"), "")
	if err != nil || len(b.Lines) != 1 {
		t.Fatalf("batch %+v, %v", b, err)
	}
	db, err := debits.Post(r, b, debits.Options{Folder: dir})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	return r, tr, db
}

func entryCount(t *testing.T, r *app.Residence) int {
	t.Helper()
	var n int
	apptest.View(t, r, func(tx *ledger.Tx) error {
		es, err := tx.Entries(ledger.EntryFilter{})
		n = len(es)
		return err
	})
	return n
}

// camtFile writes statements as a bank would send them (camt.053) and
// reads them back, as the import does.
func camtFile(t *testing.T, sts ...bankfile.Statement) []bankfile.Statement {
	t.Helper()
	var buf bytes.Buffer
	if err := camt.Write(&buf, sts); err != nil {
		t.Fatal(err)
	}
	out, err := camt.Parse("releve.xml", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func closing(date string, cents int64) *bankfile.Balance {
	return &bankfile.Balance{Date: day(date), Amount: cents}
}

// TestStatementTiesSEPAPayments: the statements of both accounts show the
// transfer made by the program, the current account the debit collected
// and then sent back (AM04). The transfer's two lines and the collection
// are tied to the entries the files posted (no new entry), the return is
// reversed through the bounced-payment path, every line ticks the
// reconciliation, and the books check.
func TestStatementTiesSEPAPayments(t *testing.T) {
	r, tr, db := sepaResidence(t)
	transferE2E, debitE2E := ledger.SEPAEndToEnd(tr.Files[0].MsgID, 1), db.File.Payments[0].EndToEnd
	before, problems := entryCount(t, r), check(t, r)
	current := bankfile.Statement{Account: bankfile.Account{IBAN: bankIBAN}, Currency: "EUR", Closing: closing("2025-02-28", 75000-20000+30000-30000),
		Lines: []bankfile.Line{
			{Date: day("2025-02-03"), Amount: -20000, Label: "VIR SEPA SDC RESIDENCE DES TESTS", EndToEnd: transferE2E},
			{Date: day("2025-02-05"), Amount: 30000, Label: "PRLV SEPA GARCON", EndToEnd: debitE2E},
			{Date: day("2025-02-12"), Amount: -30000, Label: "IMPAYE PRLV SEPA", EndToEnd: debitE2E,
				Return: bankfile.Return{Reason: "AM04", Info: "PROVISION INSUFFISANTE"}},
		}}
	livret := bankfile.Statement{Account: bankfile.Account{IBAN: livretIBAN}, Currency: "EUR", Closing: closing("2025-02-28", 20000),
		Lines: []bankfile.Line{{Date: day("2025-02-04"), Amount: 20000, Label: "VIR SEPA RECU", EndToEnd: transferE2E}}}
	p := mustPrepare(t, r, camtFile(t, current, livret)...)
	want := []struct {
		kind    banking.Kind
		account string
		reason  string
	}{
		{banking.Linked, "502000", "virement de fonds du 03/02 émis par Tantième"},
		{banking.Linked, "450002", "prélèvement SEPA de Garçon Loïc (RUM RUM-B)"},
		{banking.Returned, "450002", "rejet du prélèvement SEPA de Garçon Loïc (RUM RUM-B) : AM04 provision insuffisante"},
		{banking.Linked, "512001", "virement de fonds du 03/02 émis par Tantième"},
	}
	if len(p.Lines) != len(want) {
		t.Fatalf("%d lines", len(p.Lines))
	}
	for i, w := range want {
		l := p.Lines[i]
		if !l.Certain || l.Kind != w.kind || l.Account != w.account || l.Reason != w.reason {
			t.Errorf("line %d: certain %v kind %v account %s reason %q; want %v %s %q", i+1, l.Certain, l.Kind, l.Account, l.Reason, w.kind, w.account, w.reason)
		}
	}
	rep := mustApply(t, r, p)
	if rep.Posted != 4 || rep.Pending != 0 || len(rep.Reconciled) != 2 {
		t.Fatalf("report %+v", rep)
	}
	// One entry more: the return's reversal; none for the three others.
	if n := entryCount(t, r); n != before+1 {
		t.Errorf("%d entries after the import, want %d", n, before+1)
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		lines, err := tx.ImportedBankLines("512001", day("2025-02-01"), day("2025-02-28"))
		if err != nil {
			return err
		}
		lines2, err := tx.ImportedBankLines("502000", day("2025-02-01"), day("2025-02-28"))
		if err != nil {
			return err
		}
		d, err := tx.DebitByEndToEnd(debitE2E)
		if err != nil {
			return err
		}
		if d.ReturnedEntry == 0 {
			t.Fatal("the debit was not returned")
		}
		entries := []int64{tr.Entries[0], db.File.Payments[0].EntryID, d.ReturnedEntry}
		for i, l := range lines {
			if l.Status != ledger.BankLinePosted || l.EntryID != entries[i] {
				t.Errorf("512001 line %d: %s, entry %d, want entry %d", i+1, l.Status, l.EntryID, entries[i])
			}
		}
		if len(lines2) != 1 || lines2[0].EntryID != tr.Entries[0] {
			t.Errorf("502000 lines %+v: want the transfer's entry %d", lines2, tr.Entries[0])
		}
		if !strings.Contains(lines[2].Details, "AM04") {
			t.Errorf("the return's reason is not kept: %q", lines[2].Details)
		}
		bal, err := tx.OwnerBalances(day("2025-12-31"))
		if err != nil {
			return err
		}
		if bal["450002"] != ledger.MustAmount("300") {
			t.Errorf("Garçon owes %s after the return, want 300 €", bal["450002"])
		}
		m, _, err := tx.MandateInForce("450002")
		if m.Returns != 1 {
			t.Errorf("the mandate counts %d returns", m.Returns)
		}
		for _, acc := range []string{"512001", "502000"} {
			bl, err := tx.ReconciliationLines(acc, day("2025-02-28"))
			if err != nil {
				return err
			}
			ours := map[int64]bool{}
			for _, e := range entries {
				ours[e] = true
			}
			n := 0
			for _, l := range bl {
				if ours[l.EntryID] {
					n++
					if l.Reconciled == "" {
						t.Errorf("%s: line of entry %d (%s) not ticked", acc, l.EntryID, l.Text())
					}
				}
			}
			if want := map[string]int{"512001": 3, "502000": 1}[acc]; n != want {
				t.Errorf("%s: %d lines of the statement's entries, want %d", acc, n, want)
			}
		}
		return err
	})
	if after := check(t, r); after != problems {
		t.Errorf("check after the import:\n%s\nbefore:\n%s", after, problems)
	}
}

// TestTransferWithoutEndToEnd: a bank that drops the end-to-end id gives a
// line of the transfer's amount two days after it: a suggestion, tying the
// line to the transfer's entry when confirmed (no second transfer in the
// books); a line of another amount, or five days off, is not suggested.
func TestTransferWithoutEndToEnd(t *testing.T) {
	r, tr, _ := sepaResidence(t)
	before, problems := entryCount(t, r), check(t, r)
	livret := bankfile.Statement{Account: bankfile.Account{IBAN: livretIBAN}, Currency: "EUR", Closing: closing("2025-02-28", 20000+20000+100),
		Lines: []bankfile.Line{
			{Date: day("2025-02-05"), Amount: 20000, Label: "VIR SEPA RECU"},
			{Date: day("2025-02-08"), Amount: 20000, Label: "VIR SEPA RECU BIS"},
			{Date: day("2025-02-05"), Amount: 100, Label: "VIR SEPA RECU TER"},
		}}
	p := mustPrepare(t, r, camtFile(t, livret)...)
	if len(p.Certain()) != 0 {
		t.Fatalf("certain lines: %v", p.Certain())
	}
	l := p.Lines[0]
	if len(l.Suggestions) == 0 || l.Suggestions[0].Entry != tr.Entries[0] || l.Suggestions[0].Account != "512001" {
		t.Fatalf("line 1: suggestions %+v", l.Suggestions)
	}
	for _, o := range p.Lines[1:] {
		for _, sg := range o.Suggestions {
			if sg.Entry != 0 {
				t.Errorf("line %q: transfer suggested %+v", o.Src.Label, sg)
			}
		}
	}
	rep, err := banking.Apply(r, p, banking.Selection{Lines: []banking.LineID{l.ID}, Choices: map[banking.LineID]banking.Choice{l.ID: l.Suggestions[0].Choice()}})
	if err != nil || rep.Posted != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if n := entryCount(t, r); n != before {
		t.Errorf("%d entries after confirming, want %d (none new)", n, before)
	}
	// Tied once: the next line of the same amount is no longer suggested it.
	pend, err := banking.Pending(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range pend {
		for _, sg := range pl.Suggestions {
			if sg.Entry != 0 {
				t.Errorf("pending line %q: transfer suggested again %+v", pl.Label, sg)
			}
		}
	}
	if after := check(t, r); after != problems {
		t.Errorf("check after the import:\n%s\nbefore:\n%s", after, problems)
	}
}

// check is what the residence's check says (the fixture's own problems
// included): an import must add none.
func check(t *testing.T, r *app.Residence) string {
	t.Helper()
	problems, err := r.Check(true)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range problems {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n")
}

// TestPendingReturn: a return line left pending (not selected at the
// import) keeps its reason; the « Relevés » list offers it as the debit's
// return, and confirming reverses the receipt with that reason.
func TestPendingReturn(t *testing.T) {
	r, _, db := sepaResidence(t)
	e2e := db.File.Payments[0].EndToEnd
	current := bankfile.Statement{Account: bankfile.Account{IBAN: bankIBAN}, Currency: "EUR", Closing: closing("2025-02-28", 45000),
		Lines: []bankfile.Line{{Date: day("2025-02-12"), Amount: -30000, Label: "IMPAYE PRLV SEPA", EndToEnd: e2e,
			Return: bankfile.Return{Reason: "MD01"}}}}
	p := mustPrepare(t, r, camtFile(t, current)...)
	if _, err := banking.Apply(r, p, banking.Selection{}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	pend, err := banking.Pending(r)
	if err != nil || len(pend) != 1 {
		t.Fatalf("pending %+v, %v", pend, err)
	}
	sg := pend[0].Suggestions
	if len(sg) != 1 || sg[0].Return != e2e || sg[0].ReturnCode != "MD01" || !strings.Contains(sg[0].Reason, "MD01 pas de mandat") {
		t.Fatalf("suggestions %+v", sg)
	}
	got, err := banking.AssignChoice(r, pend[0].ID, sg[0].Choice())
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if !strings.Contains(got.Entry.Label, "Prélèvement rejeté (MD01 pas de mandat)") {
		t.Errorf("reversal %q", got.Entry.Label)
	}
	apptest.View(t, r, func(tx *ledger.Tx) error {
		d, err := tx.DebitByEndToEnd(e2e)
		if d.ReturnedEntry != got.Entry.ID {
			t.Errorf("debit returned by entry %d, want %d", d.ReturnedEntry, got.Entry.ID)
		}
		return err
	})
	// Confirming again is refused: the line is no longer pending.
	if _, err := banking.AssignChoice(r, pend[0].ID, sg[0].Choice()); err == nil {
		t.Error("a second return of the same line was accepted")
	}
}
