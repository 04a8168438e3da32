package reports

import (
	"bytes"
	"fmt"
	"testing"
)

// The documents are written uncompressed and their pages compressed by
// deflatePages: the bytes must be those fpdf writes when it compresses
// them itself, for a book of several pages, notices with an image
// (signature) and a one-page balance.
func TestDeflatePagesAsFpdf(t *testing.T) {
	journal := func() ([]byte, error) {
		b := JournalBook{BookHead: BookHead{Residence: "Résidence Les Tilleuls", Period: "Exercice 2025", Printed: printedDay}, Title: "Journal général"}
		j := JournalSection{Code: "BQ", Label: "Banque"}
		for i := 1; i <= 150; i++ {
			j.Entries = append(j.Entries, JournalEntry{Number: int64(i), Date: "05/03/2025", Piece: fmt.Sprintf("R%04d", i), Label: "Règlement œuvre «é»",
				Lines: []JournalLine{{Account: "512001", Label: "Règlement", Debit: int64(i)}, {Account: "450001", Label: "Règlement", Credit: int64(i)}}})
			j.Debit += int64(i)
			j.Credit += int64(i)
		}
		b.Journals = []JournalSection{j}
		b.Debit, b.Credit = j.Debit, j.Credit
		return JournalPDF(b)
	}
	notices := func() ([]byte, error) {
		n := sampleNotice("Mme Zoé Garçon", 0)
		n.Signature = testPNG(t, 300, 100)
		set, err := Notices([]Notice{n, sampleNotice("M. Œdipe Noël", 0)}, printed)
		return set.Combined, err
	}
	balance := func() ([]byte, error) {
		return TrialBalancePDF(TrialBalanceBook{BookHead: BookHead{Residence: "R", Period: "Exercice 2025", Printed: printedDay},
			Classes: []TrialClass{{Label: "Classe 4", Rows: []TrialRow{{Account: "450001", Label: "Bernard", Debit: 5000, Balance: 5000, BalanceDebit: 5000}}}}})
	}
	for name, doc := range map[string]func() ([]byte, error){"journal": journal, "notices": notices, "balance": balance} {
		fpdfDeflates = true
		want, err := doc()
		fpdfDeflates = false
		if err != nil {
			t.Fatal(err)
		}
		got, err := doc()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(got, []byte("/Filter /FlateDecode /Length")) {
			t.Errorf("%s: pages left uncompressed", name)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, fpdf writes %d", name, len(got), len(want))
		}
	}
	// Not fpdf's: returned as it is.
	for _, in := range []string{"", "%PDF-1.3\nnot really", "%PDF-1.3\nxref\n0 2\nstartxref\n9\n%%EOF\n"} {
		if got := deflatePages([]byte(in)); string(got) != in {
			t.Errorf("deflatePages(%q) = %q", in, got)
		}
	}
}
