package reports

import (
	"strings"
	"testing"
	"unicode"
)

// TestWrapKeepsAmountsWhole: at every width, a wrapped paragraph never
// leaves part of an amount at the end of a line and the rest (or « € ») on
// the next (issue 16, item 11).
func TestWrapKeepsAmountsWhole(t *testing.T) {
	d := NewDoc(Page{Title: "Essai"})
	d.AddPage()
	d.pdf.SetFont(family, "", 9)
	text := "Le total des appels de l'exercice est de 12 650,34 € pour 1 000 tantièmes, soit 12,65 € par tantième et 2,5 % de plus qu'en 2024."
	for w := 25.0; w <= 120; w += 0.5 {
		lines := d.wrap(text, w)
		if got := strings.Join(lines, " "); got != text {
			t.Fatalf("width %.1f: the text changed: %q", w, got)
		}
		for i := 0; i+1 < len(lines); i++ {
			end := []rune(lines[i])
			next := []rune(lines[i+1])
			if unicode.IsDigit(end[len(end)-1]) && (unicode.IsDigit(next[0]) || next[0] == '€' || next[0] == '%') {
				t.Errorf("width %.1f: a number split across lines: %q / %q", w, lines[i], lines[i+1])
			}
		}
	}
}
