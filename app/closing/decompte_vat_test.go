package closing

import (
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// Issue 20: a VAT-registered owner's décompte gives the VAT included in
// his share of the charges, each line's VAT split over the key like the
// line. Figures by hand (« Résidence des Tests »: key 001 is 400 / 300 /
// 300 for 450001 / 450002 / 450003, key 002 is 100 / 200 / 0):
//   - 601000 on 001, VAT 20,00 €: 8,00 · 6,00 · 6,00;
//   - 601000 on 001, VAT 0,01 €: exact 0,004 · 0,003 · 0,003, the cent to
//     the largest remainder, 450001;
//   - 614000 on 002, VAT 16,67 €: exact 5,5567 · 11,1133, floors 5,55 ·
//     11,11, the cent left to 450001 (remainder ,67): 5,56 · 11,11.
//
// 450001: 8,01 + 5,56 = 13,57 €; 450002: 17,11 €; 450003: 6,00 €.
func TestDecompteVATOfRegisteredOwner(t *testing.T) {
	file := ledgertest.Create(t, ledgertest.TestsSetup(), func(tx *ledger.Tx) error {
		if err := ledgertest.TestsFill(tx); err != nil {
			return err
		}
		if err := ledgertest.TestsEntries(tx); err != nil {
			return err
		}
		for _, acc := range []string{"450001", "450003"} {
			o, err := tx.Owner(acc)
			if err != nil {
				return err
			}
			o.VATRegistered = true
			if err := tx.UpdateOwner(o); err != nil {
				return err
			}
		}
		for _, l := range []ledger.Line{
			{Account: "601000", Key: "001", Debit: ledger.MustAmount("120"), VAT: ledger.MustAmount("20")},
			{Account: "601000", Key: "001", Debit: ledger.MustAmount("1"), VAT: 1},
			{Account: "614000", Key: "002", Debit: ledger.MustAmount("100,01"), VAT: ledger.MustAmount("16,67")},
		} {
			e := ledger.Entry{Journal: ledger.JournalPurchases, Date: ledger.Date(2025, 3, 1), Label: "Facture",
				Lines: []ledger.Line{l, {Account: "401000", Credit: l.Debit}}}
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	r := apptest.Open(t, file)
	ex := apptest.Year(t, r, 2025)
	got, err := VATShares(r, ex)
	must(t, err)
	want := map[string][3]string{"450001": {"13,57", "8,01", "5,56"}, "450002": {"17,11", "6,00", "11,11"}, "450003": {"6,00", "6,00", "0"}}
	for acc, w := range want {
		v := got[acc]
		if v.Total != ledger.MustAmount(w[0]) || v.ByKey["001"] != ledger.MustAmount(w[1]) || v.ByKey["002"] != ledger.MustAmount(w[2]) {
			t.Errorf("%s: %+v, want %v", acc, v, w)
		}
	}
	owners, list, _, err := Decomptes(r, ex, DecompteOptions{})
	must(t, err)
	notes := map[string]string{}
	for i, acc := range owners {
		notes[acc] = strings.Join(list[i].Notes, "\n")
	}
	if n := notes["450001"]; !strings.Contains(n, "comprennent 13,57 € de TVA (clé 001 : 8,01 €, clé 002 : 5,56 €)") {
		t.Errorf("450001: %q", n)
	}
	if n := notes["450003"]; !strings.Contains(n, "comprennent 6,00 € de TVA,") {
		t.Errorf("450003: %q", n)
	}
	if n := notes["450002"]; strings.Contains(n, "TVA") {
		t.Errorf("450002 is not VAT-registered: %q", n)
	}
	// And on the PDF.
	df, err := WriteDecomptes(r, t.TempDir(), ex, DecompteOptions{Printed: ledger.Date(2026, 1, 10), Accounts: []string{"450001"}})
	must(t, err)
	if text := ledgertest.Flat(ledgertest.PDFFile(t, df.Owners[0])); !strings.Contains(text, "Copropriétaire assujetti à la TVA : vos quotes-parts de charges comprennent 13,57 € de TVA (clé 001 : 8,01 €, clé 002 : 5,56 €)") {
		t.Errorf("the PDF lacks the VAT:\n%s", text)
	}
}
