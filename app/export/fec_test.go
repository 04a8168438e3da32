package export_test

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"tantieme/app/apptest"
	"tantieme/app/closing"
	"tantieme/app/export"
	"tantieme/ledger"
)

var (
	fecDateRe   = regexp.MustCompile(`^[0-9]{8}$`)
	fecAmountRe = regexp.MustCompile(`^[0-9]+,[0-9]{2}$`)
)

func parseFECAmount(t *testing.T, s string) ledger.Amount {
	t.Helper()
	v, err := strconv.ParseInt(strings.Replace(s, ",", "", 1), 10, 64)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return ledger.Amount(v)
}

// The FEC of the demo: a header, one line of 18 fields per entry line,
// dates AAAAMMJJ, amounts with a decimal comma, debits equal to credits,
// owners and suppliers as auxiliary accounts, and the same balance per
// account as the books.
func TestFECExport(t *testing.T) {
	before := export.FECDate(time.Now())
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	// A supplier's invoice of December matched with its payment of January:
	// the group's date is January's.
	var entries []ledger.Entry
	var tb []ledger.AccountBalance
	err := r.Update(func(tx *ledger.Tx) error {
		for _, e := range []*ledger.Entry{
			{Journal: "AC", Date: ledger.Date(2025, 12, 20), Piece: "F-99", Label: "Facture\tlettrée\nsur deux lignes", Lines: []ledger.Line{
				{Account: "615000", Key: "001", Debit: 12000}, {Account: "401001", Credit: 12000, Letter: "ZZ"}}},
			{Journal: "BQ", Date: ledger.Date(2026, 1, 10), Label: "Paiement lettré", Lines: []ledger.Line{
				{Account: "401001", Debit: 12000, Letter: "ZZ"}, {Account: "512001", Credit: 12000}}},
		} {
			if err := tx.PostEntry(e); err != nil {
				return err
			}
		}
		var err error
		if entries, err = tx.Entries(ledger.EntryFilter{From: ex.Start, To: ex.End}); err != nil {
			return err
		}
		tb, err = tx.TrialBalanceOf(ex)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	after := export.FECDate(time.Now())
	var buf bytes.Buffer
	if err := export.FEC(r, &buf, ex); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "\r\n") {
		t.Error("lines do not end with CR LF")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if lines[0] != strings.Join(export.FECColumns, "\t") || len(export.FECColumns) != 18 {
		t.Fatalf("header %q", lines[0])
	}
	want := 0
	for _, e := range entries {
		want += len(e.Lines)
	}
	if len(lines)-1 != want {
		t.Errorf("%d lines for %d entry lines", len(lines)-1, want)
	}
	var debit, credit ledger.Amount
	byAccount := map[string]ledger.Amount{}
	lettered := 0
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 18 {
			t.Fatalf("line %d has %d fields: %q", i+2, len(f), l)
		}
		for _, d := range []string{f[3], f[9]} {
			if !fecDateRe.MatchString(d) || d < "20250101" || d > "20251231" {
				t.Errorf("line %d: date %q", i+2, d)
			}
		}
		// The demo's 2025 was typed in the day the test made it.
		if f[15] != before && f[15] != after {
			t.Errorf("line %d: ValidDate %q, want the day the entry was posted (%s)", i+2, f[15], before)
		}
		for _, a := range []string{f[11], f[12]} {
			if !fecAmountRe.MatchString(a) {
				t.Errorf("line %d: amount %q", i+2, a)
			}
		}
		if f[0] == "" || f[1] == "" || f[2] == "" || f[4] == "" || f[5] == "" || f[8] == "" || f[10] == "" {
			t.Errorf("line %d: an compulsory field is empty: %q", i+2, l)
		}
		d, c := parseFECAmount(t, f[11]), parseFECAmount(t, f[12])
		debit += d
		credit += c
		account := f[4]
		switch {
		case strings.HasPrefix(f[6], "450"):
			if account != "450000" || f[5] != "Copropriétaires" || f[7] == "" {
				t.Errorf("line %d: owner %q", i+2, l)
			}
			account = f[6]
		case strings.HasPrefix(f[6], "401"):
			if account != "401000" || f[5] != "Fournisseurs" || f[7] == "" {
				t.Errorf("line %d: supplier %q", i+2, l)
			}
			account = f[6]
		case f[6] != "" || f[7] != "" || strings.HasPrefix(account, "450") && account != "450000":
			t.Errorf("line %d: auxiliary account %q on %s", i+2, f[6], account)
		}
		byAccount[account] += d - c
		if f[13] != "" {
			lettered++
			if f[13] != "ZZ" || f[14] != "20260110" {
				t.Errorf("line %d: letter %q dated %q, want ZZ of 20260110", i+2, f[13], f[14])
			}
		} else if f[14] != "" {
			t.Errorf("line %d: DateLet without a letter", i+2)
		}
		if f[16] != "" || f[17] != "" {
			t.Errorf("line %d: currency fields %q %q", i+2, f[16], f[17])
		}
	}
	if debit != credit || debit == 0 {
		t.Errorf("debit %s, credit %s", debit, credit)
	}
	if lettered != 1 {
		t.Errorf("%d lettered lines in 2025, want 1", lettered)
	}
	for _, b := range tb {
		if byAccount[b.Account] != b.Balance() {
			t.Errorf("%s: %s in the FEC, %s in the balance", b.Account, byAccount[b.Account], b.Balance())
		}
		delete(byAccount, b.Account)
	}
	for acc, v := range byAccount {
		if v != 0 {
			t.Errorf("%s: %s in the FEC, absent from the balance", acc, v)
		}
	}
	if !strings.Contains(out, "\tA2025-0001\t20250101\tAppel de fonds 1er trimestre 2025\t") {
		t.Error("the first call's line is not as expected")
	}
}

func TestFECFileName(t *testing.T) {
	ex := ledger.Exercise{Start: ledger.Date(2025, 1, 1), End: ledger.Date(2025, 12, 31)}
	for siren, want := range map[string]string{"": "000000000FEC20251231.txt", "123 456 789": "123456789FEC20251231.txt",
		"12345": "000000000FEC20251231.txt", "12345678A": "000000000FEC20251231.txt"} {
		if got := export.FECFileName(siren, ex); got != want {
			t.Errorf("FECFileName(%q) = %q, want %q", siren, got, want)
		}
	}
	r := apptest.Demo(t)
	if name, err := export.FECName(r, ex); err != nil || name != "000000000FEC20251231.txt" {
		t.Errorf("FECName: %q %v", name, err)
	}
}

// The FEC of a closed exercise: its closing lines (« Répartition des
// charges 2025 – clé 001 Charges générales ») hold only characters of ISO 8859-15, so that the
// file reads the same in UTF-8 and in ISO 8859-15, as art. A47 A-1 allows;
// the closing entries were validated the day of the closing.
func TestFECCharactersAndEncodings(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	p, err := closing.Prepare(r, ex, closing.Options{OwnersAt: ledger.Date(2026, 3, 1)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	before := export.FECDate(time.Now())
	if _, err := closing.Post(r, p); err != nil {
		t.Fatal(ledger.Message(err))
	}
	after := export.FECDate(time.Now())
	var utf, latin bytes.Buffer
	if err := export.FEC(r, &utf, ex); err != nil {
		t.Fatal(err)
	}
	if err := export.FECEncoded(r, &latin, ex, export.FECLatin9); err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(utf.Bytes()) {
		t.Fatal("the UTF-8 FEC is not UTF-8")
	}
	for i, c := range utf.String() {
		if _, ok := charmap.ISO8859_15.EncodeRune(c); !ok {
			t.Fatalf("character %q at byte %d is not ISO 8859-15's", c, i)
		}
	}
	back, err := charmap.ISO8859_15.NewDecoder().String(latin.String())
	if err != nil || back != utf.String() {
		t.Fatalf("the ISO 8859-15 FEC does not read as the UTF-8 one (%v)", err)
	}
	if latin.Len() >= utf.Len() || !bytes.Contains(latin.Bytes(), []byte("g\xe9n\xe9rales")) {
		t.Error("the ISO 8859-15 FEC is not written one byte per character")
	}
	closing := 0
	for _, l := range strings.Split(utf.String(), "\r\n")[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 18 || f[3] != "20251231" || !strings.HasPrefix(f[10], "Répartition des charges 2025") {
			continue
		}
		closing++
		if !strings.Contains(f[10], "2025 - clé") {
			t.Errorf("closing line %q: its dash is not written as a hyphen", f[10])
		}
		if f[15] != before && f[15] != after {
			t.Errorf("closing line validated %q, want the day of the closing (%s)", f[15], before)
		}
	}
	if closing == 0 {
		t.Error("no closing line in the FEC")
	}
	if _, err := export.ParseFECEncoding("ebcdic"); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("unknown encoding: %v", err)
	}
	for s, want := range map[string]export.FECEncoding{"": export.FECUTF8, "UTF-8": export.FECUTF8, "latin9": export.FECLatin9, "ISO-8859-15": export.FECLatin9} {
		if got, err := export.ParseFECEncoding(s); err != nil || got != want {
			t.Errorf("ParseFECEncoding(%q) = %v %v", s, got, err)
		}
	}
}
