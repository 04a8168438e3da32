package app_test

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

func percent(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestSplitInvoice(t *testing.T) {
	for _, tc := range []struct {
		name  string
		total string
		parts []app.SplitInput
		want  []string // amounts per key, "" when refused
		err   string
	}{
		{"thirds", "1 000,01", []app.SplitInput{{Key: "001", Percent: percent("33.33")}, {Key: "002", Percent: percent("33.33")}, {Key: "003", Percent: percent("33.34")}},
			[]string{"333,30", "333,30", "333,41"}, ""},
		{"tie to the first", "0,01", []app.SplitInput{{Key: "001", Percent: percent("50")}, {Key: "002", Percent: percent("50")}},
			[]string{"0,01", "0,00"}, ""},
		{"fractional percents", "99,99", []app.SplitInput{{Key: "001", Percent: percent("12.5")}, {Key: "002", Percent: percent("87.5")}},
			[]string{"12,50", "87,49"}, ""},
		{"amounts", "500", []app.SplitInput{{Key: "001", Amount: euros("120,50")}, {Key: "002", Amount: euros("379,50")}},
			[]string{"120,50", "379,50"}, ""},
		{"the rest", "500", []app.SplitInput{{Key: "001", Amount: euros("120,50")}, {Key: "002"}},
			[]string{"120,50", "379,50"}, ""},
		{"amounts short", "500", []app.SplitInput{{Key: "001", Amount: euros("120")}, {Key: "002", Amount: euros("379,50")}},
			nil, "les parts font 499,50 € au lieu de 500,00 € (écart 0,50 €)"},
		{"nothing left", "100", []app.SplitInput{{Key: "001", Amount: euros("100")}, {Key: "002"}},
			nil, "il ne reste rien pour la clé 002"},
		{"two rests", "100", []app.SplitInput{{Key: "001"}, {Key: "002"}}, nil, "une seule peut recevoir le reste"},
		{"percents not 100", "100", []app.SplitInput{{Key: "001", Percent: percent("60")}, {Key: "002", Percent: percent("30")}},
			nil, "les pourcentages font 90 % au lieu de 100 %"},
		{"mixed", "100", []app.SplitInput{{Key: "001", Percent: percent("60")}, {Key: "002", Amount: euros("40")}},
			nil, "toutes les parts en pourcentages, ou toutes en montants"},
		{"both on one key", "100", []app.SplitInput{{Key: "001", Percent: percent("100"), Amount: euros("100")}}, nil, "pas les deux"},
		{"none", "100", nil, nil, "au moins une clé"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := app.SplitInvoice(euros(tc.total), tc.parts)
			if tc.err != "" {
				if err == nil || !strings.Contains(ledger.Message(err), tc.err) {
					t.Fatalf("got %v, want %q", err, tc.err)
				}
				return
			}
			mustOK(t, err)
			var sum ledger.Amount
			for i, s := range got {
				if s.Amount.Format() != tc.want[i] || s.Key != tc.parts[i].Key {
					t.Errorf("part %d: %s %s, want %s", i, s.Key, s.Amount.Format(), tc.want[i])
				}
				sum += s.Amount
			}
			if sum != euros(tc.total) {
				t.Errorf("parts sum to %s, not %s", sum, tc.total)
			}
		})
	}
}

// Whatever the total and the percentages, the parts add up to the total.
func TestSplitInvoiceSumsExactly(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	for i := 0; i < 2000; i++ {
		n := 1 + rng.Intn(6)
		left := 10000 // hundredths of a percent, each part at least one
		parts := make([]app.SplitInput, n)
		for k := range parts {
			p := left
			if k < n-1 {
				p = 1 + rng.Intn(left-(n-1-k))
			}
			left -= p
			parts[k] = app.SplitInput{Key: string(rune('A' + k)), Percent: decimal.New(int64(p), -2)}
		}
		total := ledger.Amount(1 + rng.Int63n(10_000_000))
		got, err := app.SplitInvoice(total, parts)
		if err != nil {
			t.Fatalf("%v %v: %v", total, parts, err)
		}
		var sum ledger.Amount
		for _, s := range got {
			sum += s.Amount
		}
		if sum != total {
			t.Fatalf("%v split %v sums to %v", total, parts, sum)
		}
	}
}

func TestRecordInvoiceAndPaySupplier(t *testing.T) {
	r := daybookResidence(t)
	refs, err := r.InvoiceRefs()
	mustOK(t, err)
	if len(refs.Suppliers) != 2 || len(refs.Keys) != 2 || len(refs.Expenses) == 0 || refs.Expenses[0].Class() != 6 {
		t.Fatalf("refs: %d suppliers, %d keys, expenses %v", len(refs.Suppliers), len(refs.Keys), refs.Expenses)
	}
	if found := app.FindSuppliers(refs.Suppliers, "electricite oeuvre"); len(found) != 1 || found[0].Account != "401002" {
		t.Errorf("search by name: %+v", found)
	}
	if found := app.FindSuppliers(refs.Suppliers, "401001"); len(found) != 1 || found[0].Name != "Plomberie Lefèvre" {
		t.Errorf("search by account: %+v", found)
	}

	one, err := r.RecordInvoice(app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "002", Date: isoDay("2025-03-10"),
		Number: "F-778", Total: euros("240"), VAT: euros("40"), Recoverable: true})
	mustOK(t, err)
	checkEntry(t, entryOf(t, r, one.Entry.ID), "AC", debitLine("615000", "002", "240"), creditLine("401001", "", "240"))
	if one.Entry.Piece != "F2025-0001" || one.Entry.Label != "Facture n° F-778 – Plomberie Lefèvre" || one.Owed != euros("240") {
		t.Errorf("invoice piece %s label %q owed %s", one.Entry.Piece, one.Entry.Label, one.Owed)
	}
	split, err := r.RecordInvoice(app.InvoiceInput{Supplier: "401001", Account: "614000", Date: isoDay("2025-03-12"), Number: "F-779",
		Total: euros("1 000,01"), Splits: []app.SplitInput{{Key: "001", Percent: percent("66.67")}, {Key: "002", Percent: percent("33.33")}}})
	mustOK(t, err)
	checkEntry(t, entryOf(t, r, split.Entry.ID), "AC", debitLine("614000", "001", "666,71"), debitLine("614000", "002", "333,30"), creditLine("401001", "", "1 000,01"))
	if split.Entry.Piece != "F2025-0002" {
		t.Errorf("piece %s", split.Entry.Piece)
	}
	var invoices []ledger.Invoice
	mustOK(t, r.View(func(tx *ledger.Tx) (err error) {
		invoices, err = tx.Invoices("401001")
		return err
	}))
	if len(invoices) != 2 || invoices[0].VAT != euros("40") || !invoices[0].Recoverable || invoices[0].Number != "F-778" ||
		invoices[1].Total != euros("1 000,01") || len(invoices[1].Splits) != 2 || invoices[1].Account != "614000" || invoices[1].Recoverable {
		t.Errorf("invoices %+v", invoices)
	}

	for _, tc := range []struct {
		name string
		in   app.InvoiceInput
		want string
	}{
		{"not a charge", app.InvoiceInput{Supplier: "401001", Account: "701000", Key: "001", Date: isoDay("2025-03-10"), Total: 100}, "compte de charges (classe 6)"},
		{"no key", app.InvoiceInput{Supplier: "401001", Account: "615000", Date: isoDay("2025-03-10"), Total: 100}, "indiquez la clé"},
		{"key and splits", app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "001", Splits: []app.SplitInput{{Key: "002"}}, Date: isoDay("2025-03-10"), Total: 100}, "pas les deux"},
		{"unknown key", app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "009", Date: isoDay("2025-03-10"), Total: 100}, "la clé 009 n'existe pas"},
		{"unknown supplier", app.InvoiceInput{Supplier: "401099", Account: "615000", Key: "001", Date: isoDay("2025-03-10"), Total: 100}, "401099"},
		{"VAT above the total", app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "001", Date: isoDay("2025-03-10"), Total: 100, VAT: 100}, "la TVA"},
		{"zero", app.InvoiceInput{Supplier: "401001", Account: "615000", Key: "001", Date: isoDay("2025-03-10")}, "TTC doit être positif"},
		{"split short", app.InvoiceInput{Supplier: "401001", Account: "615000", Date: isoDay("2025-03-10"), Total: euros("100"),
			Splits: []app.SplitInput{{Key: "001", Amount: euros("60")}, {Key: "002", Amount: euros("30")}}}, "écart 10,00 €"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := r.RecordInvoice(tc.in); err == nil || !strings.Contains(ledger.Message(err), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}

	// The payment form proposes what is owed; paying it matches invoices
	// and payment.
	f, err := r.SupplierPaymentForm("401001", isoDay("2025-03-31"))
	mustOK(t, err)
	if f.Amount != euros("1 240,01") || f.BankAccount != "512001" || len(f.Open) != 2 || f.Open[0].Due() != euros("240") {
		t.Errorf("payment form %+v", f)
	}
	part, err := r.PaySupplier(app.SupplierPayment{Supplier: "401001", Amount: euros("240"), Date: isoDay("2025-03-31"), Reference: "chèque n° 0000101"})
	mustOK(t, err)
	checkEntry(t, entryOf(t, r, part.Entry.ID), "BQ", debitLine("401001", "", "240"), creditLine("512001", "", "240"))
	if part.Entry.Label != "Paiement Plomberie Lefèvre – chèque n° 0000101" || part.Entry.Piece != "B2025-0001" {
		t.Errorf("payment %q %s", part.Entry.Label, part.Entry.Piece)
	}
	if len(part.Matched) != 1 || letterOf(t, r, "401001", "F2025-0001") == "" || letterOf(t, r, "401001", "F2025-0002") != "" {
		t.Errorf("the payment of the first invoice should match it alone: %+v", part.Matched)
	}
	if part.Owed != euros("1 000,01") {
		t.Errorf("still owed %s", part.Owed)
	}
	mustOK(t, r.SetDaybookSettings(app.DaybookSettings{PaymentBank: "512002"}))
	rest, err := r.PaySupplier(app.SupplierPayment{Supplier: "401001", Amount: euros("1 000,01"), Date: isoDay("2025-04-02")})
	mustOK(t, err)
	checkEntry(t, entryOf(t, r, rest.Entry.ID), "BQ", debitLine("401001", "", "1 000,01"), creditLine("512002", "", "1 000,01"))
	if rest.Owed != 0 || letterOf(t, r, "401001", "F2025-0002") == "" {
		t.Errorf("owed %s after paying everything; letter %q", rest.Owed, letterOf(t, r, "401001", "F2025-0002"))
	}
	if owed, err := r.SupplierOwed("401001", isoDay("2025-04-02")); err != nil || owed != 0 {
		t.Errorf("owed %s %v", owed, err)
	}
	for _, in := range []app.SupplierPayment{
		{Supplier: "401001", Amount: 0, Date: isoDay("2025-04-03")},
		{Supplier: "401001", Amount: 100, Date: isoDay("2025-04-03"), BankAccount: "701000"},
		{Supplier: "450001", Amount: 100, Date: isoDay("2025-04-03")},
	} {
		if _, err := r.PaySupplier(in); err == nil {
			t.Errorf("payment %+v accepted", in)
		}
	}
}
