// Package ofx reads bank statements in OFX, the Open Financial Exchange
// format French banks offer as « format Money / Quicken »: OFX 1.x, an SGML
// where leaf elements are usually not closed, and OFX 2.x, plain XML.
//
// The SGML form is read by a small tokenizer of our own rather than a
// library: the Go OFX libraries are abandoned and keep amounts in float64,
// and a statement must add up to the cent. The XML form is read with
// encoding/xml. Both come down to the same tree of elements (node), from
// which each STMTRS (bank) or CCSTMTRS (card) aggregate becomes one
// bankfile.Statement.
//
// OFX states no opening balance, only LEDGERBAL (the closing one): a
// Statement's Opening is always nil and its balances cannot be checked.
//
// Spec references are to OFX 1.0.2 (« Open Financial Exchange
// Specification 1.0.2 », 1997) and OFX 2.1.1 (2006).
package ofx
