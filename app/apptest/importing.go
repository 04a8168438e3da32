package apptest

import (
	"bytes"
	"testing"

	"tantieme/app"
	"tantieme/app/export"
)

// DemoWorkbook writes the demo residence and exports its 2025 workbook
// (owners, shares, entries, balance, ledger), as the import reads it back.
func DemoWorkbook(tb testing.TB) (*app.Residence, []byte) {
	tb.Helper()
	src := Demo(tb)
	var buf bytes.Buffer
	if err := export.XLSX(src, &buf, Year(tb, src, 2025)); err != nil {
		tb.Fatal(err)
	}
	return src, buf.Bytes()
}
