package camt

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/bankfile"
)

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantStmt is what one statement of a fixture holds, counted by reading the
// file (Ntry and TxDtls by hand, the sums with awk over the Ntry amounts),
// never copied from the parser's output.
type wantStmt struct {
	format, id, iban, number string
	from, to                 string
	opening, closing         *bankfile.Balance
	amounts                  []int64 // every line, in file order
}

func bal(d string, c int64) *bankfile.Balance { return &bankfile.Balance{Date: day(d), Amount: c} }

func TestFixtures(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []wantStmt
	}{
		// Two Stmt for one IBAN: 18,15 + 8,85 = 27,00 then 27,00 − 7,00 = 20,00.
		{"camt053.001.02_genkgo_multi_statement.xml", []wantStmt{
			{"CAMT.053.001.02", "253EURNL26VAYB8060476890", "NL26VAYB8060476890", "", "2007-10-18", "2007-10-18",
				bal("2014-12-30", 1815), bal("2014-12-31", 2700), []int64{885}},
			{"CAMT.053.001.02", "254EURNL26VAYB8060476890", "NL26VAYB8060476890", "", "", "",
				bal("2014-12-30", 2700), bal("2014-12-31", 2000), []int64{-700}},
		}},
		// 10 Ntry: 6 credits for 23 075,00 and 4 debits for 9 430,17 (as
		// TxsSummry says); the 4 230,05 batch has 3 TxDtls with amounts
		// (2 000,02 + 1 000,01 + 1 230,02), the 200,00 charges 2 (100 + 100),
		// so 13 lines. OPBD 10 000,00 is preferred to PRCD (same amount, the
		// day before); 10 000,00 + 13 644,83 = CLBD 23 644,83.
		{"camt053.001.02_FFFS_batch_sample.xml", []wantStmt{
			{"CAMT.053.001.02", "BANKSTMTID0972009", "FI7433010001222090", "", "2009-10-29", "2009-10-29",
				bal("2009-10-29", 1000000), bal("2009-10-29", 2364483),
				[]int64{-100012, -400000, -200002, -100001, -123002, 200000, 50000, 300000, 212000, 545500, 1000000, -10000, -10000}},
		}},
		// OPAV/CLAV only: 2 768,08 − 1,64 − 2 734,58 − 30,16 − 1,70 = 0,00.
		{"camt053.001.02_lt_utf8_statement.xml", []wantStmt{
			{"CAMT.053.001.02", "201509302599406883", "LT007180000000000000", "", "2015-05-01", "2015-06-30",
				bal("2015-05-01", 276808), bal("2015-06-30", 0), []int64{-164, -273458, -3016, -170}},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := fixture(t, tc.file)
			if !Sniff(data) {
				t.Error("Sniff does not recognise it")
			}
			got, skipped, err := ParseAll(tc.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if skipped != 0 {
				t.Errorf("%d entries skipped, all are booked", skipped)
			}
			checkStatements(t, tc.file, got, tc.want)
		})
	}
}

func checkStatements(t *testing.T, file string, got []bankfile.Statement, want []wantStmt) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d statements, want %d", len(got), len(want))
	}
	for i, w := range want {
		s := got[i]
		if s.Format != w.format || s.ID != w.id || s.Account.IBAN != w.iban || s.Account.Number != w.number || s.Currency != "EUR" {
			t.Errorf("statement %d: %q %q %q %q %q", i, s.Format, s.ID, s.Account.IBAN, s.Account.Number, s.Currency)
		}
		var from, to time.Time
		if w.from != "" {
			from, to = day(w.from), day(w.to)
		}
		if !s.From.Equal(from) || !s.To.Equal(to) {
			t.Errorf("statement %d: period %v – %v", i, s.From, s.To)
		}
		if !sameBalance(s.Opening, w.opening) || !sameBalance(s.Closing, w.closing) {
			t.Errorf("statement %d: balances %v %v, want %v %v", i, s.Opening, s.Closing, w.opening, w.closing)
		}
		if len(s.Lines) != len(w.amounts) {
			t.Fatalf("statement %d: %d lines, want %d", i, len(s.Lines), len(w.amounts))
		}
		var sum int64
		for j, l := range s.Lines {
			if l.Amount != w.amounts[j] {
				t.Errorf("statement %d line %d: %d, want %d", i, j, l.Amount, w.amounts[j])
			}
			sum += w.amounts[j]
			if l.Date.IsZero() || l.Where == "" {
				t.Errorf("statement %d line %d: no date or place: %+v", i, j, l)
			}
		}
		if s.Total() != sum {
			t.Errorf("statement %d: total %d, want %d", i, s.Total(), sum)
		}
		if err := s.CheckBalances(file); err != nil {
			t.Error(err)
		}
	}
}

func sameBalance(a, b *bankfile.Balance) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Amount == b.Amount && a.Date.Equal(b.Date)
}

// What the lines carry besides their amounts, on a few lines of each file.
func TestFixtureLines(t *testing.T) {
	parse := func(file string) []bankfile.Statement {
		st, err := Parse(file, fixture(t, file))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	g := parse("camt053.001.02_genkgo_multi_statement.xml")
	l := g[0].Lines[0]
	if !l.Date.Equal(day("2014-12-31")) || !l.ValueDate.Equal(day("2015-01-02")) || l.Code != "544" ||
		l.EndToEnd != "000000001" || strings.Join(l.Details, "|") != "Transaction Description 1" ||
		l.Label != "Transaction Description 1" || l.Where != "élément Ntry n° 1" {
		t.Errorf("genkgo line 1: %+v", l)
	}
	// A debit: the counterparty is the creditor.
	if p := g[1].Lines[0].Counterparty; p != (bankfile.Party{Name: "Company Name 2", IBAN: "NL56AGDH9619008421"}) {
		t.Errorf("genkgo line 2 counterparty: %+v", p)
	}
	if g[1].Lines[0].Where != "élément Ntry n° 2" || g[1].Where != "élément Stmt n° 2" {
		t.Errorf("places: %q %q", g[1].Lines[0].Where, g[1].Where)
	}

	f := parse("camt053.001.02_FFFS_batch_sample.xml")[0]
	if f.Account.BIC != "ESSEFIHX" || f.Account.Name != "BANK ACCOUNT OWNER" {
		t.Errorf("FFFS account: %+v", f.Account)
	}
	b := f.Lines[2] // first transaction of the 4 230,05 batch
	if b.Reference != "091029ARCH03001" || b.Code != "PMNT/ICDT/DMCT" || b.Counterparty.Name != "Creditor Company" ||
		strings.Join(b.Details, "|") != "3900" || b.Where != "élément Ntry n° 3, TxDtls n° 1" {
		t.Errorf("FFFS batch line: %+v", b)
	}
	if f.Lines[1].Reference != "091029ACCTSTMTARCH02" || f.Lines[1].Details != nil {
		t.Errorf("FFFS batch without details: %+v", f.Lines[1])
	}
	x := f.Lines[8] // 2 120,00 from abroad: the EUR booked amount, not the USD ordered
	if x.Counterparty != (bankfile.Party{Name: "DEBTOR NAME", BIC: "BOFAUS6H"}) || x.Label != "INVOICE US20291092" ||
		!x.ValueDate.Equal(day("2009-10-30")) {
		t.Errorf("FFFS international credit: %+v", x)
	}
	if s := f.Lines[10]; s.EndToEnd != "EndToEndIdSCT01" || s.Counterparty.Name != "DEBTOR" || strings.Join(s.Details, "|") != "RF98123456789012" {
		t.Errorf("FFFS SCT: %+v", s)
	}

	lt := parse("camt053.001.02_lt_utf8_statement.xml")[0]
	if lt.Account.Name != `UAB "TESTAVIMAS"` || lt.Account.BIC != "CBSBLT26XXX" {
		t.Errorf("LT account: %+v", lt.Account)
	}
	if l := lt.Lines[0]; l.EndToEnd != "" || l.Code != "PMNT/MDOP/FEES" ||
		!strings.HasPrefix(l.Label, "Mokestis už į kliento sąskaitą pervestų lėšų") {
		t.Errorf("LT line 1 (NOTPROVIDED, UTF-8): %+v", l)
	}
	if p := lt.Lines[2].Counterparty; p != (bankfile.Party{Name: "Antstolis Vardenis Pavardenis", IBAN: "LT007044000000000000", BIC: "CBVILT2XXXX"}) {
		t.Errorf("LT line 3 counterparty: %+v", p)
	}
}

// The two camt.054 samples are in Swedish crowns and Swiss francs: as they
// are, they are refused, naming the element. With their currency turned to
// euros (the only change) they show the notification's shapes.
func TestFixtures054(t *testing.T) {
	for _, file := range []string{"camt054.001.02_genkgo.xml", "camt054.001.08_genkgo_batch.xml"} {
		data := fixture(t, file)
		if !Sniff(data) {
			t.Errorf("%s: Sniff does not recognise it", file)
		}
		_, err := Parse(file, data)
		if err == nil || err.Error() != "« "+file+" », élément Ntry n° 1 : montant en SEK (Ntry/Amt Ccy=\"SEK\") : seuls les montants en euros sont lus" {
			t.Errorf("%s: %v", file, err)
		}
	}
	euro := func(b []byte) []byte {
		b = bytes.ReplaceAll(b, []byte(`Ccy="SEK"`), []byte(`Ccy="EUR"`))
		return bytes.ReplaceAll(b, []byte(`Ccy="CHF"`), []byte(`Ccy="EUR"`))
	}

	// .02: one Ntry of 200 000 debited, 3 TxDtls without amounts → one
	// line, the texts of the three joined (3 + 2 + 6 = 11), no balances.
	st, err := Parse("n02.xml", euro(fixture(t, "camt054.001.02_genkgo.xml")))
	if err != nil {
		t.Fatal(err)
	}
	checkStatements(t, "n02.xml", st, []wantStmt{{"CAMT.054.001.02", "AAAASESS-FP-ACCR001", "", "CH2801234000123456789",
		"2007-10-18", "2007-10-18", nil, nil, []int64{-20000000}}})
	l := st[0].Lines[0]
	if len(l.Details) != 11 || l.Details[0] != "Unstructured Remittance Information V1" || l.Details[10] != "Additional Remittance Information V3 block 2" ||
		l.Label != l.Details[0] || l.EndToEnd != "MUELL/FINP/RA12345" || l.Reference != "AAAASESS-FP-ACCR001" ||
		!l.Date.Equal(day("2007-10-18")) || l.Code != "PMNT/ICDT/DMCT" || st[0].Account.Name != "FINPETROL" {
		t.Errorf(".02 line: %+v", l)
	}

	// .08: the 3 TxDtls carry amounts (3,10 + 3,20 + 3,20 credited) that do
	// not make the entry's 200 000 debited: refused.
	n08 := euro(fixture(t, "camt054.001.08_genkgo_batch.xml"))
	_, err = Parse("n08.xml", n08)
	if err == nil || err.Error() != "« n08.xml », élément Ntry n° 1 : les 3 transactions du lot (TxDtls) totalisent 9,50 €, mais le mouvement annonce -200 000,00 €" {
		t.Errorf(".08 batch that does not add up: %v", err)
	}
	// With the entry made 9,50 credited, one line per TxDtls.
	n08 = bytes.Replace(n08, []byte("<Amt Ccy=\"EUR\">200000</Amt>\n        <CdtDbtInd>DBIT</CdtDbtInd>"),
		[]byte("<Amt Ccy=\"EUR\">9.50</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>"), 1)
	st, err = Parse("n08.xml", n08)
	if err != nil {
		t.Fatal(err)
	}
	checkStatements(t, "n08.xml", st, []wantStmt{{"CAMT.054.001.08", "AAAASESS-FP-ACCR001", "CH2801234000123456789", "",
		"2007-10-18", "2007-10-18", nil, nil, []int64{310, 320, 320}}})
	a := st[0].Account
	if a.BIC != "UBSWCHZH80A" || a.Name != "UNIFITS GmbH" {
		t.Errorf(".08 account: %+v", a)
	}
	for i, l := range st[0].Lines {
		if l.Counterparty != (bankfile.Party{Name: "UNIFITS GmbH", IBAN: "CH2801234000123456789", BIC: "BANKCHZHXXX"}) ||
			l.Reference != "ACSR160617103200001" || l.Code != "PMNT/ICDT/DMCT" {
			t.Errorf(".08 line %d: %+v", i, l)
		}
	}
	if e := st[0].Lines[0].EndToEnd; e != "UXC06170000006PI00001EE00001" {
		t.Errorf(".08 end-to-end: %q", e)
	}
	if l := st[0].Lines[1]; l.Label != "ISR ref number V2" || strings.Join(l.Details, "|") != "ISR ref number V2|Additional Remittance Information V2" {
		t.Errorf(".08 line 2 texts: %+v", l)
	}
}
