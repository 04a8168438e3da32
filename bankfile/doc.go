// Package bankfile is what every bank statement format comes down to: one
// Statement per account and period, its balances when the format carries
// them, and its lines in exact cents. The parsers (bankfile/cfonb,
// bankfile/camt, bankfile/ofx) know nothing of the books; matching the
// lines to owners and suppliers is app's work. They are written by hand on
// the standard library and encoding/xml: the Go libraries for these formats
// are abandoned or keep amounts in floats, and a statement must add up to
// the cent.
package bankfile
