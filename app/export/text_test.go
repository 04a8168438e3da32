package export_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/export"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// hostile is a text the books refuse today but an older residence, or one
// edited with raw SQL, may hold: NUL, line breaks, TAB, escape, DEL, C1,
// a bidi override, the FEC's and hledger's separators, invalid UTF-8.
const hostile = "Eau\x00froide\r\nsuite\tfin\x1b[31m\x7f\u0085\u202egauche;|\xff"

// textResidence is a residence whose owner, account, entry and line hold
// hostile texts, written by raw SQL past the schema's text triggers.
func textResidence(t *testing.T) (*app.Residence, ledger.Exercise) {
	t.Helper()
	r := apptest.Empty(t)
	err := r.Update(func(tx *ledger.Tx) error {
		if err := tx.AddOwner(&ledger.Owner{Account: "450001", Name: "Dupont"}); err != nil {
			return err
		}
		return tx.PostEntry(&ledger.Entry{Journal: "BQ", Date: ledger.Date(2025, 3, 1), Piece: "P1", Label: "Eau",
			Lines: []ledger.Line{{Account: "450001", Credit: 1000, Label: "Eau"}, {Account: "512001", Debit: 1000}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP TRIGGER IF EXISTS entries_label_text_update`, `DROP TRIGGER IF EXISTS entries_piece_text_update`,
		`DROP TRIGGER IF EXISTS lines_label_text_update`, `DROP TRIGGER IF EXISTS accounts_label_text_update`,
		`DROP TRIGGER IF EXISTS owners_name_text_update`, `DROP TRIGGER IF EXISTS residence_name_text_update`,
		`DROP TRIGGER IF EXISTS journals_label_text_update`,
	} {
		if err := ledgertest.SQL(t, r.Path(), q); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`UPDATE entries SET label = ?1, piece = ?1`, `UPDATE lines SET label = ?1`,
		`UPDATE accounts SET label = ?1 WHERE code IN ('450001', '512001')`, `UPDATE owners SET name = ?1`,
		`UPDATE residence SET name = ?1`, `UPDATE journals SET label = ?1 WHERE code = 'BQ'`,
	} {
		if err := ledgertest.SQL(t, r.Path(), q, hostile); err != nil {
			t.Fatal(q, err)
		}
	}
	return r, apptest.Year(t, r, 2025)
}

// controlIn finds a character no export may write inside a field.
func controlIn(s string, allowed string) (rune, bool) {
	for _, c := range s {
		if strings.ContainsRune(allowed, c) {
			continue
		}
		if c == unicode.ReplacementChar {
			continue
		}
		if unicode.IsControl(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) {
			return c, true
		}
	}
	return 0, false
}

// The exports never write a raw control character, nor a separator inside
// a field, whatever the residence holds.
func TestExportsSanitizeOldTexts(t *testing.T) {
	r, ex := textResidence(t)

	var fec bytes.Buffer
	if err := export.FEC(r, &fec, ex); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(fec.String(), "\r\n"), "\r\n")
	if len(lines) != 3 {
		t.Fatalf("FEC of %d lines, want a header and 2 lines:\n%q", len(lines), fec.String())
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != len(export.FECColumns) {
			t.Errorf("FEC line %d has %d fields: %q", i+1, n, l)
		}
		if c, bad := controlIn(l, "\t"); bad {
			t.Errorf("FEC line %d holds U+%04X: %q", i+1, c, l)
		}
		// U+FFFD is not ISO 8859-15's: the FEC writes it "?" (fec.go).
		if !strings.Contains(lines[1], "Eau?froide suite fin?[31m???gauche;|?") && i == 1 {
			t.Errorf("FEC line 2 does not show the text made safe: %q", l)
		}
	}

	var hl bytes.Buffer
	if err := export.Hledger(r, &hl, ex); err != nil {
		t.Fatal(err)
	}
	if c, bad := controlIn(hl.String(), "\n"); bad {
		t.Errorf("hledger journal holds U+%04X:\n%q", c, hl.String())
	}
	for _, l := range strings.Split(hl.String(), "\n") {
		// Only the comments carry text: a ";" or "|" there would be syntax.
		if i := strings.Index(l, ";"); i >= 0 && (strings.Contains(l[i+1:], ";") || strings.Contains(l, "|")) {
			t.Errorf("hledger line with a separator inside a text: %q", l)
		}
	}

	var xl bytes.Buffer
	if err := export.XLSX(r, &xl, ex); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				if c, bad := controlIn(v, "\n"); bad {
					t.Errorf("sheet %s, row %d, column %d holds U+%04X: %q", sheet, i+1, j+1, c, v)
				}
				if strings.Contains(v, "gauche") {
					seen++
				}
			}
		}
	}
	if seen == 0 {
		t.Error("the workbook does not show the planted texts at all")
	}
}
