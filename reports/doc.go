// Package reports renders documents (PDF, and later XLSX) from plain data
// built by app. It never touches the database: every function takes the
// figures it prints and returns bytes.
package reports

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"

	"tantieme/assets"
)

// Font names registered in every document. fpdf's core fonts are Latin-1
// only; DejaVu Sans prints €, œ, « » and every French accent.
const (
	family = "DejaVu"
)

// Page holds what every page of a document repeats: who it is about and when
// it was printed.
type Page struct {
	Title     string    // "Balance générale"
	Subtitle  string    // "Exercice 2025 — du 01/01/2025 au 31/12/2025"
	Residence string    // printed top left on every page
	Printed   time.Time // print date in the footer (and the PDF's dates)
	Landscape bool
	// Fingerprint is the books' fingerprint when the document was made
	// (« 3F2A-91BC-0D44-7E10 », see ledger.Link), printed in the footer of
	// documents that present the books: a later change to the entries
	// behind them no longer matches it. "" prints none.
	Fingerprint string
	// NoHeader leaves the top of the page to the caller (letters with an
	// address window); the footer with page numbers stays.
	NoHeader bool
}

// FingerprintLabel introduces the books' fingerprint in footers.
const FingerprintLabel = "Empreinte des comptes : "

// Doc is an A4 document being written.
type Doc struct {
	pdf  *fpdf.Fpdf
	page Page
}

// Margins and heights in millimetres.
const (
	marginX   = 15.0
	marginTop = 12.0
	footerH   = 14.0
	lineH     = 5.0
)

// NewDoc starts an A4 document; call AddPage before writing.
func NewDoc(p Page) *Doc {
	orientation := "P"
	if p.Landscape {
		orientation = "L"
	}
	pdf := fpdf.New(orientation, "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(family, "", assets.DejaVuSans)
	pdf.AddUTF8FontFromBytes(family, "B", assets.DejaVuSansBold)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(true, footerH+4)
	pdf.SetTitle(p.Title, true)
	pdf.SetCreator("Tantième", true)
	pdf.SetProducer("Tantième", true)
	if p.Printed.IsZero() {
		p.Printed = time.Now()
	}
	pdf.SetCreationDate(p.Printed)
	pdf.SetModificationDate(p.Printed)
	pdf.SetCatalogSort(true)
	pdf.AliasNbPages("{nb}")
	d := &Doc{pdf: pdf, page: p}
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFunc(d.footer)
	return d
}

// PDF gives direct access for layouts the helpers do not cover.
func (d *Doc) PDF() *fpdf.Fpdf { return d.pdf }

// AddPage starts a new page (header and footer are drawn by the document).
func (d *Doc) AddPage() { d.pdf.AddPage() }

// Width is the printable width between the margins.
func (d *Doc) Width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*marginX
}

func (d *Doc) header() {
	if d.page.NoHeader {
		return
	}
	f := d.pdf
	f.SetFont(family, "B", 9)
	f.SetTextColor(90, 90, 90)
	f.CellFormat(d.Width()/2, 4, d.page.Residence, "", 0, "L", false, 0, "")
	f.SetFont(family, "", 9)
	f.CellFormat(d.Width()/2, 4, d.page.Subtitle, "", 1, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
	f.SetFont(family, "B", 14)
	f.CellFormat(d.Width(), 8, d.page.Title, "B", 1, "L", false, 0, "")
	f.Ln(3)
}

func (d *Doc) footer() {
	f := d.pdf
	f.SetY(-footerH)
	f.SetFont(family, "", 8)
	f.SetTextColor(90, 90, 90)
	left := "Imprimé le " + d.page.Printed.Format("02/01/2006") + " — Tantième"
	if d.page.NoHeader && d.page.Residence != "" {
		left = d.page.Residence + " — " + left
	}
	f.CellFormat(d.Width()/2, 4, left, "T", 0, "L", false, 0, "")
	f.CellFormat(d.Width()/2, 4, fmt.Sprintf("Page %d / {nb}", f.PageNo()), "T", 0, "R", false, 0, "")
	if d.page.Fingerprint != "" {
		// A line of its own: the residence's name can fill the first one.
		f.Ln(4)
		f.CellFormat(d.Width(), 4, FingerprintLabel+d.page.Fingerprint, "", 0, "L", false, 0, "")
	}
	f.SetTextColor(0, 0, 0)
}

// Heading prints a section title.
func (d *Doc) Heading(text string) {
	d.pdf.SetFont(family, "B", 11)
	d.pdf.CellFormat(d.Width(), 7, text, "", 1, "L", false, 0, "")
	d.pdf.SetFont(family, "", 9)
}

// Paragraph prints wrapped text.
func (d *Doc) Paragraph(text string) {
	d.pdf.SetFont(family, "", 9)
	d.pdf.MultiCell(d.Width(), lineH, text, "", "L", false)
	d.pdf.Ln(1)
}

// Bytes finishes the document.
func (d *Doc) Bytes() ([]byte, error) {
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("PDF : %w", err)
	}
	if fpdfDeflates {
		var buf bytes.Buffer
		if err := d.pdf.Output(&buf); err != nil {
			return nil, fmt.Errorf("PDF : %w", err)
		}
		return buf.Bytes(), nil
	}
	var buf bytes.Buffer
	d.pdf.SetCompression(false) // the pages are compressed by deflatePages
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("PDF : %w", err)
	}
	return deflatePages(buf.Bytes()), nil
}
