package ofx

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"tantieme/bankfile"
)

func day8(s string) time.Time {
	t, err := time.Parse("20060102", s)
	if err != nil {
		panic(err)
	}
	return t
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// usdToEur is the OFX 2.0 fixture with its currency made euros: the
// file itself is in dollars, which the books refuse (TestBadInput).
func usdToEur(t testing.TB) []byte {
	return bytes.Replace(fixture(t, "ofx200_xml.ofx"), []byte("<CURDEF>USD"), []byte("<CURDEF>EUR"), 1)
}

// The expected figures were counted on the files themselves, not on this
// parser's output: the STMTTRN with grep -c, the TRNAMT summed with awk
// (cents as integers) and again with Python's Decimal, by sign; the rest
// read by eye (see testdata/README.md).
func TestFixtures(t *testing.T) {
	for _, tc := range []struct {
		file, name              string
		data                    []byte
		format                  string
		account                 bankfile.Account
		lines, credits          int
		creditSum, debitSum     int64
		closing                 int64
		closingDay, from, to    string
		first                   bankfile.Line // Where and dates checked separately
		firstWhere, firstPosted string
		firstValue              string
	}{
		{
			file: "ofx102_banquepopulaire_fr.ofx", format: "OFX 1.0.2",
			account: bankfile.Account{Bank: "XXXXX", Branch: "XXXXX", Number: "XXXXXXXXXXX"},
			lines:   6, credits: 0, creditSum: 0, debitSum: -5349,
			closing: 1000000, closingDay: "20160720", from: "20160421", to: "20160430",
			first: bankfile.Line{Amount: -1350, Code: "DEBIT", Reference: "201600400034BD27", Check: "5IIWR0X",
				Label: "OPERATION NAME DISCLOSED", Details: []string{"OPERATION MEMO DISCLOSED"}},
			firstWhere: "ligne 41", firstPosted: "20160429",
		},
		{
			file: "ofx102_creditmutuel_fr.ofx", format: "OFX 1.0.2",
			account: bankfile.Account{Bank: "XXXX", Branch: "XXXX", Number: "XXXXXXXXXX"},
			lines:   42, credits: 10, creditSum: 770798, debitSum: -2119957,
			closing: 1000000, closingDay: "20160627", from: "20160601", to: "20160627",
			first:      bankfile.Line{Amount: -197878, Code: "DEBIT", Reference: "LLDT4L5OCF", Label: "OPERATION NAME DISCLOSED"},
			firstWhere: "ligne 40", firstPosted: "20160601", firstValue: "20160601",
		},
		{
			file: "ofx200_xml.ofx", name: "ofx200_xml (EUR).ofx", data: usdToEur(t), format: "OFX 2.0",
			account: bankfile.Account{Bank: "987654321", Number: "098-121"},
			lines:   3, credits: 2, creditSum: 35000, debitSum: -10000,
			// DTASOF 20071015021529.000[-8:PST]: the day as stated.
			closing: 525000, closingDay: "20071015", from: "20070101", to: "20071015",
			first: bankfile.Line{Amount: 20000, Code: "CREDIT", Reference: "980315001", Label: "DEPOSIT",
				Details: []string{"automatic deposit"}},
			firstWhere: "ligne 36", firstPosted: "20070315", firstValue: "20070315",
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, name := tc.data, tc.name
			if data == nil {
				data, name = fixture(t, tc.file), tc.file
			}
			if !Sniff(data) {
				t.Fatal("Sniff: not OFX")
			}
			sts, err := Parse(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(sts) != 1 {
				t.Fatalf("%d statements, want 1", len(sts))
			}
			st := sts[0]
			if st.Format != tc.format || st.Currency != "EUR" || st.Account != tc.account {
				t.Errorf("format %q, currency %q, account %+v", st.Format, st.Currency, st.Account)
			}
			if !st.From.Equal(day8(tc.from)) || !st.To.Equal(day8(tc.to)) {
				t.Errorf("period %v – %v", st.From, st.To)
			}
			var credits int
			var cs, ds int64
			for _, l := range st.Lines {
				if l.Amount > 0 {
					credits++
					cs += l.Amount
				} else {
					ds += l.Amount
				}
			}
			if len(st.Lines) != tc.lines || credits != tc.credits || cs != tc.creditSum || ds != tc.debitSum || st.Total() != tc.creditSum+tc.debitSum {
				t.Errorf("%d lines, %d credits for %d, debits %d; want %d, %d, %d, %d", len(st.Lines), credits, cs, ds, tc.lines, tc.credits, tc.creditSum, tc.debitSum)
			}
			if st.Opening != nil || st.Closing == nil || st.Closing.Amount != tc.closing || !st.Closing.Date.Equal(day8(tc.closingDay)) {
				t.Errorf("balances %+v %+v", st.Opening, st.Closing)
			}
			if err := st.CheckBalances(name); err != nil {
				t.Errorf("no opening balance, nothing to check: %v", err)
			}
			f := st.Lines[0]
			if f.Where != tc.firstWhere || !f.Date.Equal(day8(tc.firstPosted)) {
				t.Errorf("first line at %q on %v", f.Where, f.Date)
			}
			if tc.firstValue == "" && !f.ValueDate.IsZero() || tc.firstValue != "" && !f.ValueDate.Equal(day8(tc.firstValue)) {
				t.Errorf("first line value date %v", f.ValueDate)
			}
			f.Where, f.Date, f.ValueDate = "", time.Time{}, time.Time{}
			if !equalLine(f, tc.first) {
				t.Errorf("first line\n got %+v\nwant %+v", f, tc.first)
			}
		})
	}
}

// equalLine compares two lines, dates by instant and no Details the same
// as empty Details.
func equalLine(a, b bankfile.Line) bool {
	if !a.Date.Equal(b.Date) || !a.ValueDate.Equal(b.ValueDate) || len(a.Details) != len(b.Details) {
		return false
	}
	if len(a.Details) > 0 && !reflect.DeepEqual(a.Details, b.Details) {
		return false
	}
	a.Date, b.Date, a.ValueDate, b.ValueDate, a.Details, b.Details = time.Time{}, time.Time{}, time.Time{}, time.Time{}, nil, nil
	return reflect.DeepEqual(a, b)
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]bool{
		"OFXHEADER:100\r\nDATA:OFXSGML\r\n":                        true,
		"\xEF\xBB\xBF\r\n\r\n  OFXHEADER:100 DATA:OFXSGML":         true,
		"<OFX>\n<SIGNONMSGSRSV1>":                                  true,
		`<?xml version="1.0"?>` + "\n" + `<?OFX OFXHEADER="200"?>`: true,
		`<?xml version="1.0"?><!-- bank --><OFX>`:                  true,
		`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">`: false,
		"0130002    00550EUR2 0000157841Z 010125  ": false,
		"":                       false,
		"Date;Libellé;Montant\n": false,
		"OFX\n":                  false,
		"<html><body>OFXHEADER:100</body></html>": false,
	} {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v", in, got)
		}
	}
	for _, f := range []string{"ofx102_banquepopulaire_fr.ofx", "ofx102_creditmutuel_fr.ofx", "ofx200_xml.ofx"} {
		if !Sniff(fixture(t, f)) {
			t.Errorf("Sniff(%s) = false", f)
		}
	}
}
