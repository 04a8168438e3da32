// Package banking is the bank statement import of issue 17 (the workflow
// of seed 004, done better): the statements a parser read from a bank file
// (tantieme/bankfile and its cfonb, camt, ofx packages) are tied to the
// residence's bank accounts, checked, matched line by line to owners,
// suppliers and deposit slips, and posted; what is not certain waits in a
// pending list that lives in the residence file (table bank_lines,
// migration 011), so that closing the window loses nothing and a re-import
// never posts a line twice.
//
// Three steps, like the calls and the closing:
//
//  1. Prepare ties, checks and matches, and writes nothing.
//  2. Apply posts the certain lines the syndic kept selected, in one
//     transaction that computes the plan again: a line whose owner's debt
//     changed since the preview is refused (that line only, kept pending).
//  3. Pending and Assign: the lines waiting, each with up to two
//     suggestions; the syndic posts one to an owner, a supplier or any
//     account.
//
// Matching, in this order of certainty, the reason said in French: a
// known payer IBAN; an owner's account number (450xxx, the reference the
// notices ask owners to write on their transfer), a lot number or a call's
// piece in the reference, label or details; the owner's name, folded
// (accents, case, word order, civilities « M OU MME », apostrophes and
// hyphens); and, as a suggestion only, an amount equal to what exactly one
// owner owes. Credits go to owners (a receipt through app.ReceiveIn, the
// one receipt path: oldest calls settled first, an overpayment stays as the
// owner's credit) or settle a deposit slip of the same total; debits go to
// suppliers (app.PaySupplierIn).
package banking
