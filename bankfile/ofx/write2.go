package ofx

import (
	"io"

	"tantieme/bankfile"
)

// Write2 writes statements as an OFX 2.0 file: the XML declaration and the
// <?OFX OFXHEADER="200" VERSION="200" …?> processing instruction (OFX
// 2.1.1 §2.2), then the same aggregates as Write, every element closed,
// texts in UTF-8. What it cannot say is what Write cannot: the opening
// balance, a line's counterparty and end-to-end reference, Details beyond
// the one MEMO. It serves the tests that need a bank's OFX 2 file (the
// issue's test year).
func Write2(w io.Writer, sts []bankfile.Statement) error {
	return write(w, sts, true)
}
