package sheet

import (
	"path/filepath"
	"testing"
)

// fixtures holds the workbooks the reader is tested on. They are the import
// assistant's own test files too (app/importing/testdata), written by
// TestGenerateTestdata: one set, read by both.
const fixtures = "../app/importing/testdata"

func openFixture(tb testing.TB, name string) *Workbook {
	tb.Helper()
	wb, err := OpenWorkbook(filepath.Join(fixtures, name))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return wb
}
