package reports

import (
	"testing"

	"tantieme/ledger/ledgertest"
)

// pdfText extracts the text of a PDF with poppler's pdftotext (-layout keeps
// the columns on one line). Tests that need it skip when it is missing;
// .ci/run installs it.
func pdfText(t *testing.T, pdf []byte) string { return ledgertest.PDF(t, pdf, "-layout") }

// pages splits pdftotext's output on form feeds.
func pages(text string) []string { return ledgertest.Pages(text) }
