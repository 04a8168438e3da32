package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// recoverableResidence is « Résidence des Tests » (key 001: lots 1 to 4
// at 400 / 300 / 200 / 100; key 002: lots 1 and 2 at 100 / 200) with
// charges of 2025, Dupont Zoé (450001, lot 1) a landlord.
func recoverableResidence(t *testing.T) *app.Residence {
	t.Helper()
	file := ledgertest.Create(t, ledgertest.TestsSetup(), func(tx *ledger.Tx) error {
		if err := ledgertest.TestsFill(tx); err != nil {
			return err
		}
		o, err := tx.Owner("450001")
		if err != nil {
			return err
		}
		o.Landlord = true
		if err := tx.UpdateOwner(o); err != nil {
			return err
		}
		for _, c := range []struct {
			date, account, key, debit, credit string
			percent                           int
		}{
			{"2025-02-01", "601000", "001", "100", "", 100},
			{"2025-03-01", "614000", "002", "100", "", 100},
			{"2025-04-01", "641000", "001", "1000,01", "", 75},
			{"2025-05-01", "602000", "001", "50", "", 0},
			{"2025-06-01", "601000", "001", "", "10", 100},
			{"2026-01-10", "601000", "001", "999", "", 100}, // after the period
		} {
			l := ledger.Line{Account: c.account, Key: c.key, Recoverable: c.percent, Label: "Dépense " + c.account}
			other := ledger.Line{Account: "401000"}
			if c.debit != "" {
				l.Debit, other.Credit = ledger.MustAmount(c.debit), ledger.MustAmount(c.debit)
			} else {
				l.Credit, other.Debit = ledger.MustAmount(c.credit), ledger.MustAmount(c.credit)
			}
			e := ledger.Entry{Journal: ledger.JournalPurchases, Date: ledger.MustDate(c.date), Label: "Facture", Lines: []ledger.Line{l, other}}
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	return apptest.Open(t, file)
}

// Issue 20: the landlord's statement of lot 1, on two keys. By hand:
//   - 601000 on 001, 100,00 € all recoverable: lot 1 has 400 / 1 000: 40,00;
//   - 614000 on 002, 100,00 €: lots 1 and 2 at 100 / 200, exact 33,333 and
//     66,667, the cent left to the larger remainder, lot 2: lot 1 33,33;
//   - 641000 on 001, 1 000,01 € at 75 %: 750,0075 → 750,01 recoverable;
//     lot 1's exact share 300,004, the cent left to lot 1 (remainder ,4,
//     the largest of ,4 ,3 ,2 ,1): 300,01;
//   - 602000 is not recoverable; the credit note of 10,00 € on 601000 gives
//     back 4,00.
//
// Key 001: 40,00 + 300,01 − 4,00 = 336,01; key 002: 33,33; total 369,34.
func TestRecoverableStatementTwoKeys(t *testing.T) {
	r := recoverableResidence(t)
	opt := app.RecoverableOptions{From: ledger.Date(2025, 1, 1), To: ledger.Date(2025, 12, 31)}
	list, err := r.RecoverableStatements(opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Owner.Account != "450001" || len(list[0].Lots) != 1 {
		t.Fatalf("statements: %+v", list)
	}
	lot := list[0].Lots[0]
	if lot.Lot != "1" || len(lot.Keys) != 2 {
		t.Fatalf("lot: %+v", lot)
	}
	k1, k2 := lot.Keys[0], lot.Keys[1]
	var parts []string
	for _, l := range k1.Lines {
		parts = append(parts, l.Part.Plain())
	}
	if strings.Join(parts, " ") != "40.00 300.01 -4.00" || k1.Total != ledger.MustAmount("336,01") || k1.Shares.String() != "400" || k1.TotalShares.String() != "1000" {
		t.Errorf("key 001: %v %+v", parts, k1)
	}
	if len(k2.Lines) != 1 || k2.Lines[0].Part != ledger.MustAmount("33,33") || k2.Total != ledger.MustAmount("33,33") {
		t.Errorf("key 002: %+v", k2)
	}
	if k1.Lines[1].Recoverable != ledger.MustAmount("750,01") || k1.Lines[1].Percent != 75 {
		t.Errorf("75 %% line: %+v", k1.Lines[1])
	}
	if lot.Total != ledger.MustAmount("369,34") || list[0].Total != ledger.MustAmount("369,34") {
		t.Errorf("totals: %s %s", lot.Total, list[0].Total)
	}

	// The PDF, registered for him.
	dir := t.TempDir()
	path := filepath.Join(dir, "recup.pdf")
	opt.Owners = []string{"450001"}
	if err := r.WriteRecoverableStatement(path, opt); err != nil {
		t.Fatal(err)
	}
	text := ledgertest.Flat(ledgertest.PDFFile(t, path, "-layout"))
	for _, want := range []string{"Relevé des charges récupérables", "Période du 01/01/2025 au 31/12/2025", "Lot 1 – Appartement",
		"Clé 001 Charges générales : 400 / 1 000 tantièmes", "Clé 002 Ascenseur : 100 / 300 tantièmes", "1 000,01 75 % 750,01 300,01", "Lot 1 : charges récupérables 369,34",
		"Total de la clé 336,01", "Total de la clé 33,33", "369,34 €", "décret n° 87-713"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	docs, err := r.DocumentRegister(ledger.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Kind != "recoverable" || strings.Join(docs[0].Owners, ",") != "450001" {
		t.Errorf("register: %+v", docs)
	}
}

// Without anyone flagged landlord, the statements say what to do.
func TestRecoverableWithoutLandlord(t *testing.T) {
	r := apptest.Open(t, ledgertest.Tests(t))
	_, err := r.RecoverableStatements(app.RecoverableOptions{From: ledger.Date(2025, 1, 1), To: ledger.Date(2025, 12, 31)})
	if ledger.KindOf(err) != ledger.NotFound || !strings.Contains(ledger.Message(err), "cochez « Bailleur »") {
		t.Errorf("%v", err)
	}
}

// An invoice marked recoverable gives its lines the account's default
// share, or the whole of it on an account without one.
func TestInvoiceRecoverableShare(t *testing.T) {
	r := apptest.Open(t, ledgertest.Tests(t))
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		if err := tx.AddSupplier(&ledger.Supplier{Account: "401ELE", Name: "Électricité"}); err != nil {
			return err
		}
		return tx.SetAccountRecoverable("641000", 75)
	})
	for _, c := range []struct {
		account string
		want    int
	}{{"641000", 75}, {"602000", 100}} {
		res, err := r.RecordInvoice(app.InvoiceInput{Supplier: "401ELE", Account: c.account, Key: "001", Date: ledger.Date(2025, 3, 1),
			Total: ledger.MustAmount("120"), VAT: ledger.MustAmount("20"), Recoverable: true})
		if err != nil {
			t.Fatal(err)
		}
		l := res.Entry.Lines[0]
		if l.Recoverable != c.want || l.VAT != ledger.MustAmount("20") {
			t.Errorf("%s: %+v", c.account, l)
		}
	}
}

// Issue 20: the journal and the grand livre get a « dont TVA » column when
// the period has VAT, with each line's VAT; without VAT, none.
func TestBooksVATColumn(t *testing.T) {
	r := apptest.Open(t, ledgertest.Tests(t))
	ex := apptest.Year(t, r, 2025)
	journal := func() string {
		pdf, err := r.JournalPDF(app.BookOptions{Exercise: ex, Printed: ledger.Date(2026, 1, 15)})
		if err != nil {
			t.Fatal(err)
		}
		return ledgertest.Flat(ledgertest.PDF(t, pdf, "-layout"))
	}
	if strings.Contains(journal(), "TVA") {
		t.Error("a journal without VAT has a VAT column")
	}
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		return tx.PostEntry(&ledger.Entry{Journal: "AC", Date: ledger.Date(2025, 3, 1), Piece: "F1", Label: "Facture ascenseur", Lines: []ledger.Line{
			{Account: "614000", Key: "002", Debit: ledger.MustAmount("1234,56"), VAT: ledger.MustAmount("205,76")},
			{Account: "401000", Credit: ledger.MustAmount("1234,56")}}})
	})
	if text := journal(); !strings.Contains(text, "dont TVA") || !strings.Contains(text, "002 205,76 1 234,56") {
		t.Errorf("journal with VAT:\n%s", text)
	}
	pdf, err := r.GeneralLedgerPDF(app.BookOptions{Exercise: ex})
	if err != nil {
		t.Fatal(err)
	}
	if text := ledgertest.Flat(ledgertest.PDF(t, pdf, "-layout")); !strings.Contains(text, "dont TVA") || !strings.Contains(text, "205,76 1 234,56") {
		t.Errorf("grand livre with VAT:\n%s", text)
	}
}
