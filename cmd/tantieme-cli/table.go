package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"tantieme/ledger"
)

// table prints rows in columns for people: text left-aligned, the columns
// marked right (amounts) right-aligned, like a printed ledger.
type table struct {
	header []string
	right  map[int]bool
	rows   [][]string
}

func newTable(header []string, rightCols ...int) *table {
	t := &table{header: header, right: map[int]bool{}}
	for _, c := range rightCols {
		t.right[c] = true
	}
	return t
}

// add appends a row. A stored text may still hold control characters (a
// residence written before the text rules, or edited with raw SQL): they
// are made safe so that an escape sequence never reaches the terminal and
// a line break never shifts the columns.
func (t *table) add(cells ...string) {
	for i, c := range cells {
		cells[i] = ledger.SafeText(c, false)
	}
	t.rows = append(t.rows, cells)
}

func (t *table) write(w io.Writer) error {
	widths := make([]int, len(t.header))
	all := append([][]string{t.header}, t.rows...)
	for _, r := range all {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range all {
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.right[i] {
				b.WriteString(pad + c)
			} else if i < len(r)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		b.WriteString("\n")
	}
	_, err := fmt.Fprint(w, b.String())
	return err
}
