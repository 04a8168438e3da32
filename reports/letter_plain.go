package reports

import (
	"fmt"
	"time"
)

// PlainLetter is a letter whose whole body is a text: the letters written
// from a card (to an owner, to a supplier: quote request, work order).
type PlainLetter struct {
	Letter
	Body string // paragraphs split on blank lines
}

// PlainLetters renders letters into one document for printing, and cuts
// it into one document per letter.
func PlainLetters(list []PlainLetter, printed time.Time) (Letters, error) {
	lw := newLetterWriter("Courrier", printed)
	for i := range list {
		l := &list[i]
		lw.begin(l.FootNote, l.Fingerprint)
		lw.head(&l.Letter)
		lw.paragraphs(l.Body, 10)
		if err := lw.closingText(&l.Letter); err != nil {
			return Letters{}, fmt.Errorf("lettre n° %d : %w", i+1, err)
		}
	}
	return lw.finish()
}
