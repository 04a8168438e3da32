package banking

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"tantieme/app/debits"
	"tantieme/bankfile"
	"tantieme/ledger"
)

// A statement line that is one of the residence's own SEPA payments (a
// transfer between its accounts, an owner's direct debit, or such a debit
// sent back) is already in the books: the file's entry was posted when the
// file was made. The line is tied to that entry, never posted again; a
// returned debit is reversed through debits.ReturnIn, the bounced-cheque
// path.

// sepaIndex is what statement lines are tied to SEPA payments with, read
// once per import.
type sepaIndex struct {
	byE2E map[string]ledger.SEPALink
	// legs are each bank account's movements of the transfers made: a
	// transfer is on both accounts' statements.
	legs map[string][]transferLeg
	tied map[ledger.BankEntry]bool // entries already tied to a line, per bank
	// claimed are the entries a line of this import was tied to.
	claimed map[ledger.BankEntry]bool
	owners  map[string]ledger.Owner
}

type transferLeg struct {
	link   ledger.SEPALink
	amount ledger.Amount // signed, as the bank account sees it
	other  string        // the other account of the transfer
}

func newSEPAIndex(tx *ledger.Tx, owners map[string]ledger.Owner) (*sepaIndex, error) {
	links, err := tx.SEPALinks()
	if err != nil {
		return nil, err
	}
	ix := &sepaIndex{byE2E: map[string]ledger.SEPALink{}, legs: map[string][]transferLeg{}, claimed: map[ledger.BankEntry]bool{}, owners: owners}
	if len(links) == 0 {
		return ix, nil
	}
	if ix.tied, err = tx.TiedBankEntries(); err != nil {
		return nil, err
	}
	for _, l := range links {
		ix.byE2E[ledger.NormalizeIBAN(l.EndToEnd)] = l
		if l.Kind == ledger.SEPATransfer {
			ix.legs[l.FileBank] = append(ix.legs[l.FileBank], transferLeg{l, -l.Amount, l.Account})
			ix.legs[l.Account] = append(ix.legs[l.Account], transferLeg{l, l.Amount, l.FileBank})
		}
	}
	return ix, nil
}

// free says whether no statement line of bank is tied to entry yet.
func (ix *sepaIndex) free(bank string, entry int64) bool {
	k := ledger.BankEntry{Bank: bank, Entry: entry}
	return !ix.tied[k] && !ix.claimed[k]
}

// match tries every matching in turn: a SEPA payment of the residence
// named by its end-to-end id first (certain), then the books (owners,
// suppliers, deposits), and when these find nothing certain, a transfer
// of the same amount and close date as a suggestion.
func (m *matcher) match(in input) Match {
	if mt, ok := m.sepaMatch(in); ok {
		return mt
	}
	mt := m.matchBooks(in)
	if !mt.Certain {
		if sg, ok := m.transferLeg(in); ok {
			mt.Suggestions = append([]Suggestion{sg}, mt.Suggestions...)
			if len(mt.Suggestions) > 2 {
				mt.Suggestions = mt.Suggestions[:2]
			}
			if mt.Kind == None {
				mt.Kind, mt.Reason = Linked, "à confirmer"
			}
		}
	}
	return mt
}

// e2eWord finds the end-to-end ids this program gives (ledger.SEPAEndToEnd:
// « NAME-V000001-1 ») in a text, where a bank copies it among others.
var e2eWord = regexp.MustCompile(`[A-Za-z0-9]+-[VP][0-9]{6}-[0-9]+`)

// link finds the payment a line names: its end-to-end id, its bank
// reference, or an id of ours in its texts.
func (ix *sepaIndex) link(in input) (ledger.SEPALink, bool) {
	if len(ix.byE2E) == 0 {
		return ledger.SEPALink{}, false
	}
	for _, r := range in.Refs {
		if l, ok := ix.byE2E[ledger.NormalizeIBAN(r)]; ok && r != "" {
			return l, true
		}
	}
	for _, w := range e2eWord.FindAllString(in.Text+" "+in.Return.Info, -1) {
		if l, ok := ix.byE2E[strings.ToUpper(w)]; ok {
			return l, true
		}
	}
	return ledger.SEPALink{}, false
}

// sepaMatch matches a line naming one of the residence's SEPA payments.
func (m *matcher) sepaMatch(in input) (Match, bool) {
	ix := m.sepa
	l, ok := ix.link(in)
	if !ok {
		return Match{}, false
	}
	if l.Kind == ledger.SEPADebit {
		return m.debitMatch(in, l), true
	}
	for _, leg := range ix.legs[in.Bank] {
		if leg.link.EndToEnd != l.EndToEnd {
			continue
		}
		what := transferText(l)
		switch {
		case leg.amount != in.Amount:
			return Match{Kind: None, Reason: fmt.Sprintf("référence du %s, mais d'un montant de %s : vérifiez la ligne", what, leg.amount)}, true
		case !ix.free(in.Bank, l.EntryID):
			return Match{Kind: None, Reason: what + " : déjà rapproché d'une autre ligne de relevé"}, true
		}
		ix.claimed[ledger.BankEntry{Bank: in.Bank, Entry: l.EntryID}] = true
		return Match{Kind: Linked, Certain: true, Account: leg.other, Name: "Virement de fonds " + leg.other, Reason: what,
			Entry: l.EntryID, EndToEnd: l.EndToEnd}, true
	}
	return Match{Kind: None, Reason: fmt.Sprintf("référence du %s, qui ne concerne pas le compte %s : vérifiez la ligne", transferText(l), in.Bank)}, true
}

func transferText(l ledger.SEPALink) string {
	return "virement de fonds du " + l.Execution.Format("02/01") + " émis par Tantième"
}

// debitMatch matches a line naming an owner's direct debit: its
// collection (money in on the file's account), or its return (money out).
func (m *matcher) debitMatch(in input, l ledger.SEPALink) Match {
	ix := m.sepa
	name := m.owners[l.Account].DisplayName()
	what := fmt.Sprintf("prélèvement SEPA de %s (RUM %s)", name, l.RUM)
	if l.RUM == "" {
		what = "prélèvement SEPA de " + name
	}
	if in.Bank != l.FileBank {
		return Match{Kind: None, Reason: fmt.Sprintf("référence du %s, encaissé sur le compte %s et non %s : vérifiez la ligne", what, l.FileBank, in.Bank)}
	}
	switch {
	case in.Amount == l.Amount:
		if !ix.free(in.Bank, l.EntryID) {
			return Match{Kind: None, Reason: what + " : déjà rapproché d'une autre ligne de relevé"}
		}
		ix.claimed[ledger.BankEntry{Bank: in.Bank, Entry: l.EntryID}] = true
		return Match{Kind: Linked, Certain: true, Account: l.Account, Name: name, Reason: what, Entry: l.EntryID, EndToEnd: l.EndToEnd}
	case in.Amount == -l.Amount:
		code := returnCode(in.Return)
		why := ReturnReason(code)
		if l.ReturnedEntry != 0 {
			// Typed by the syndic before the statement came: the line is
			// that reversal.
			if !ix.free(in.Bank, l.ReturnedEntry) {
				return Match{Kind: None, Reason: "rejet du " + what + " : déjà rapproché d'une autre ligne de relevé"}
			}
			ix.claimed[ledger.BankEntry{Bank: in.Bank, Entry: l.ReturnedEntry}] = true
			return Match{Kind: Linked, Certain: true, Account: l.Account, Name: name, Reason: "rejet déjà enregistré du " + what,
				Entry: l.ReturnedEntry, EndToEnd: l.EndToEnd}
		}
		ix.claimed[ledger.BankEntry{Bank: in.Bank, Entry: l.EntryID}] = true
		return Match{Kind: Returned, Certain: true, Account: l.Account, Name: name, Reason: "rejet du " + what + " : " + why,
			EndToEnd: l.EndToEnd, ReturnCode: code}
	}
	return Match{Kind: None, Reason: fmt.Sprintf("référence du %s de %s, mais d'un autre montant : vérifiez la ligne", what, l.Amount)}
}

// returnCode is a return's reason code; a statement that names none is
// taken as MS03, « raison non communiquée », as the rulebook calls it.
func returnCode(r bankfile.Return) string {
	if c := strings.ToUpper(strings.TrimSpace(r.Reason)); c != "" {
		return c
	}
	return "MS03"
}

// ReturnReason is a return's reason code in French: « AM04 provision
// insuffisante ».
func ReturnReason(code string) string {
	if why := debits.Reasons[code]; why != "" {
		return code + " " + why
	}
	return code
}

// transferLeg suggests, for a line that names no payment (banks that drop
// the end-to-end id), the transfer of the same amount on this account
// executed within three days, when exactly one such is not tied yet.
func (m *matcher) transferLeg(in input) (Suggestion, bool) {
	var found []transferLeg
	for _, leg := range m.sepa.legs[in.Bank] {
		if leg.amount == in.Amount && within(in.Date, leg.link.Execution, 3) && m.sepa.free(in.Bank, leg.link.EntryID) {
			found = append(found, leg)
		}
	}
	if len(found) != 1 {
		return Suggestion{}, false
	}
	leg := found[0]
	return Suggestion{Account: leg.other, Name: fmt.Sprintf("Virement de fonds du %s (%s)", leg.link.Execution.Format("02/01"), leg.other),
		Reason: "même montant et date proche qu'un " + transferText(leg.link), Entry: leg.link.EntryID}, true
}

func within(a, b time.Time, days int) bool {
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	return d <= time.Duration(days)*24*time.Hour
}

// postSEPA records a line tied to a SEPA payment: a transfer or a
// collection is the file's entry, already posted; a return is reversed
// (debits.ReturnIn) at the line's date. It returns the book lines of the
// bank account the movement is, for the reconciliation.
func postSEPA(tx *ledger.Tx, l Line, bl *ledger.BankLine) ([]int64, error) {
	switch l.Kind {
	case Linked:
		ids, why, err := tieEntry(tx, bl, l.Entry)
		if why != "" {
			return nil, ledger.Errorf(ledger.Conflict, "Ligne du %s (%s) : %s", ledger.FrenchDate(bl.Date), bl.Amount, why)
		}
		return ids, err
	case Returned:
		res, err := debits.ReturnIn(tx, debits.ReturnInput{Date: l.Src.Date, EndToEnd: l.EndToEnd, Reason: l.ReturnCode})
		if err != nil {
			return nil, err
		}
		bl.Status, bl.EntryID = ledger.BankLinePosted, res.Bounce.Entry.ID
		return linesOn(res.Bounce.Entry, bl.BankAccount), nil
	}
	return nil, ledger.Errorf(ledger.Internal, "ligne de relevé sans paiement SEPA")
}

// tieEntry ties bank line bl to entry, which must move the line's amount
// on its bank account and be tied to no other line of that account.
func tieEntry(tx *ledger.Tx, bl *ledger.BankLine, entry int64) ([]int64, string, error) {
	e, err := tx.Entry(entry)
	if err != nil {
		return nil, "", err
	}
	var moved ledger.Amount
	for _, ln := range e.Lines {
		if ln.Account == bl.BankAccount {
			moved += ln.Debit - ln.Credit
		}
	}
	if moved != bl.Amount {
		return nil, fmt.Sprintf("elle ne correspond pas à l'écriture n° %d, qui porte %s sur le compte %s", entry, moved, bl.BankAccount), nil
	}
	tied, err := tx.TiedBankEntries()
	if err != nil {
		return nil, "", err
	}
	if tied[ledger.BankEntry{Bank: bl.BankAccount, Entry: entry}] {
		return nil, fmt.Sprintf("l'écriture n° %d est déjà rapprochée d'une autre ligne de relevé du compte %s", entry, bl.BankAccount), nil
	}
	bl.Status, bl.EntryID = ledger.BankLinePosted, entry
	return linesOn(e, bl.BankAccount), "", nil
}

// suggestion is a match offered for the syndic to confirm (a pending
// line's match that became certain since the import).
func (mt Match) suggestion() Suggestion {
	sg := Suggestion{Account: mt.Account, Name: mt.Name, Reason: mt.Reason}
	switch mt.Kind {
	case Linked:
		sg.Entry = mt.Entry
	case Returned:
		sg.Return, sg.ReturnCode = mt.EndToEnd, mt.ReturnCode
	}
	return sg
}

// Choice is the choice of confirming the suggestion: a transfer's or a
// debit's line is tied to its entry (or its debit reversed), never posted
// again; another goes to the suggestion's account.
func (s Suggestion) Choice() Choice {
	return Choice{Account: s.Account, Entry: s.Entry, Return: s.Return, ReturnCode: s.ReturnCode}
}

// postSEPAChoice posts bank line bl as a choice tying it to a SEPA payment
// says; the French reason when it cannot (nothing is written then).
func postSEPAChoice(tx *ledger.Tx, bl *ledger.BankLine, c Choice) (ledger.Entry, string, error) {
	if c.Return != "" {
		// Checked before anything is written: a refusal here leaves the
		// line pending and the rest of the import goes on.
		d, err := tx.DebitByEndToEnd(c.Return)
		switch {
		case ledger.KindOf(err) == ledger.NotFound:
			return ledger.Entry{}, ledger.Message(err), nil
		case err != nil:
			return ledger.Entry{}, "", err
		case d.ReturnedEntry != 0:
			return ledger.Entry{}, fmt.Sprintf("le prélèvement %s a déjà été déclaré rejeté", d.EndToEnd), nil
		case d.Amount != -bl.Amount:
			return ledger.Entry{}, fmt.Sprintf("le prélèvement %s est de %s, la ligne de relevé de %s", d.EndToEnd, d.Amount, -bl.Amount), nil
		}
		res, err := debits.ReturnIn(tx, debits.ReturnInput{Date: bl.Date, EndToEnd: c.Return, Reason: returnCode(bankfile.Return{Reason: c.ReturnCode})})
		if err != nil {
			return ledger.Entry{}, "", err
		}
		bl.Status, bl.EntryID = ledger.BankLinePosted, res.Bounce.Entry.ID
		return res.Bounce.Entry, "", nil
	}
	if _, why, err := tieEntry(tx, bl, c.Entry); why != "" || err != nil {
		return ledger.Entry{}, why, err
	}
	e, err := tx.Entry(c.Entry)
	return e, "", err
}

// Prefix of the detail line keeping a return's reason with a pending line
// (bank_lines has no column for it): the pending list reads it back.
const returnDetailPrefix = "Motif du retour : "

// returnDetail is the detail line saying a line's return reason, "" for
// a line that is no return.
func returnDetail(r bankfile.Return) string {
	if r.IsZero() {
		return ""
	}
	return strings.TrimSpace(returnDetailPrefix + strings.TrimSpace(r.Reason+" "+r.Info))
}

// returnOfDetails reads back what returnDetail kept.
func returnOfDetails(details string) bankfile.Return {
	for _, d := range strings.Split(details, "\n") {
		if rest, ok := strings.CutPrefix(d, returnDetailPrefix); ok {
			code, info, _ := strings.Cut(rest, " ")
			return bankfile.Return{Reason: code, Info: info}
		}
	}
	return bankfile.Return{}
}

// withReturn is a line's details, with its return reason when it has one.
func withReturn(l bankfile.Line) []string {
	if d := returnDetail(l.Return); d != "" {
		return append(append([]string(nil), l.Details...), d)
	}
	return l.Details
}
