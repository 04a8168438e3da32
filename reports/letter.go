package reports

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// The address window of a French DL envelope (220 × 110 mm) is 100 × 45 mm,
// its right edge 20 mm from the envelope's: x from 100 to 200 mm on the
// envelope. An A4 sheet folded in three is 210 mm wide and slides up to
// 10 mm sideways in it, so what the window always shows of the sheet runs
// from 100 to 190 mm: the address is printed there, everything else around
// it (issue 13: a 38-character line printed from 115 mm reached 192 mm,
// the window's edge). Vertically the window shows the sheet from about
// 45 mm to 80 mm under its top fold. Millimetres from the top left corner
// of the sheet.
const (
	WindowX = 100.0
	WindowY = 45.0
	WindowW = 90.0
	WindowH = 35.0

	addressX     = WindowX + 4 // inside the window, clear of its edges
	addressY     = 51.0        // under the sender's line
	addressW     = WindowW - 8
	addressLineH = 4.6
	addressLines = 6 // 51 + 6 × 4.6 = 78.6 mm: inside the window
	bodyTop      = 89.0
	// headerW is the width of the syndicat's header, above the window: it
	// keeps the width it had before the window moved left.
	headerW = 90.0
	// refsW is the width of the references, beside the window.
	refsW = WindowX - marginX - 5
)

// Letter is what every letter prints around its body: the syndicat's
// header top left, the addressee in the envelope window, references beside
// it, a text and a signature at the end.
type Letter struct {
	Header    []string // top left; the first line bold
	Sender    string   // small return address above the window
	Recipient []string // the address: name, street lines, zip and city
	Refs      []Ref    // left of the window: account, lots, dates
	Place     string   // "Lyon, le 15/12/2024", under the window
	Closing   string   // the text after the body (paragraphs split on blank lines)
	Signature []byte   // PNG or JPEG, printed within 60 × 20 mm; nil for none
	FootNote  string   // left of the page footer: residence and document
	// Fingerprint of the books the letter presents (a décompte), printed
	// under the footer note; "" for none (Page.Fingerprint).
	Fingerprint string
}

// Ref is a label and its value in the reference block.
type Ref struct{ Label, Value string }

// BankDetails say where owners pay.
type BankDetails struct {
	Holder    string // "Syndicat des copropriétaires Résidence Les Tilleuls"
	IBAN      string // grouped by four
	BIC       string
	Reference string // what to write on the transfer
	// Debit, for an owner paying by SEPA direct debit, is what will be
	// debited and when (« Montant prélevé le 01/04/2026 : 312,50 € »): the
	// box then tells him there is nothing to pay by transfer or cheque.
	Debit string
}

// Statement is an account statement printed at the end of a letter.
type Statement struct {
	Title   string        // "Relevé de votre compte – exercice 2025"
	Opening StatementLine // the balance brought forward (Label "Solde au 01/01/2025"); none when its Label is empty
	Lines   []StatementLine
	Closing StatementLine // the final balance, printed in bold; none when its Label is empty
}

// StatementLine is one line of a statement, formatted.
type StatementLine struct {
	Date, Piece, Label, Debit, Credit, Balance string
}

// Letters is a set of letters: the combined document for printing, and
// each letter alone (the same pages, cut out of it).
type Letters struct {
	Combined []byte
	Each     [][]byte
}

// letterWriter draws letters one after the other into one document, each
// with its own page numbers ("Page 1 / 2").
type letterWriter struct {
	d       *Doc
	note    string // footer note of the current letter
	print   string // fingerprint of the current letter, "" for none
	first   int    // its first page
	closing bool   // the footer being drawn ends the current letter
	ranges  []PageRange
	images  map[uint32]string
}

func newLetterWriter(title string, printed time.Time) *letterWriter {
	lw := &letterWriter{d: NewDoc(Page{Title: title, NoHeader: true, Printed: printed}), images: map[uint32]string{}}
	lw.d.pdf.SetFooterFunc(lw.footer)
	return lw
}

func (lw *letterWriter) footer() {
	f := lw.d.pdf
	f.SetY(-footerH)
	f.SetFont(family, "", 7.5)
	f.SetTextColor(90, 90, 90)
	w := lw.d.Width()
	f.CellFormat(w*0.75, 4, lw.d.fit(lw.note, w*0.75-2), "T", 0, "L", false, 0, "")
	page := f.PageNo() - lw.first + 1
	// Letters are printed on both sides: an odd page goes on with its back.
	right := fmt.Sprintf("Page %d, suite page suivante", page)
	if page%2 == 1 {
		right = fmt.Sprintf("Page %d, voir au verso", page)
	}
	if lw.closing {
		right = fmt.Sprintf("Page %d / %d", page, page)
	}
	f.CellFormat(w*0.25, 4, right, "T", 0, "R", false, 0, "")
	if lw.print != "" {
		f.Ln(4)
		f.CellFormat(w, 4, FingerprintLabel+lw.print, "", 0, "L", false, 0, "")
	}
	f.SetTextColor(0, 0, 0)
}

// begin starts a letter on a new page; the previous letter's last footer
// is drawn then.
func (lw *letterWriter) begin(note, fingerprint string) {
	f := lw.d.pdf
	if f.PageNo() > 0 {
		lw.closing = true
		prev := lw.first
		f.AddPage()
		lw.ranges = append(lw.ranges, PageRange{prev, f.PageNo() - 1})
	} else {
		f.AddPage()
	}
	lw.closing = false
	lw.first = f.PageNo()
	lw.note, lw.print = note, fingerprint
}

// finish closes the document and cuts it into letters.
func (lw *letterWriter) finish() (Letters, error) {
	if lw.d.pdf.PageNo() == 0 {
		return Letters{}, fmt.Errorf("aucune lettre à imprimer")
	}
	lw.closing = true
	last := PageRange{lw.first, lw.d.pdf.PageNo()}
	all, err := lw.d.Bytes()
	if err != nil {
		return Letters{}, err
	}
	ranges := append(lw.ranges, last)
	each, err := splitPDF(all, ranges)
	if err != nil {
		return Letters{}, err
	}
	return Letters{Combined: all, Each: each}, nil
}

// head draws what surrounds the body: fold marks, header, references,
// sender and address, place and date. It leaves the cursor under them.
func (lw *letterWriter) head(l *Letter) {
	f := lw.d.pdf
	// Fold marks: an A4 sheet folds in three (99 mm) into a DL envelope.
	f.SetDrawColor(160, 160, 160)
	f.SetLineWidth(0.2)
	f.Line(4, 99, 8, 99)
	f.Line(4, 198, 8, 198)
	f.SetDrawColor(0, 0, 0)

	y := marginTop
	for i, line := range l.Header {
		if i == 8 {
			break
		}
		size, style, h := 8.5, "", 4.0
		if i == 0 {
			size, style, h = 10.5, "B", 5.0
		}
		f.SetFont(family, style, size)
		f.SetXY(marginX, y)
		f.CellFormat(headerW, h, lw.d.fit(line, headerW), "", 0, "L", false, 0, "")
		y += h
	}

	if l.Sender != "" {
		f.SetFont(family, "", 6.5)
		f.SetTextColor(90, 90, 90)
		f.SetXY(addressX, WindowY+1.5)
		f.CellFormat(addressW, 3, lw.d.fit(l.Sender, addressW), "B", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
	}
	lw.address(l.Recipient)

	y = max(y+4, addressY)
	for _, r := range l.Refs {
		f.SetXY(marginX, y)
		f.SetFont(family, "", 8.5)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(34, 4.4, lw.d.fit(r.Label, 33), "", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetFont(family, "B", 8.5)
		f.CellFormat(refsW-34, 4.4, lw.d.fit(r.Value, refsW-35), "", 0, "L", false, 0, "")
		y += 4.4
	}
	if l.Place != "" {
		f.SetFont(family, "", 9)
		f.SetXY(addressX, WindowY+WindowH+3)
		f.CellFormat(addressW, 4.5, lw.d.fit(l.Place, addressW), "", 0, "L", false, 0, "")
	}
	f.SetXY(marginX, max(y+3, bodyTop))
}

// addressLine is a line of the address with the font it fits in.
type addressLine struct {
	text  string
	style string
	size  float64
}

// address prints the recipient inside the window, the name in bold, at
// 10 pt or smaller (down to 8 pt) so that every line fits; a line still too
// wide is wrapped. At most six lines: the last one (zip and city) is always
// kept.
func (lw *letterWriter) address(lines []string) {
	f := lw.d.pdf
	var clean []string
	for _, line := range lines {
		if line = strings.TrimSpace(line); line != "" {
			clean = append(clean, line)
		}
	}
	style := func(i int) string {
		if i == 0 {
			return "B"
		}
		return ""
	}
	size := 10.0
	for ; size > 8; size -= 0.5 {
		fits := true
		for i, line := range clean {
			f.SetFont(family, style(i), size)
			fits = fits && f.GetStringWidth(line) <= addressW
		}
		if fits {
			break
		}
	}
	var out []addressLine
	for i, line := range clean {
		f.SetFont(family, style(i), size)
		if f.GetStringWidth(line) <= addressW {
			out = append(out, addressLine{line, style(i), size})
			continue
		}
		for _, part := range f.SplitText(line, addressW) {
			out = append(out, addressLine{lw.d.fit(part, addressW), style(i), size})
		}
	}
	if len(out) > addressLines {
		out = append(out[:addressLines-1], out[len(out)-1])
	}
	for i, l := range out {
		f.SetFont(family, l.style, l.size)
		f.SetXY(addressX, addressY+float64(i)*addressLineH)
		f.CellFormat(addressW, addressLineH, l.text, "", 0, "L", false, 0, "")
	}
}

// need starts a new page when less than h millimetres are left.
func (lw *letterWriter) need(h float64) {
	f := lw.d.pdf
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	if f.GetY()+h > pageH-bottom {
		f.AddPage()
	}
}

// paragraphs prints a text, a blank line between paragraphs.
func (lw *letterWriter) paragraphs(text string, size float64) {
	f := lw.d.pdf
	f.SetFont(family, "", size)
	for i, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if i > 0 {
			f.Ln(1.8)
		}
		f.SetX(marginX)
		f.MultiCell(lw.d.Width(), size*0.45, strings.TrimSpace(p), "", "L", false)
	}
	f.Ln(2)
}

func (lw *letterWriter) title(title, subtitle string) {
	f := lw.d.pdf
	f.SetX(marginX)
	f.SetFont(family, "B", 14)
	f.CellFormat(lw.d.Width(), 7, lw.d.fit(title, lw.d.Width()), "", 1, "L", false, 0, "")
	if subtitle != "" {
		f.SetFont(family, "", 10)
		f.SetX(marginX)
		f.MultiCell(lw.d.Width(), 5, subtitle, "", "L", false)
	}
	f.Ln(2.5)
}

// bank prints how to pay, in a frame kept on one page.
func (lw *letterWriter) bank(b BankDetails) {
	if b.IBAN == "" && b.Holder == "" && b.Debit == "" {
		return
	}
	f := lw.d.pdf
	var lines []string
	title := "Règlement"
	switch {
	case b.Debit != "":
		title = "Règlement par prélèvement SEPA"
		lines = append(lines, b.Debit, "Vous n'avez rien à faire : ne réglez ce montant ni par virement ni par chèque.")
	case b.IBAN != "":
		s := "Par virement : IBAN " + b.IBAN
		if b.BIC != "" {
			s += " – BIC " + b.BIC
		}
		lines = append(lines, s)
	}
	if b.Holder != "" && b.Debit == "" {
		lines = append(lines, "Titulaire du compte, à l'ordre duquel libeller les chèques : "+b.Holder)
	}
	if b.Reference != "" {
		lines = append(lines, "Référence à rappeler : "+b.Reference)
	}
	h := 6 + 4.4*float64(len(lines)) + 2
	lw.need(h + 2)
	x, y := marginX, f.GetY()
	f.SetDrawColor(31, 78, 121)
	f.SetLineWidth(0.3)
	f.Rect(x, y, lw.d.Width(), h, "D")
	f.SetDrawColor(0, 0, 0)
	f.SetXY(x+3, y+1.5)
	f.SetFont(family, "B", 9)
	f.CellFormat(lw.d.Width()-6, 4.5, title, "", 2, "L", false, 0, "")
	f.SetFont(family, "", 8.5)
	for _, l := range lines {
		f.SetX(x + 3)
		f.CellFormat(lw.d.Width()-6, 4.4, lw.d.fit(l, lw.d.Width()-6), "", 2, "L", false, 0, "")
	}
	f.SetY(y + h + 3)
}

// closingText prints the closing text and the signature.
func (lw *letterWriter) closingText(l *Letter) error {
	if strings.TrimSpace(l.Closing) != "" {
		lw.need(12)
		lw.paragraphs(l.Closing, 9)
	}
	return lw.signature(l)
}

// signature prints the signature image at the right, within 60 × 20 mm.
func (lw *letterWriter) signature(l *Letter) error {
	if len(l.Signature) == 0 {
		return nil
	}
	f := lw.d.pdf
	name, err := lw.image(l.Signature)
	if err != nil {
		return err
	}
	info := f.GetImageInfo(name)
	w, h := info.Extent()
	scale := min(60/w, 20/h)
	w, h = w*scale, h*scale
	lw.need(h + 2)
	f.ImageOptions(name, lw.d.Width()+marginX-w, f.GetY(), w, h, false, fpdf.ImageOptions{}, 0, "")
	f.SetY(f.GetY() + h + 2)
	return nil
}

// image registers an image once per document.
func (lw *letterWriter) image(data []byte) (string, error) {
	sum := crc32.ChecksumIEEE(data)
	if name, ok := lw.images[sum]; ok {
		return name, nil
	}
	typ := ""
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		typ = "PNG"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		typ = "JPG"
	default:
		return "", fmt.Errorf("la signature doit être une image PNG ou JPEG")
	}
	name := fmt.Sprintf("img%08x", sum)
	f := lw.d.pdf
	f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	if err := f.Error(); err != nil {
		return "", fmt.Errorf("la signature n'est pas une image lisible : %w", err)
	}
	lw.images[sum] = name
	return name, nil
}

// statement prints an account statement as a table.
func (lw *letterWriter) statement(s *Statement) {
	if s == nil {
		return
	}
	f := lw.d.pdf
	lw.need(25)
	f.Ln(1)
	f.SetX(marginX)
	lw.d.Heading(s.Title)
	cols := []Column{{Title: "Date", Width: 20}, {Title: "Pièce", Width: 17}, {Title: "Libellé"},
		{Title: "Débit", Width: 24, Right: true}, {Title: "Crédit", Width: 24, Right: true}, {Title: "Solde", Width: 26, Right: true}}
	var rows []Row
	cells := func(l StatementLine) []string {
		return []string{l.Date, l.Piece, l.Label, l.Debit, l.Credit, l.Balance}
	}
	if s.Opening.Label != "" {
		rows = append(rows, Row{Cells: cells(s.Opening)})
	}
	for _, l := range s.Lines {
		rows = append(rows, Row{Cells: cells(l)})
	}
	if s.Closing.Label != "" {
		rows = append(rows, Row{Cells: cells(s.Closing), Strong: true})
	}
	// Wrapped, never cut: an owner reads every label of his account
	// (issue 13: « À nouveaux au 01/01/2026 (clôture de l'e… »).
	lw.rowsWrapped(cols, rows, 4.4, 1, 0)
}

// amountBox prints label/amount pairs right-aligned, the last one
// emphasised (what to pay).
func (lw *letterWriter) amountBox(pairs [][2]string) {
	f := lw.d.pdf
	const boxW, amountW = 125.0, 34.0
	x := marginX + lw.d.Width() - boxW
	lw.need(6*float64(len(pairs)) + 4)
	for i, p := range pairs {
		last := i == len(pairs)-1
		style, size, h := "", 9.0, 5.5
		if last {
			style, size, h = "B", 10.5, 7.0
			f.SetFillColor(221, 235, 247)
		}
		f.SetFont(family, style, size)
		f.SetX(x)
		border := ""
		if last {
			border = "TB"
		}
		f.CellFormat(boxW-amountW, h, lw.d.fit(p[0], boxW-amountW-2), border, 0, "L", last, 0, "")
		f.CellFormat(amountW, h, p[1], border, 1, "R", last, 0, "")
	}
	f.Ln(3)
}
