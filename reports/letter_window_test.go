package reports

import (
	"strings"
	"testing"
)

// The part of the sheet a French DL envelope's window always shows: the
// window is 100 mm wide, its right edge 20 mm from the right of the 220 mm
// envelope, and the 210 mm sheet slides up to 10 mm sideways in it.
const (
	envelopeW      = 220.0
	envelopeWindow = 100.0
	windowFromEdge = 20.0
	sheetW         = 210.0
	visibleLeft    = envelopeW - windowFromEdge - envelopeWindow // the sheet against the envelope's left edge
	visibleRight   = envelopeW - windowFromEdge - (envelopeW - sheetW)
)

// Every word of the address lies inside the window, whatever the length of
// its lines (issue 13: lines over 38 characters reached the window's edge).
func TestAddressInsideEnvelopeWindow(t *testing.T) {
	line60 := "Résidence du Parc des Expositions, bâtiment C, escalier 4 gh"
	if n := len([]rune(line60)); n != 60 {
		t.Fatalf("line60 has %d characters", n)
	}
	for _, c := range []struct {
		name    string
		address []string
	}{
		{"60 characters", []string{"Mme Zoé Garçon", line60, "69003 Lyon"}},
		{"38 characters", []string{"Mme Zoé Garçon", "14 rue des Tilleuls, bât. A, 4e étage", "69003 Lyon"}},
		{"long name", []string{longName, "Appartement 12, 3e étage, porte droite, code 4589B", "Chez M. Jean-Baptiste Martin-Dufresne", "69003 Lyon"}},
		{"one long word", []string{"M. Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh", "69003 Lyon"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := sampleNotice(c.address[0], 0)
			n.Recipient = c.address
			set, err := Notices([]Notice{n}, printed)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, line := range c.address {
				for _, f := range strings.Fields(line) {
					want[f] = true
				}
			}
			found := 0
			for _, w := range pdfWords(t, set.Each[0]) {
				// The address block: right of the references, between the
				// sender's line and the place and date.
				if w.page != 1 || w.yMin < addressY-0.5 || w.yMax > WindowY+WindowH+0.5 || w.xMax < visibleLeft-5 {
					continue
				}
				if w.xMin < visibleLeft || w.xMax > visibleRight || w.yMin < WindowY || w.yMax > WindowY+WindowH {
					t.Errorf("%q lies at %.1f–%.1f × %.1f–%.1f mm, outside the window %.0f–%.0f × %.0f–%.0f",
						w.text, w.xMin, w.xMax, w.yMin, w.yMax, visibleLeft, visibleRight, WindowY, WindowY+WindowH)
				}
				if want[w.text] {
					found++
				}
			}
			if c.name != "one long word" && found < len(want) {
				t.Errorf("%d of the %d words of the address are printed whole in the window", found, len(want))
			}
		})
	}
}
