package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"tantieme/ledger"
)

// A VAT changed on a posted entry outside Tantième breaks the chain like
// any other change; changed through Tantième it is a new version.
func TestChangedVATBreaksChain(t *testing.T) {
	db := mustCreate(t)
	e := entry("2025-02-03", "AC", "F1", dr("601000", "001", "120"), cr("401000", "", "120"))
	e.Lines[0].VAT = amt("20")
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.PostEntry(e) })
	wantNoProblem(t, db)
	raw, err := rawConn(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := raw.Exec(fmt.Sprintf(`UPDATE lines SET vat = 1000 WHERE entry_id = %d AND account = '601000'`, e.ID)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err = ledger.Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	problems, err := db.Check(true)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("l'écriture n° %d du 03/02/2025", e.ID); !hasText(problems, want) || !hasText(problems, "modifiée hors de Tantième") {
		t.Errorf("a VAT changed outside Tantième was not found: %v", problems)
	}
}

func TestReplacedVATIsANewVersion(t *testing.T) {
	db := mustCreate(t)
	e := entry("2025-02-03", "AC", "F1", dr("601000", "001", "120"), cr("401000", "", "120"))
	e.Lines[0].VAT = amt("20")
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.PostEntry(e) })
	f := entry("2025-02-03", "AC", "F1", dr("601000", "001", "120"), cr("401000", "", "120"))
	f.Lines[0].VAT = amt("10,91")
	mustUpdate(t, db, func(tx *ledger.Tx) error { return tx.ReplaceEntry(e.ID, f) })
	wantNoProblem(t, db)
	var hist []ledger.EntryVersion
	mustView(t, db, func(tx *ledger.Tx) (err error) {
		hist, err = tx.EntryHistory(e.ID)
		return err
	})
	if len(hist) != 2 || hist[0].Entry.Lines[0].VAT != amt("20") || hist[1].Entry.Lines[0].VAT != amt("10,91") {
		t.Errorf("history: %+v", hist)
	}
}

func TestLineVATChecked(t *testing.T) {
	db := mustCreate(t)
	for _, c := range []struct {
		name  string
		line  ledger.Line
		other ledger.Line
		want  string
	}{
		{"more than the line", ledger.Line{Account: "601000", Key: "001", Debit: 1000, VAT: 1001}, cr("401000", "", "10"), "dépasse le montant TTC"},
		{"negative", ledger.Line{Account: "601000", Key: "001", Debit: 1000, VAT: -1}, cr("401000", "", "10"), "négative"},
		{"not a charge", dr("601000", "001", "10"), ledger.Line{Account: "401000", Credit: 1000, VAT: 100}, "que sur une charge"},
		{"share over 100", ledger.Line{Account: "601000", Key: "001", Debit: 1000, Recoverable: 101}, cr("401000", "", "10"), "de 0 à 100"},
	} {
		err := db.Update(func(tx *ledger.Tx) error {
			return tx.PostEntry(entry("2025-02-03", "AC", "F1", c.line, c.other))
		})
		if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// The VAT included at each rate, computed by hand: 120 € TTC at 20 % holds
// 120 × 0,2 / 1,2 = 20 €; 110 € at 10 %: 10 €; 100 € at 5,5 %: 5,2132… →
// 5,21 €; 0,01 € at 20 %: 0,001666… → 0.
func TestVATIncluded(t *testing.T) {
	for _, c := range []struct {
		ttc  string
		rate ledger.VATRate
		want string
	}{{"120", ledger.VATNormal, "20"}, {"110", ledger.VATIntermediate, "10"}, {"100", ledger.VATReduced, "5,21"},
		{"0,01", ledger.VATNormal, "0"}, {"102,10", ledger.VATParticular, "2,10"}, {"500", ledger.VATNone, "0"}} {
		if got := ledger.VATIncluded(amt(c.ttc), c.rate); got != amt(c.want) {
			t.Errorf("%s at %s: %s, want %s", c.ttc, c.rate.Label(), got, c.want)
		}
	}
	if ledger.VATReduced.Label() != "5,5 %" || ledger.VATNormal.Label() != "20 %" {
		t.Errorf("labels: %s %s", ledger.VATReduced.Label(), ledger.VATNormal.Label())
	}
}
