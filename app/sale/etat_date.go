// Package sale gathers what the sale of a lot asks of the syndic: the état
// daté the notary requests (décret n° 67-223 du 17 mars 1967, art. 5), the
// pre-sale information sheet (loi n° 65-557 du 10 juillet 1965, art. 46;
// CCH art. L. 721-2), the answer to the notary's notice about the buyer
// (loi 1965 art. 20 II) and the syndic's fee for it (art. 10-1, capped by
// décret n° 2020-153). Every figure is read from the books by the rules the
// rest of the program uses; nothing here writes, except ChargeFee.
package sale

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/ledger"
)

// EtatDate is the état daté of the lots of one sale at a date, as plain
// data (the PDF and the CLI print it).
type EtatDate struct {
	At        time.Time
	Residence string
	Syndic    string
	Seller    ledger.Owner
	Lots      []Lot
	Key       ledger.Key      // the general key
	KeyTotal  decimal.Decimal // its total shares
	Exercise  ledger.Exercise // the exercise holding At

	// Part 1 — sums owed by the seller to the syndicat (art. 5 1°).
	Balance     ledger.Amount // his account at At, positive: he owes
	Earlier     ledger.Amount // unpaid charges of earlier exercises
	Calls       []CallOwed    // calls due and unpaid at At
	Costs       []Owed        // recovery costs charged to him (loi art. 10-1)
	Accelerated ledger.Amount // provisions made due by art. 19-2, still unpaid
	Others      []Owed        // any other sum charged to him and unpaid (the fee…)
	Doubtful    ledger.Amount // his debt moved to doubtful (459)
	FeePosted   bool          // the fee is in his account (ChargeFee), hence in Balance
	Fee         ledger.Amount // the état daté's fee not yet posted, added to SellerOwes
	SellerOwes  ledger.Amount

	// Part 2 — sums the syndicat owes the seller (art. 5 2°).
	Advances     []Advance
	Overpayment  ledger.Amount // a credit balance of his account
	SyndicatOwes ledger.Amount

	// Part 3 — sums that will fall on the buyer (art. 5 3°, art. 6-2 2°).
	Future       []FutureCall
	BuyerWillOwe ledger.Amount

	// Annexe: the lots' quote-parts and the works fund.
	Budget         Charges   // the current exercise's budget
	Past           []Charges // the last two closed exercises' actual charges, latest first
	WorksFund      ledger.Amount
	WorksFundKey   string
	WorksFundShare ledger.Amount
	Procedures     string
	Notes          []string

	// Pre marks the pre-sale information sheet; Buyer the art. 20 II answer.
	Pre   bool
	Buyer *BuyerAnswer
}

// Lot is a sold lot with its shares on the general key.
type Lot struct {
	Number string
	Label  string
	Shares decimal.Decimal
}

// CallOwed is a call due before the date and not (fully) paid.
type CallOwed struct {
	Piece  string
	Kind   ledger.CallKind
	Label  string
	Due    time.Time
	Amount ledger.Amount // what the call asked of him
	Owed   ledger.Amount // what is still unpaid of it
}

// Owed is another sum charged to the seller and still unpaid.
type Owed struct {
	Date   time.Time
	Label  string
	Amount ledger.Amount
	Owed   ledger.Amount
}

// Advance is an advance of the seller the syndicat holds (103x).
type Advance struct {
	Account string
	Label   string
	Amount  ledger.Amount
}

// FutureCall is a call falling due after the date: the lots' share of it.
type FutureCall struct {
	Kind   ledger.CallKind
	Label  string
	Due    time.Time
	Piece  string // "" when not called yet
	Amount ledger.Amount
}

// Charges are the lots' quote-parts of an exercise's budget or charges.
type Charges struct {
	Exercise    ledger.Exercise
	Provisional bool
	Keys        []KeyShare
	Total       ledger.Amount
}

// KeyShare is the lots' part of a key's amount.
type KeyShare struct {
	Key, Label  string
	Shares      decimal.Decimal
	TotalShares decimal.Decimal
	KeyAmount   ledger.Amount
	Amount      ledger.Amount
}

// WorksFundSentence is what loi 1965 art. 14-2-1 says of the fund on a sale.
const WorksFundSentence = "Les sommes versées au titre du fonds de travaux sont attachées aux lots et définitivement acquises au syndicat : elles ne sont pas remboursées au vendeur lors de la vente de son lot (loi du 10 juillet 1965, art. 14-2-1)."

// OptProcedures is the residence option holding the pending lawsuits, a
// free text printed on every état daté until changed.
const OptProcedures = "sale_procedures"

// Request is what an état daté is asked for.
type Request struct {
	Lots  []string
	At    time.Time
	Fee   ledger.Amount // the syndic's fee, checked against FeeCeiling; posted or not
	Pre   bool          // the pre-sale sheet
	Buyer string        // "450xxx" or a name: the art. 20 II answer; "" for none
	// FeePosted says the fee was charged to the seller (ChargeFee) before:
	// his balance holds it.
	FeePosted bool
}

// Make gathers the état daté of req.Lots at req.At.
func Make(r *app.Residence, req Request) (*EtatDate, error) {
	if err := CheckFee(req.Fee); err != nil {
		return nil, err
	}
	d := &EtatDate{At: req.At, Pre: req.Pre, Fee: req.Fee, FeePosted: req.FeePosted}
	if req.At.IsZero() {
		return nil, ledger.Errorf(ledger.Invalid, "Indiquez la date de l'état daté")
	}
	lots, err := cleanLots(req.Lots)
	if err != nil {
		return nil, err
	}
	shares := map[string]decimal.Decimal{}            // key → the lots' shares
	totals := map[string]decimal.Decimal{}            // key → every lot's shares
	perLot := map[string]map[string]decimal.Decimal{} // sold lot → key → shares
	err = r.View(func(tx *ledger.Tx) error {
		if err := d.readHead(tx, lots); err != nil {
			return err
		}
		all, err := tx.Shares()
		if err != nil {
			return err
		}
		for _, s := range all {
			totals[s.Key] = totals[s.Key].Add(s.Shares)
			if contains(lots, s.Lot) {
				shares[s.Key] = shares[s.Key].Add(s.Shares)
				if perLot[s.Lot] == nil {
					perLot[s.Lot] = map[string]decimal.Decimal{}
				}
				perLot[s.Lot][s.Key] = s.Shares
			}
		}
		if err := d.readPart1(tx); err != nil {
			return err
		}
		if err := d.readPart2(tx); err != nil {
			return err
		}
		if err := d.readFuturePosted(tx, lots, perLot); err != nil {
			return err
		}
		ins, err := app.WorksToCome(tx)
		if err != nil {
			return err
		}
		for _, in := range ins {
			if !in.Due.After(d.At) {
				continue
			}
			var amt ledger.Amount
			for _, k := range in.Keys {
				p, err := lotsPart(k.Amount, shares[k.Key], totals[k.Key])
				if err != nil {
					return err
				}
				amt += p
			}
			if amt != 0 {
				d.Future = append(d.Future, FutureCall{Kind: ledger.WorksCall, Due: in.Due, Amount: amt,
					Label: "Travaux " + in.Works + " – " + in.Label + ", échéance n° " + itoa(in.Number)})
			}
		}
		if err := d.readFund(tx, shares, totals); err != nil {
			return err
		}
		d.Procedures, err = tx.Option(OptProcedures, "")
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := d.readPlannedBudget(r, lots, perLot); err != nil {
		return nil, err
	}
	if err := d.readCharges(r, shares, totals); err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.Buyer) != "" {
		if d.Buyer, err = AnswerBuyer(r, req.Buyer, req.At); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(d.Future, func(i, j int) bool { return d.Future[i].Due.Before(d.Future[j].Due) })
	d.BuyerWillOwe = 0
	for _, f := range d.Future {
		d.BuyerWillOwe += f.Amount
	}
	d.SellerOwes = max(d.Balance, 0) + max(d.Doubtful, 0)
	if !d.FeePosted {
		d.SellerOwes += d.Fee
	}
	d.SyndicatOwes = d.Overpayment
	for _, a := range d.Advances {
		d.SyndicatOwes += a.Amount
	}
	return d, nil
}

// cleanLots checks the lots typed: numbers, no repeats.
func cleanLots(in []string) ([]string, error) {
	var out []string
	for _, l := range in {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if len(l) > 5 || strings.ContainsFunc(l, func(c rune) bool { return c < ' ' || c == 0x7f }) {
			return nil, ledger.Errorf(ledger.Invalid, "Numéro de lot invalide : « %s »", strings.ToValidUTF8(l[:min(len(l), 12)], "?"))
		}
		if !contains(out, l) {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, ledger.Errorf(ledger.Invalid, "Choisissez au moins un lot vendu")
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// readHead reads the residence, the seller (the one owner of every lot at
// the date), the lots and the general key.
func (d *EtatDate) readHead(tx *ledger.Tx, lots []string) error {
	res, err := tx.Residence()
	if err != nil {
		return err
	}
	d.Residence, d.Syndic = res.Name, res.SyndicName
	if d.Exercise, err = tx.ExerciseAt(d.At); ledger.KindOf(err) == ledger.NotFound {
		return ledger.Errorf(ledger.Invalid, "Le %s n'appartient à aucun exercice de la résidence : vérifiez la date de l'état daté", ledger.FrenchDate(d.At))
	} else if err != nil {
		return err
	}
	owners, err := tx.OwnersAt(d.At)
	if err != nil {
		return err
	}
	all, err := tx.Lots()
	if err != nil {
		return err
	}
	byNumber := map[string]ledger.Lot{}
	for _, l := range all {
		byNumber[l.Number] = l
	}
	seller := ""
	for _, n := range lots {
		l, ok := byNumber[n]
		if !ok {
			return ledger.Errorf(ledger.NotFound, "Le lot %s n'existe pas", n)
		}
		o := owners[n]
		switch {
		case o == "":
			return ledger.Errorf(ledger.Invalid, "Le lot %s n'a pas de propriétaire au %s", n, ledger.FrenchDate(d.At))
		case seller == "":
			seller = o
		case o != seller:
			return ledger.Errorf(ledger.Invalid, "Les lots %s n'ont pas le même propriétaire au %s : un état daté par vendeur", strings.Join(lots, ", "), ledger.FrenchDate(d.At))
		}
		d.Lots = append(d.Lots, Lot{Number: n, Label: l.Label})
	}
	if d.Seller, err = tx.Owner(seller); err != nil {
		return err
	}
	// His account is one for all his lots: part 1 is all he owes.
	var kept []string
	for _, l := range all {
		if owners[l.Number] == seller && !contains(lots, l.Number) {
			kept = append(kept, l.Number)
		}
	}
	if len(kept) > 0 {
		d.Notes = append(d.Notes, fmt.Sprintf("Le vendeur possède aussi le%s lot%s %s, qu'il garde : son compte est unique, la première partie porte sur tout ce qu'il doit au syndicat.",
			plural(len(kept)), plural(len(kept)), strings.Join(kept, ", ")))
	}
	code, err := tx.GeneralKeyCode()
	if err != nil {
		return err
	}
	keys, err := tx.Keys()
	if err != nil {
		return err
	}
	for _, k := range keys {
		if k.Code == code {
			d.Key = k
		}
	}
	sh, err := tx.SharesOfKey(code)
	if err != nil {
		return err
	}
	for _, s := range sh {
		d.KeyTotal = d.KeyTotal.Add(s.Shares)
		for i := range d.Lots {
			if d.Lots[i].Number == s.Lot {
				d.Lots[i].Shares = s.Shares
			}
		}
	}
	return nil
}

// LotNumbers lists the lots' numbers.
func (d *EtatDate) LotNumbers() []string {
	out := make([]string, len(d.Lots))
	for i, l := range d.Lots {
		out[i] = l.Number
	}
	return out
}

// Shares sums the lots' shares on the general key.
func (d *EtatDate) Shares() decimal.Decimal {
	s := decimal.Zero
	for _, l := range d.Lots {
		s = s.Add(l.Shares)
	}
	return s
}

// lotsPart is app.LotsPart: the rule is written once.
func lotsPart(amount ledger.Amount, lots, total decimal.Decimal) (ledger.Amount, error) {
	return app.LotsPart(amount, lots, total)
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }
