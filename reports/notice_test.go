package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/ledger/ledgertest"
)

var printed = time.Date(2024, 12, 15, 0, 0, 0, 0, time.UTC)

// longName is 40 characters, the widest an owner's name may be printed.
const longName = "M. et Mme Wolfgang-Maximilien Dupré-Wéry"

func sampleNotice(name string, statementLines int) Notice {
	n := Notice{
		Letter: Letter{
			Header:    []string{"Syndicat des copropriétaires", "Résidence Les Tilleuls", "14 rue des Tilleuls", "69003 Lyon", "Syndic bénévole : Mme Hélène Lefèvre", "Tél. 04 65 71 20 31", "syndic.tilleuls@example.org"},
			Sender:    "SDC Résidence Les Tilleuls – 14 rue des Tilleuls – 69003 Lyon",
			Recipient: []string{name, "14 rue des Tilleuls, bâtiment A, 4e étage, porte gauche", "69003 Lyon"},
			Refs:      []Ref{{"Copropriétaire", "450001"}, {"Lots", "9, 14 et 19"}, {"Date de l'appel", "01/01/2025"}, {"Exigible le", "01/01/2025"}},
			Place:     "Lyon, le 15/12/2024",
			Closing:   "Merci d'indiquer la référence 450001 sur votre virement.\n\nVotre syndic bénévole, Mme Hélène Lefèvre, se tient à votre disposition.",
			FootNote:  "Résidence Les Tilleuls – avis d'appel du 01/01/2025 – 450001",
		},
		Title:    "Avis d'appel de fonds",
		Subtitle: "Appel du 01/01/2025 – 1er trimestre 2025, du 01/01/2025 au 31/03/2025",
		Opening:  "Madame, Monsieur,\n\nConformément au budget prévisionnel voté par l'assemblée générale, voici l'appel de fonds du 01/01/2025.",
		Sections: []NoticeSection{
			{Title: "Budget prévisionnel – provisions sur charges courantes", Rows: []NoticeRow{
				{"001", "Charges générales", "130", "1 000", "976,46 €"},
				{"002", "Ascenseur", "128", "500", "302,26 €"},
				{"004", "Eau froide", "118", "1 000", "248,16 €"},
			}, Total: "1 526,88 €"},
			{Title: "Fonds de travaux (loi ALUR)", Rows: []NoticeRow{{"001", "Charges générales", "130", "1 000", "72,73 €"}}, Total: "72,73 €"},
		},
		Total: "1 599,61 €", Previous: "-12,50 €", PreviousLabel: "Solde antérieur (en votre faveur)",
		DueLabel: "Montant à payer avant le 01/01/2025", Due: "1 587,11 €",
		Bank: BankDetails{Holder: "Syndicat des copropriétaires Résidence Les Tilleuls", IBAN: "FR76 3000 2008 4700 0007 1432 567", BIC: "CRLYFRPP", Reference: "450001"},
	}
	if statementLines > 0 {
		st := &Statement{Title: "Relevé de votre compte – exercice 2025", Opening: StatementLine{Label: "Solde au 01/01/2025", Balance: "0,00"},
			Closing: StatementLine{Label: "Solde au 01/01/2025 (à payer)", Balance: "1 587,11"}}
		for i := 0; i < statementLines; i++ {
			st.Lines = append(st.Lines, StatementLine{"01/01/2025", fmt.Sprintf("A%04d", i+1), "Appel de fonds 1er trimestre 2025", "1 526,88", "", "1 526,88"})
		}
		n.Statement = st
	}
	return n
}

func TestNoticeText(t *testing.T) {
	set, err := Notices([]Notice{sampleNotice("M. et Mme Bernard Jean-Luc et Françoise", 3)}, printed)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Each) != 1 {
		t.Fatalf("%d notices", len(set.Each))
	}
	text := pdfText(t, set.Each[0])
	for _, want := range []string{
		"Syndicat des copropriétaires", "M. et Mme Bernard Jean-Luc et Françoise", "69003 Lyon",
		"Avis d'appel de fonds", "Appel du 01/01/2025 – 1er trimestre 2025, du 01/01/2025 au 31/03/2025",
		"001", "Charges générales", "130", "1 000", "976,46 €", "Ascenseur", "302,26 €", "1 526,88 €",
		"Fonds de travaux (loi ALUR)", "72,73 €", "Total de l'appel", "1 599,61 €",
		"Solde antérieur (en votre faveur)", "-12,50 €", "Montant à payer avant le 01/01/2025", "1 587,11 €",
		"IBAN FR76 3000 2008 4700 0007 1432 567 – BIC CRLYFRPP", "Référence à rappeler : 450001",
		"Relevé de votre compte – exercice 2025", "A0003", "Page 1 / 1", "Lyon, le 15/12/2024",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
	if strings.Contains(text, "APERÇU") {
		t.Error("a posted notice says it is a preview")
	}
}

// word is a word of a PDF page with its box in millimetres.
type word struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
}

// pdfWords lists the words of a PDF with their positions (pdftotext -bbox).
func pdfWords(t *testing.T, pdf []byte) []word {
	t.Helper()
	var words []word
	for _, w := range ledgertest.WordsOf(t, pdf) {
		const mm = 25.4 / 72
		words = append(words, word{page: w.Page, text: w.Text, xMin: w.XMin * mm, yMin: w.YMin * mm, xMax: w.XMax * mm, yMax: w.YMax * mm})
	}
	return words
}

func inWindow(w word) bool {
	return w.xMin >= WindowX && w.xMax <= WindowX+WindowW && w.yMin >= WindowY && w.yMax <= WindowY+WindowH
}

// The address sits in the DL envelope's window, nothing else does, and no
// word runs off the page, even with a 40-character name.
func TestNoticeAddressInWindow(t *testing.T) {
	if len([]rune(longName)) != 40 {
		t.Fatalf("longName has %d characters", len([]rune(longName)))
	}
	set, err := Notices([]Notice{sampleNotice(longName, 0)}, printed)
	if err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, set.Each[0])
	address := map[string]bool{}
	for _, line := range []string{longName, "14 rue des Tilleuls, bâtiment A, 4e étage, porte gauche", "69003 Lyon"} {
		for _, f := range strings.Fields(line) {
			address[f] = true
		}
	}
	found := map[string]bool{}
	for _, w := range words {
		if w.xMax > 210-marginX+0.5 || w.xMin < 3 || w.yMax > 297 {
			t.Errorf("%q runs off the page: %+v", w.text, w)
		}
		if !inWindow(w) {
			continue
		}
		// The sender's line sits at the top of the window, in small type.
		if w.yMax < addressY {
			continue
		}
		if !address[w.text] {
			t.Errorf("%q is inside the envelope window", w.text)
		}
		found[w.text] = true
	}
	for a := range address {
		if !found[a] {
			t.Errorf("address word %q is not inside the window", a)
		}
	}
}

func TestNoticesCutIntoLetters(t *testing.T) {
	var list []Notice
	for i := 0; i < 5; i++ {
		n := sampleNotice(fmt.Sprintf("Copropriétaire n° %d", i+1), 0)
		if i == 2 {
			n = sampleNotice("Copropriétaire n° 3", 70) // its statement runs onto more pages
		}
		list = append(list, n)
	}
	set, err := Notices(list, printed)
	if err != nil {
		t.Fatal(err)
	}
	all := pages(pdfText(t, set.Combined))
	if len(all) < 7 {
		t.Fatalf("combined document has %d pages", len(all))
	}
	total := 0
	for i, each := range set.Each {
		// A cut letter is a whole document again: it can itself be read
		// and cut.
		d, err := parsePDF(each)
		if err != nil {
			t.Fatalf("notice %d: %v", i+1, err)
		}
		if again, err := splitPDF(each, []PageRange{{1, len(d.pages)}}); err != nil || len(again) != 1 {
			t.Errorf("notice %d cut again: %v", i+1, err)
		}
		text := pdfText(t, each)
		ps := pages(text)
		total += len(ps)
		if !strings.Contains(ps[0], fmt.Sprintf("Copropriétaire n° %d", i+1)) {
			t.Errorf("notice %d does not start with its owner", i+1)
		}
		for j, p := range ps {
			want := fmt.Sprintf("Page %d / %d", j+1, len(ps))
			if j < len(ps)-1 {
				want = fmt.Sprintf("Page %d, suite page suivante", j+1)
				if j%2 == 0 { // a front page: its back follows
					want = fmt.Sprintf("Page %d, voir au verso", j+1)
				}
			}
			if !strings.Contains(p, want) {
				t.Errorf("notice %d page %d lacks %q", i+1, j+1, want)
			}
			for k := range list {
				if k != i && strings.Contains(p, fmt.Sprintf("Copropriétaire n° %d", k+1)) {
					t.Errorf("notice %d holds the page of notice %d", i+1, k+1)
				}
			}
		}
		if i == 2 && len(ps) < 3 {
			t.Errorf("the long notice has %d pages", len(ps))
		}
		if i != 2 && len(ps) != 1 {
			t.Errorf("notice %d has %d pages", i+1, len(ps))
		}
	}
	if total != len(all) {
		t.Errorf("letters have %d pages, the combined document %d", total, len(all))
	}
	if _, err := splitPDF(set.Combined, []PageRange{{2, 1}}); err == nil {
		t.Error("an empty range was cut")
	}
	if _, err := splitPDF(set.Combined, []PageRange{{1, len(all) + 1}}); err == nil {
		t.Error("a range past the end was cut")
	}
	if _, err := splitPDF([]byte("%PDF-1.3\nnot really"), []PageRange{{1, 1}}); err == nil {
		t.Error("a broken PDF was cut")
	}
}

func TestNoticePreviewAndSignature(t *testing.T) {
	n := sampleNotice("Mme Zoé Garçon", 0)
	n.Preview = true
	n.Signature = testPNG(t, 300, 100)
	set, err := Notices([]Notice{n}, printed)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, set.Each[0]); !strings.Contains(text, "APERÇU : cet appel n'est pas encore comptabilisé") {
		t.Errorf("preview notice:\n%s", text)
	}
	if !bytes.Contains(set.Combined, []byte("/Subtype /Image")) {
		t.Error("the signature is not in the PDF")
	}
	n.Signature = []byte("GIF89a not supported")
	if _, err := Notices([]Notice{n}, printed); err == nil || !strings.Contains(err.Error(), "PNG ou JPEG") {
		t.Errorf("a GIF signature: %v", err)
	}
	if _, err := Notices(nil, printed); err == nil {
		t.Error("no notice at all gave a document")
	}
}

func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2+int(float64(h/3)*float64(x%40-20)/20), color.RGBA{0, 0, 120, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReminderText(t *testing.T) {
	r := Reminder{
		Letter:  sampleNotice("M. Moreau Stéphane", 0).Letter,
		Title:   "Relance – solde débiteur de votre compte",
		Body:    "Monsieur,\n\nSauf erreur de notre part, votre compte présente au 30/11/2025 un solde débiteur de 575,70 €.",
		Balance: "575,70 €", BalanceAt: "Solde débiteur au 30/11/2025", PayBy: "Montant à régler avant le 15/12/2025",
		Bank:      BankDetails{Holder: "Syndicat des copropriétaires Résidence Les Tilleuls", IBAN: "FR76 3000 2008 4700 0007 1432 567"},
		Statement: &Statement{Title: "Relevé de votre compte – exercice 2025", Lines: []StatementLine{{"01/10/2025", "A0007", "Appel de fonds 4e trimestre 2025", "575,70", "", "575,70"}}},
	}
	set, err := Reminders([]Reminder{r, r}, printed)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Each) != 2 {
		t.Fatalf("%d reminders", len(set.Each))
	}
	text := pdfText(t, set.Each[1])
	for _, want := range []string{"Relance – solde débiteur de votre compte", "M. Moreau Stéphane", "un solde débiteur de 575,70 €",
		"Solde débiteur au 30/11/2025", "Montant à régler avant le 15/12/2025", "A0007", "Page 1 / 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("reminder lacks %q", want)
		}
	}
}

// TestWriteSamples writes a notice and a reminder to look at:
// TANTIEME_SAMPLES=/tmp/samples go test ./reports -run Samples.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("TANTIEME_SAMPLES")
	if dir == "" {
		t.Skip("TANTIEME_SAMPLES is not set")
	}
	n := sampleNotice(longName, 8)
	n.Signature = testPNG(t, 300, 100)
	set, err := Notices([]Notice{n, sampleNotice("Mme Zoé Garçon", 60)}, printed)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"notice.pdf": set.Each[0], "notice_long.pdf": set.Each[1], "notices.pdf": set.Combined} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
