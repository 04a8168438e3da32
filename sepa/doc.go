// Package sepa writes the SEPA files a residence sends to its bank: credit
// transfers (pain.001.001.09, or .001.03 for banks that still want it) and
// SEPA Core direct debits (pain.008.001.08, or .001.02). Like reports
// renders PDFs, it renders plain data — amounts in int64 cents, parties,
// dates — to XML, and never touches the books: the workflow that calls it
// checks IBAN, BIC, ICS and RUM with ledger (check digits, mandates) and
// posts the entries.
//
// It still refuses what would make the bank reject the file, before
// writing a byte (a French *Error naming the payment, the party and the
// field):
//   - no payment; an amount ≤ 0 or above 999 999 999,99 €;
//   - a missing IBAN or one not of the XSD's shape, a malformed BIC;
//   - a debit without RUM, signature date, ICS, or with a sequence type
//     other than FRST, RCUR, FNAL, OOFF;
//   - an address with lines but no town or country (since November 2026
//     SEPA takes structured or hybrid addresses only), or more than two
//     lines;
//   - a character outside the SEPA set that has no plain spelling (€, &,
//     «, another script): accents and ligatures are transliterated
//     (Transliterate);
//   - an identifier (MsgId, EndToEndId, RUM, ICS) longer than 35 or with a
//     character outside the restricted set: identifiers are never altered.
//
// Free texts longer than their XSD type are cut (name 70, remittance 140,
// street 70, town 35); codes (post code, building number) are refused.
// Every file is UTF-8, valid against the ISO 20022 XSDs in testdata/.
package sepa
