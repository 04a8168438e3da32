package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/ledger"
)

// SaleSplit says who bears the budget's call running when a lot is sold
// (the residence setting « Répartition de l'appel en cours lors d'une
// vente »).
type SaleSplit string

const (
	// SaleSplitDue: each call is owed whole by whoever owns the lot on its
	// due date (décret 1967 art. 6-2 1°: the provision « exigible » is the
	// seller's). The default.
	SaleSplitDue SaleSplit = "due"
	// SaleSplitTransfer: the budget's call whose period holds the sale is
	// shared pro rata temporis, the days before the sale to the seller,
	// from the sale day on to the buyer (what the parties often agree in
	// the deed; the syndicat posts it so that each account says it).
	SaleSplitTransfer SaleSplit = "transfer"
)

// optSaleSplit is the residence option holding the setting.
const optSaleSplit = "sale_split"

// SaleSplitOrigin marks the entry moving the buyer's share of a call.
const SaleSplitOrigin = "sale:split"

// Label is the setting in French.
func (s SaleSplit) Label() string {
	if s == SaleSplitTransfer {
		return "Au prorata des jours, à la date de la vente"
	}
	return "À la date d'exigibilité (appel entier au propriétaire du jour)"
}

// ParseSaleSplit reads the setting's code.
func ParseSaleSplit(s string) (SaleSplit, error) {
	switch SaleSplit(strings.TrimSpace(s)) {
	case SaleSplitDue, "":
		return SaleSplitDue, nil
	case SaleSplitTransfer:
		return SaleSplitTransfer, nil
	}
	return "", ledger.Errorf(ledger.Invalid, "Répartition de l'appel en cours lors d'une vente : « due » (date d'exigibilité) ou « transfer » (prorata à la date de la vente), pas « %s »", strings.ToValidUTF8(s, "?"))
}

// SaleSplitSetting reads the setting.
func (r *Residence) SaleSplitSetting() (SaleSplit, error) {
	return read(r, func(tx *ledger.Tx) (SaleSplit, error) { return saleSplit(tx) })
}

func saleSplit(tx *ledger.Tx) (SaleSplit, error) {
	v, err := tx.Option(optSaleSplit, string(SaleSplitDue))
	if err != nil {
		return "", err
	}
	return ParseSaleSplit(v)
}

// SetSaleSplit changes the setting.
func (r *Residence) SetSaleSplit(s SaleSplit) error {
	s, err := ParseSaleSplit(string(s))
	if err != nil {
		return err
	}
	return r.Update(func(tx *ledger.Tx) error { return tx.SetOption(optSaleSplit, string(s)) })
}

// SplitCall is a call shared between seller and buyer by a sale.
type SplitCall struct {
	Piece      string
	Due        time.Time
	From, To   time.Time     // the call's period
	Days       int           // days of the period
	BuyerDays  int           // from the sale day to the period's end
	LotsAmount ledger.Amount // the sold lots' share of the call
	Buyer      ledger.Amount // what moves to the buyer
	EntryID    int64
}

// LotsPart is the part of amount that lots holding shares of total make:
// the largest-remainder split between them and the others
// (ledger.Allocate), so that both parts add up to the amount.
func LotsPart(amount ledger.Amount, lots, total decimal.Decimal) (ledger.Amount, error) {
	if amount == 0 || lots.IsZero() {
		return 0, nil
	}
	if total.LessThanOrEqual(lots) {
		return amount, nil
	}
	parts, err := ledger.Allocate(amount, []ledger.Weight{{Code: "1", Weight: lots}, {Code: "2", Weight: total.Sub(lots)}})
	if err != nil {
		return 0, err
	}
	return parts[0], nil
}

// LotsShareOfParts is the sold lots' share of a call's parts: for each
// owner of some of the lots (owners: lot → owner at the call's due date),
// the part of his share on each key that those lots' shares make
// (perLot: lot → key → shares).
func LotsShareOfParts(parts []ledger.CallPart, lots []string, owners map[string]string, perLot map[string]map[string]decimal.Decimal) (ledger.Amount, error) {
	lotsOf := map[string]map[string]decimal.Decimal{} // owner → key → his sold lots' shares
	for _, l := range lots {
		o := owners[l]
		if o == "" {
			continue
		}
		if lotsOf[o] == nil {
			lotsOf[o] = map[string]decimal.Decimal{}
		}
		for k, s := range perLot[l] {
			lotsOf[o][k] = lotsOf[o][k].Add(s)
		}
	}
	var amt ledger.Amount
	for _, p := range parts {
		ks, ok := lotsOf[p.Owner]
		if !ok {
			continue
		}
		x, err := LotsPart(p.Amount, ks[p.Key], p.Shares)
		if err != nil {
			return 0, err
		}
		amt += x
	}
	return amt, nil
}

// LotShares reads the shares of lots: lot → key → shares.
func LotShares(tx *ledger.Tx, lots []string) (map[string]map[string]decimal.Decimal, error) {
	all, err := tx.Shares()
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]decimal.Decimal{}
	for _, s := range all {
		for _, l := range lots {
			if s.Lot == l {
				if out[l] == nil {
					out[l] = map[string]decimal.Decimal{}
				}
				out[l][s.Key] = s.Shares
			}
		}
	}
	return out, nil
}

// splitRunningCalls shares, on a sale under SaleSplitTransfer, the
// budget's calls due before the sale whose period holds it: the seller's
// part for the sold lots stays his for the days before the sale; the rest,
// from the sale day on, is debited to the buyer and credited to the seller
// (one entry per call, in the sale's transaction).
func splitRunningCalls(tx *ledger.Tx, s Sale, seller string, buyer ledger.Owner) ([]SplitCall, error) {
	calls, err := tx.Calls(ledger.CallFilter{Kind: ledger.BudgetCall, Live: true})
	if err != nil {
		return nil, err
	}
	perLot, err := LotShares(tx, s.Lots)
	if err != nil {
		return nil, err
	}
	var out []SplitCall
	for _, c := range calls {
		if !c.Due.Before(s.Date) || !c.PeriodStart.Before(s.Date) || c.PeriodEnd.Before(s.Date) {
			continue
		}
		parts, err := tx.CallParts(c.ID)
		if err != nil {
			return nil, err
		}
		owners := map[string]string{}
		for _, l := range s.Lots {
			owners[l] = seller // he owned them on the due date, before the sale
		}
		amt, err := LotsShareOfParts(parts[c.ID], s.Lots, owners, perLot)
		if err != nil || amt == 0 {
			if err != nil {
				return nil, err
			}
			continue
		}
		sc := SplitCall{Piece: c.Piece, Due: c.Due, From: c.PeriodStart, To: c.PeriodEnd, LotsAmount: amt,
			Days: ledger.DaysBetween(c.PeriodStart, c.PeriodEnd) + 1, BuyerDays: ledger.DaysBetween(s.Date, c.PeriodEnd) + 1}
		split, err := ledger.Allocate(amt, []ledger.Weight{{Code: "1 vendeur", Weight: decimal.NewFromInt(int64(sc.Days - sc.BuyerDays))},
			{Code: "2 acquéreur", Weight: decimal.NewFromInt(int64(sc.BuyerDays))}})
		if err != nil {
			return nil, err
		}
		sc.Buyer = split[1]
		if sc.Buyer == 0 {
			continue
		}
		label := fmt.Sprintf("Vente du %s : part de l'appel %s (%s au %s) à la charge de l'acquéreur, %d jours sur %d",
			ledger.FrenchDate(s.Date), c.Piece, ledger.FrenchDate(c.PeriodStart), ledger.FrenchDate(c.PeriodEnd), sc.BuyerDays, sc.Days)
		e := ledger.Entry{Journal: ledger.JournalMisc, Date: s.Date, Label: label, Origin: SaleSplitOrigin,
			Lines: []ledger.Line{{Account: buyer.Account, Label: label, Debit: sc.Buyer}, {Account: seller, Label: label, Credit: sc.Buyer}}}
		if err := tx.PostEntry(&e); err != nil {
			return nil, err
		}
		sc.EntryID = e.ID
		out = append(out, sc)
	}
	return out, nil
}
