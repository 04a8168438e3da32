package banking

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"tantieme/bankfile"
	"tantieme/ledger"
)

// Kind is what a line is matched to.
type Kind int

// The kinds of match.
const (
	None     Kind = iota
	Owner         // a receipt from an owner (credit)
	Supplier      // a payment to a supplier (debit)
	Deposit       // a deposit slip the bank credited (credit)
	Linked        // one of the residence's SEPA payments, already in the books: tied to its entry (sepa_match.go)
	Returned      // an owner's direct debit sent back: reversed as a bounced payment (sepa_match.go)
)

// Suggestion is a possible match for a line the syndic confirms.
type Suggestion struct {
	Account string // 450xxx or 401xxx
	Name    string
	Reason  string // French: why it is suggested
	// Entry is the entry the line is already, when confirming ties it to
	// that entry rather than posting one (a transfer between accounts);
	// Return the end-to-end id of a direct debit the line sends back, and
	// ReturnCode its reason, when confirming reverses it.
	Entry      int64
	Return     string
	ReturnCode string
}

// Match is what a line was matched to.
type Match struct {
	Kind    Kind
	Certain bool   // posted on validation; otherwise the line waits
	Account string // the owner's or supplier's account when Certain
	Name    string
	Reason  string // French: why, shown beside the line
	Deposit ledger.Deposit
	// Entry is the entry a Linked line is tied to; EndToEnd names the SEPA
	// payment of a Linked or Returned line, ReturnCode the reason of a
	// return (AM04…).
	Entry      int64
	EndToEnd   string
	ReturnCode string
	// Suggestions are up to two possible matches of a line that is not
	// certain, the likeliest first.
	Suggestions []Suggestion
}

// input is what matching reads of a line, from a statement or from the
// pending list.
type input struct {
	Bank   string
	Date   time.Time
	Amount ledger.Amount
	Text   string          // label, details, references
	Name   string          // the counterparty's name, when the format gives it
	IBAN   string          // the counterparty's IBAN
	Refs   []string        // the end-to-end id and the bank's reference
	Return bankfile.Return // a returned payment's reason
}

// matcher holds what matching looks lines up in, read once per import.
type matcher struct {
	tx        *ledger.Tx
	owners    map[string]ledger.Owner
	ownerList []ledger.Owner
	ownerWord map[string][]int // word → owners whose name holds it
	ownerLen  []int            // significant words in each owner's name
	ibans     map[string][]string
	lots      map[string]string // lot number without leading zeros → its owner
	balances  map[string]ledger.Amount
	pieces    map[string]map[string]ledger.Amount // folded call piece → owner → amount called
	pieceList []string

	suppliers []ledger.Supplier
	supWord   map[string][]int
	supLen    []int
	supIBAN   map[string]int
	supOwed   map[string]ledger.Amount // lazily
	supOpen   map[string][]ledger.Amount

	deposits map[string][]ledger.Deposit // bank → slips no line settled yet
	taken    map[int64]bool              // slips settled by a line of this import

	sepa *sepaIndex
}

func newMatcher(tx *ledger.Tx) (*matcher, error) {
	m := &matcher{tx: tx, owners: map[string]ledger.Owner{}, ownerWord: map[string][]int{}, lots: map[string]string{},
		pieces: map[string]map[string]ledger.Amount{}, supWord: map[string][]int{}, supIBAN: map[string]int{},
		supOwed: map[string]ledger.Amount{}, supOpen: map[string][]ledger.Amount{}, deposits: map[string][]ledger.Deposit{},
		taken: map[int64]bool{}}
	var err error
	if m.ownerList, err = tx.Owners(); err != nil {
		return nil, err
	}
	for i, o := range m.ownerList {
		m.owners[o.Account] = o
		ws := uniq(words(o.Name))
		m.ownerLen = append(m.ownerLen, len(ws))
		for _, w := range ws {
			m.ownerWord[w] = append(m.ownerWord[w], i)
		}
	}
	if m.ibans, err = tx.OwnersByIBAN(); err != nil {
		return nil, err
	}
	lots, err := tx.Lots()
	if err != nil {
		return nil, err
	}
	// The lot's current owner: a payment quoting a lot is its owner's,
	// even for a call dated before a sale (the seller's debts are settled
	// at the sale, DOMAIN §9).
	for _, l := range lots {
		if l.Owner != "" {
			m.lots[lotKey(l.Number)] = l.Owner
		}
	}
	exs, err := tx.Exercises()
	if err != nil {
		return nil, err
	}
	if len(exs) > 0 {
		if m.balances, err = tx.OwnerBalances(exs[len(exs)-1].End); err != nil {
			return nil, err
		}
	}
	if err := m.readPieces(); err != nil {
		return nil, err
	}
	if m.suppliers, err = tx.Suppliers(); err != nil {
		return nil, err
	}
	for i, s := range m.suppliers {
		ws := uniq(words(s.Name))
		m.supLen = append(m.supLen, len(ws))
		for _, w := range ws {
			m.supWord[w] = append(m.supWord[w], i)
		}
		if s.IBAN != "" {
			m.supIBAN[ledger.NormalizeIBAN(s.IBAN)] = i
		}
	}
	if m.sepa, err = newSEPAIndex(tx, m.owners); err != nil {
		return nil, err
	}
	settled, err := tx.SettledDeposits()
	if err != nil {
		return nil, err
	}
	deps, err := tx.Deposits("", time.Time{}, time.Time{})
	if err != nil {
		return nil, err
	}
	for _, d := range deps {
		if !settled[d.ID] && d.Total > 0 {
			m.deposits[d.BankAccount] = append(m.deposits[d.BankAccount], d)
		}
	}
	return m, nil
}

// readPieces reads the calls' pieces and what each asked of each owner:
// a transfer quoting « A2025-0003 » is for that call.
func (m *matcher) readPieces() error {
	calls, err := m.tx.Calls(ledger.CallFilter{Live: true})
	if err != nil || len(calls) == 0 {
		return err
	}
	ids := make([]int64, len(calls))
	for i, c := range calls {
		ids[i] = c.ID
	}
	parts, err := m.tx.CallParts(ids...)
	if err != nil {
		return err
	}
	for _, c := range calls {
		p := foldedText(c.Piece)
		if len(p) < 3 {
			continue // too short to be told from other text
		}
		if m.pieces[p] == nil {
			m.pieces[p] = map[string]ledger.Amount{}
			m.pieceList = append(m.pieceList, p)
		}
		for _, part := range parts[c.ID] {
			m.pieces[p][part.Owner] += part.Amount
		}
	}
	// Longest first: « A2025-0012 » before « A2025-001 ».
	sort.Slice(m.pieceList, func(i, j int) bool { return len(m.pieceList[i]) > len(m.pieceList[j]) })
	return nil
}

func lotKey(n string) string {
	k := strings.TrimLeft(strings.ToLower(strings.TrimSpace(n)), "0")
	if k == "" {
		return "0"
	}
	return k
}

func uniq(ws []string) []string {
	seen := map[string]bool{}
	out := ws[:0:0]
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

var ownerAccountRe = regexp.MustCompile(`(^|[^0-9])(450[0-9]{3})([^0-9]|$)`)

// matchBooks matches one line to an owner, a supplier or a deposit.
func (m *matcher) matchBooks(in input) Match {
	if in.Amount > 0 {
		return m.credit(in)
	}
	if in.Amount < 0 {
		return m.debit(in)
	}
	return Match{Reason: "montant nul : rien à comptabiliser"}
}

func (m *matcher) ownerMatch(account, reason string) Match {
	return Match{Kind: Owner, Certain: true, Account: account, Name: m.owners[account].DisplayName(), Reason: reason}
}

func (m *matcher) credit(in input) Match {
	// 1. A payer IBAN an owner is known to pay from.
	if in.IBAN != "" {
		if owners := m.ibans[ledger.NormalizeIBAN(in.IBAN)]; len(owners) == 1 {
			return m.ownerMatch(owners[0], "IBAN du payeur connu ("+ledger.NormalizeIBAN(in.IBAN)+")")
		} else if len(owners) > 1 {
			var sug []Suggestion
			for _, o := range owners {
				sug = append(sug, Suggestion{Account: o, Name: m.owners[o].DisplayName(), Reason: "paie depuis l'IBAN " + ledger.NormalizeIBAN(in.IBAN)})
			}
			return m.suggest(Owner, "IBAN commun à plusieurs copropriétaires", sug)
		}
	}
	text := in.Text + " " + in.Name
	// 2. An owner's account number, a lot number, a call's piece.
	for _, sm := range ownerAccountRe.FindAllStringSubmatch(text, -1) {
		if _, ok := m.owners[sm[2]]; ok {
			return m.ownerMatch(sm[2], "compte "+sm[2]+" dans le libellé")
		}
	}
	tw := words(text)
	for i, w := range tw {
		num := ""
		switch {
		case (w == "lot" || w == "lots") && i+1 < len(tw):
			j := i + 1
			if (tw[j] == "n" || tw[j] == "no" || tw[j] == "num" || tw[j] == "numero") && j+1 < len(tw) {
				j++
			}
			num = tw[j]
		case strings.HasPrefix(w, "lot") && len(w) > 3 && w[3] >= '0' && w[3] <= '9':
			num = w[3:]
		}
		if num != "" {
			if o, ok := m.lots[lotKey(num)]; ok {
				return m.ownerMatch(o, "lot "+num+" dans le libellé")
			}
		}
	}
	if len(m.pieceList) > 0 {
		ft := foldedText(text)
		for _, p := range m.pieceList {
			if !strings.Contains(ft, p) {
				continue
			}
			var same, all []string
			for o, a := range m.pieces[p] {
				all = append(all, o)
				if a == in.Amount {
					same = append(same, o)
				}
			}
			sort.Strings(all)
			if len(same) == 1 {
				return m.ownerMatch(same[0], fmt.Sprintf("pièce %s dans le libellé, montant appelé à ce copropriétaire", strings.ToUpper(p)))
			}
			if nm := m.ownerByName(tw); nm.Certain {
				if _, ok := m.pieces[p][nm.Account]; ok {
					nm.Reason += " et pièce " + strings.ToUpper(p)
					return nm
				}
			}
			break
		}
	}
	// 3. A deposit slip of the same total, not settled yet.
	var slips []ledger.Deposit
	for _, d := range m.deposits[in.Bank] {
		if d.Total == in.Amount && !d.Date.After(in.Date) && !m.taken[d.ID] {
			slips = append(slips, d)
		}
	}
	if len(slips) == 1 {
		m.taken[slips[0].ID] = true
		d := slips[0]
		return Match{Kind: Deposit, Certain: true, Deposit: d,
			Name:   fmt.Sprintf("Remise du %s", ledger.FrenchDate(d.Date)),
			Reason: fmt.Sprintf("montant de la %s du %s (%d %s%s)", slipName(d.Kind), ledger.FrenchDate(d.Date), d.Count, d.Kind.Noun(), plural(d.Count))}
	}
	// 4. The owner's name.
	nm := m.ownerByName(tw)
	if nm.Certain {
		return nm
	}
	sug := nm.Suggestions
	// 5. As a suggestion only: the amount exactly one owner owes.
	var owing []string
	for o, b := range m.balances {
		if b == in.Amount {
			owing = append(owing, o)
		}
	}
	if len(owing) == 1 && !suggested(sug, owing[0]) {
		sug = append(sug, Suggestion{Account: owing[0], Name: m.owners[owing[0]].DisplayName(), Reason: "doit exactement " + in.Amount.String()})
	}
	if len(sug) > 2 {
		sug = sug[:2]
	}
	if len(sug) == 0 {
		return Match{Kind: None, Reason: "aucun copropriétaire reconnu"}
	}
	return m.suggest(Owner, "à confirmer", sug)
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

func suggested(sug []Suggestion, account string) bool {
	for _, s := range sug {
		if s.Account == account {
			return true
		}
	}
	return false
}

func (m *matcher) suggest(k Kind, reason string, sug []Suggestion) Match {
	if len(sug) > 2 {
		sug = sug[:2]
	}
	return Match{Kind: k, Reason: reason, Suggestions: sug}
}

// ownerByName finds the owners every word of whose name is in the text:
// one alone (the one with the most words when one's name holds another's)
// is certain; otherwise the best partial matches are suggestions.
func (m *matcher) ownerByName(tw []string) Match {
	hits := map[int]int{}
	for _, w := range uniq(tw) {
		if len(w) < 2 {
			continue
		}
		for _, i := range m.ownerWord[w] {
			hits[i]++
		}
	}
	best, bestN, ties := -1, 0, 0
	for i, n := range hits {
		if n == m.ownerLen[i] && n > 0 {
			switch {
			case n > bestN:
				best, bestN, ties = i, n, 1
			case n == bestN:
				ties++
			}
		}
	}
	if best >= 0 && ties == 1 {
		o := m.ownerList[best]
		return Match{Kind: Owner, Certain: true, Account: o.Account, Name: o.DisplayName(), Reason: "nom « " + o.Name + " » dans le libellé"}
	}
	// Partial: the owners sharing the most words with the text.
	type cand struct{ i, n int }
	var cands []cand
	for i, n := range hits {
		cands = append(cands, cand{i, n})
	}
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].n != cands[b].n {
			return cands[a].n > cands[b].n
		}
		return m.ownerList[cands[a].i].Account < m.ownerList[cands[b].i].Account
	})
	var sug []Suggestion
	for _, c := range cands {
		if len(sug) == 2 {
			break
		}
		o := m.ownerList[c.i]
		reason := "nom proche dans le libellé"
		if c.n == m.ownerLen[c.i] {
			reason = "nom dans le libellé, porté aussi par un autre copropriétaire"
		}
		sug = append(sug, Suggestion{Account: o.Account, Name: o.DisplayName(), Reason: reason})
	}
	return Match{Kind: Owner, Suggestions: sug}
}

func (m *matcher) debit(in input) Match {
	due := -in.Amount
	if in.IBAN != "" {
		if i, ok := m.supIBAN[ledger.NormalizeIBAN(in.IBAN)]; ok {
			s := m.suppliers[i]
			return Match{Kind: Supplier, Certain: true, Account: s.Account, Name: s.Name, Reason: "IBAN du fournisseur"}
		}
	}
	tw := words(in.Text + " " + in.Name)
	hits := map[int]int{}
	for _, w := range uniq(tw) {
		for _, i := range m.supWord[w] {
			hits[i]++
		}
	}
	var named []int
	for i, n := range hits {
		if n == m.supLen[i] && n > 0 {
			named = append(named, i)
		}
	}
	sort.Ints(named)
	var sug []Suggestion
	for _, i := range named {
		s := m.suppliers[i]
		owed, open, err := m.supplierDue(s.Account, in.Date)
		if err != nil {
			continue
		}
		if owed == due || contains(open, due) {
			if len(named) == 1 {
				return Match{Kind: Supplier, Certain: true, Account: s.Account, Name: s.Name,
					Reason: "nom du fournisseur et montant d'une facture ouverte"}
			}
		}
		sug = append(sug, Suggestion{Account: s.Account, Name: s.Name, Reason: "nom du fournisseur dans le libellé"})
	}
	if len(sug) == 0 {
		var owing []int
		for i, s := range m.suppliers {
			if owed, _, err := m.supplierDue(s.Account, in.Date); err == nil && owed == due {
				owing = append(owing, i)
			}
		}
		if len(owing) == 1 {
			s := m.suppliers[owing[0]]
			sug = append(sug, Suggestion{Account: s.Account, Name: s.Name, Reason: "lui est dû exactement " + due.String()})
		}
	}
	if len(sug) == 0 {
		return Match{Kind: None, Reason: "aucun fournisseur reconnu"}
	}
	return m.suggest(Supplier, "à confirmer", sug)
}

func contains(list []ledger.Amount, a ledger.Amount) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// supplierDue is what the residence owes a supplier (its whole balance)
// and the dues of its open invoices, read once per supplier.
func (m *matcher) supplierDue(account string, at time.Time) (ledger.Amount, []ledger.Amount, error) {
	if owed, ok := m.supOwed[account]; ok {
		return owed, m.supOpen[account], nil
	}
	bal, err := m.tx.AccountBalanceAt(account, at)
	if err != nil {
		return 0, nil, err
	}
	owed := -bal
	lines, err := m.tx.AccountLines(account, time.Time{}, time.Time{})
	if err != nil {
		return 0, nil, err
	}
	var open []ledger.Amount
	for _, l := range lines {
		if l.Letter == "" && !l.Locked && l.Credit > 0 {
			open = append(open, l.Credit)
		}
	}
	m.supOwed[account], m.supOpen[account] = owed, open
	return owed, open, nil
}

// slipName names a slip by its kind in a match's reason.
func slipName(k ledger.DepositKind) string {
	if k == ledger.DepositCheques || k == "" {
		return "remise de chèques"
	}
	return "remise en banque « " + k.Label() + " »"
}
