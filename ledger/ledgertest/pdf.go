// Package ledgertest holds what the tests of every package share: reading
// the PDFs the program writes as an owner would (their text, page by page,
// and where each word sits), without a copy per package.
package ledgertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// PDFFile is the text of a PDF file as pdftotext (poppler-utils) extracts it
// with flags ("-layout", "-raw"…). The test is skipped when pdftotext is
// not installed (`make test-deps` installs it; CI always has it).
func PDFFile(tb testing.TB, path string, flags ...string) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, append(append(flags, path), "-")...).CombinedOutput()
	if err != nil {
		tb.Fatalf("pdftotext %s %s: %v\n%s", strings.Join(flags, " "), path, err, out)
	}
	return string(out)
}

// PDF is PDFFile for a document held in memory.
func PDF(tb testing.TB, pdf []byte, flags ...string) string {
	tb.Helper()
	in := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	return PDFFile(tb, in, flags...)
}

// Pages splits pdftotext's output on its form feeds, without the empty
// page after the last one.
func Pages(text string) []string {
	p := strings.Split(text, "\f")
	if len(p) > 0 && strings.TrimSpace(p[len(p)-1]) == "" {
		p = p[:len(p)-1]
	}
	return p
}

// Flat is text with every run of spaces and line breaks made one space:
// a sentence wrapped in a letter, or a label wrapped in its column, reads
// whole.
func Flat(text string) string { return strings.Join(strings.Fields(text), " ") }

// Word is a word of a PDF page and its box, in points from the page's top
// left corner (pdftotext -bbox).
type Word struct {
	Page                   int // from 1
	Text                   string
	XMin, YMin, XMax, YMax float64
}

var wordRe = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)

// Words lists the words of a PDF file with their boxes.
func Words(tb testing.TB, path string) []Word {
	tb.Helper()
	var words []Word
	for i, page := range strings.Split(PDFFile(tb, path, "-bbox"), "<page ")[1:] {
		for _, m := range wordRe.FindAllStringSubmatch(page, -1) {
			w := Word{Page: i + 1, Text: unescape(m[5])}
			for j, v := range []*float64{&w.XMin, &w.YMin, &w.XMax, &w.YMax} {
				*v, _ = strconv.ParseFloat(m[j+1], 64)
			}
			words = append(words, w)
		}
	}
	return words
}

// WordsOf is Words for a document held in memory.
func WordsOf(tb testing.TB, pdf []byte) []Word {
	tb.Helper()
	in := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	return Words(tb, in)
}

var entities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

func unescape(s string) string { return entities.Replace(s) }
