package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger/ledgertest"
)

// etat-date on the demo's late payer, 450004 (lot 2, 58/1000 on key 001):
// on 15/05/2025 he owes the call of 01/04 (543,26 € budget + 32,44 € works
// fund = 575,70 €, paid only on 27/06); the calls of July and October will
// fall on the buyer (2 × 575,70 = 1 151,40 €, lot 2 being his only lot).
func TestEtatDateCLI(t *testing.T) {
	f := demoFile(t)
	pdf := filepath.Join(t.TempDir(), "ed.pdf")
	code, out, stderr := cli(t, "etat-date", f, "--lot", "2", "--date", "2025-05-15", "--out", pdf, "--json", "--fee", "250,00", "--buyer", "Jeanne Martin")
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	var j etatDateJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// 575,70 + the fee 250,00 = 825,70.
	if j.Lot != "2" || j.Owner != "450004" || j.SellerOwes != "825.70" || j.SyndicatOwes != "0.00" || j.BuyerWillOwe != "1151.40" {
		t.Errorf("état daté %+v", j)
	}
	// The lot's share of the fund: the 105 balance × 58/1000, to the cent.
	if fund, share := cents(t, j.Parts.WorksFund), cents(t, j.WorksFundShare); fund <= 0 || (fund*58+500)/1000 != share {
		t.Errorf("works fund %s, lot's share %s", j.Parts.WorksFund, j.WorksFundShare)
	}
	if j.Buyer == nil || j.Buyer.Owner || j.Buyer.Opposable {
		t.Errorf("buyer %+v", j.Buyer)
	}
	text := ledgertest.Flat(ledgertest.PDFFile(t, pdf, "-layout"))
	for _, want := range []string{"État daté", "825,70", "1 151,40", "A2025-0003", "n'est pas copropriétaire", "14-2-1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	code, out, _ = cli(t, "documents", f, "--json")
	if code != 0 || !strings.Contains(out, `"etat_date"`) {
		t.Errorf("not registered: %s", out)
	}

	// Above the ceiling: refused, the file untouched.
	before, _ := os.ReadFile(f)
	code, _, stderr = cli(t, "etat-date", f, "--lot", "2", "--date", "2025-05-15", "--out", pdf, "--fee", "380.01", "--post")
	if after, _ := os.ReadFile(f); code != 1 || !strings.Contains(stderr, "380,00") || !bytes.Equal(before, after) {
		t.Errorf("fee above the ceiling: %d %s", code, stderr)
	}
	// Posted: the seller's account holds it, counted once.
	code, out, stderr = cli(t, "etat-date", f, "--lot", "2", "--date", "2025-05-15", "--json", "--fee", "380", "--post")
	if json.Unmarshal([]byte(out), &j); code != 0 || !j.FeePosted || j.SellerOwes != "955.70" || j.Parts.Balance != "955.70" {
		t.Errorf("posted fee: %d %s %+v", code, stderr, j)
	}

	// Three lots of one sale; the pre-sale sheet; the procedures kept.
	code, out, stderr = cli(t, "etat-date", f, "--lot", "9", "--lot", "14", "--lot", "19", "--date", "2025-05-15", "--out", pdf, "--pre", "--procedures", "Aucune", "--json")
	if json.Unmarshal([]byte(out), &j); code != 0 || j.Lot != "9, 14, 19" || j.Owner != "450001" || !j.Pre || j.Parts.Procedures != "Aucune" {
		t.Errorf("three lots: %d %s %+v", code, stderr, j)
	}
	if text := ledgertest.Flat(ledgertest.PDFFile(t, pdf, "-layout")); !strings.Contains(text, "Pré-état daté") {
		t.Errorf("pre-sale sheet:\n%s", text)
	}
	for _, args := range [][]string{
		{"--lot", "2", "--lot", "9", "--date", "2025-05-15", "--json"}, // two sellers
		{"--lot", "2", "--date", "2031-01-01", "--json"},               // no exercise
		{"--lot", "2", "--date", "2025-05-15", "--json", "--buyer", "450999"},
	} {
		if code, _, stderr := cli(t, append([]string{"etat-date", f}, args...)...); code != 1 || stderr == "" {
			t.Errorf("%v: %d %s", args, code, stderr)
		}
	}
	if code, _, _ := cli(t, "etat-date", f, "--date", "2025-05-15", "--json"); code != 2 {
		t.Errorf("no lot: exit %d", code)
	}
}

// residence --sale-split: stored, shown, refused when unknown.
func TestResidenceSaleSplit(t *testing.T) {
	f := demoFile(t)
	code, out, _ := cli(t, "residence", f, "--json")
	if code != 0 || !strings.Contains(out, `"sale_split": "due"`) {
		t.Fatalf("default: %d %s", code, out)
	}
	if code, _, stderr := cli(t, "residence", f, "--sale-split", "transfer"); code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	if _, out, _ = cli(t, "residence", f, "--json"); !strings.Contains(out, `"sale_split": "transfer"`) {
		t.Errorf("not stored: %s", out)
	}
	if code, _, stderr := cli(t, "residence", f, "--sale-split", "prorata"); code != 1 || !strings.Contains(stderr, "transfer") {
		t.Errorf("unknown setting: %d %s", code, stderr)
	}
}

// After the closing of 2025: what 450004 still owes of 2025 is « earlier »
// and is his whole balance on 15/02/2026 (no call of 2026 is posted in
// the demo); the lot's quote-part of the approved 2025 charges is his
// quote-part (lot 2 is his only lot), as the quote-parts tool gives it.
func TestEtatDateAfterClosing(t *testing.T) {
	f := demoFile(t)
	if code, _, stderr := cli(t, "close", f, "--year", "2025"); code != 0 {
		t.Fatalf("close: %s", stderr)
	}
	code, out, stderr := cli(t, "etat-date", f, "--lot", "2", "--date", "2026-02-15", "--json")
	var j etatDateJSON
	if err := json.Unmarshal([]byte(out), &j); code != 0 || err != nil {
		t.Fatalf("%d %s %v", code, stderr, err)
	}
	var owners []struct{ Account, Balance string }
	_, out, _ = cli(t, "owners", f, "--at", "2026-02-15", "--json")
	if err := json.Unmarshal([]byte(out), &owners); err != nil {
		t.Fatal(err)
	}
	for _, o := range owners {
		if o.Account == "450004" && (o.Balance != j.Parts.Earlier || o.Balance != j.SellerOwes || len(j.Parts.Calls) != 0) {
			t.Errorf("balance %s; earlier %s, seller owes %s, calls %+v", o.Balance, j.Parts.Earlier, j.SellerOwes, j.Parts.Calls)
		}
	}
	var q quotePartsJSON
	_, out, _ = cli(t, "quote-parts", f, "--year", "2025", "--owner", "450004", "--json")
	if err := json.Unmarshal([]byte(out), &q); err != nil || len(q.Owners) != 1 {
		t.Fatal(err, out)
	}
	if len(j.Parts.Past) != 1 || j.Parts.Past[0].Year != 2025 || j.Parts.Past[0].Share != q.Owners[0].Actual {
		t.Errorf("past charges %+v, his 2025 quote-part %s", j.Parts.Past, q.Owners[0].Actual)
	}
}
