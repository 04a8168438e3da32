package app

import (
	"slices"
	"strings"
	"time"

	"tantieme/ledger"
)

// Sale is the sale of one or more lots of the same seller (a mutation).
type Sale struct {
	Lots []string
	Date time.Time // the buyer owns the lots from this day on
	// Buyer is the new owner: with an empty Account a new owner is created
	// from these details (DOMAIN §9: never rename the seller, his account
	// keeps his history); otherwise the existing owner of that account.
	Buyer ledger.Owner
	// SellerLeaves sets the seller's exit date to the sale date; refused
	// while he keeps other lots.
	SellerLeaves bool
}

// SaleResult says what a sale did.
type SaleResult struct {
	Seller   ledger.Owner
	Buyer    ledger.Owner
	NewBuyer bool
	Lots     []string
	// LaterCalls are the pieces of the calls due on or after the sale that
	// were already posted to the seller: they are due from the buyer
	// (DOMAIN §9), so cancel them and generate them again.
	LaterCalls []string
	// Split is the running budget call shared with the buyer when the
	// residence's setting is SaleSplitTransfer.
	Split []SplitCall
	// SellerBalance is the seller's account once the sale is recorded
	// (positive: he still owes); Settled when he owes nothing: else the
	// syndic collects it from him (or from the price, art. 20 I).
	SellerBalance ledger.Amount
	Settled       bool
}

// SellLots records a sale in one transaction: the buyer (created when new)
// owns the lots from the sale date; the calls due before stay with the
// seller, whose account and history are untouched.
func (r *Residence) SellLots(s Sale) (SaleResult, error) {
	var res SaleResult
	err := r.Update(func(tx *ledger.Tx) error {
		var err error
		res, err = sellLots(tx, s)
		return err
	})
	return res, err
}

func sellLots(tx *ledger.Tx, s Sale) (SaleResult, error) {
	res := SaleResult{Lots: s.Lots}
	if len(s.Lots) == 0 {
		return res, ledger.Errorf(ledger.Invalid, "Choisissez au moins un lot à vendre")
	}
	if s.Date.IsZero() {
		return res, ledger.Errorf(ledger.Invalid, "La date de la vente est obligatoire")
	}
	ex, err := tx.ExerciseAt(s.Date)
	if ledger.KindOf(err) == ledger.NotFound {
		return res, ledger.Errorf(ledger.Invalid, "La vente du %s n'appartient à aucun exercice de la résidence : vérifiez la date", ledger.FrenchDate(s.Date))
	}
	if err != nil {
		return res, err
	}
	if ex.Closed {
		// The closed exercise's calls and distribution were made with the
		// former owner: moving the lot inside it would rewrite them.
		return res, ledger.Errorf(ledger.Locked, "La vente du %s tombe dans l'exercice %s, qui est clos : datez-la dans un exercice ouvert", ledger.FrenchDate(s.Date), ex.Name())
	}

	// Every lot must belong, at its latest mutation, to one same seller.
	seller := ""
	for _, lot := range s.Lots {
		hist, err := tx.LotHistory(lot)
		if err != nil {
			return res, err
		}
		if len(hist) == 0 {
			return res, ledger.Errorf(ledger.Invalid, "Le lot %s n'a pas encore de propriétaire : indiquez-le plutôt que d'enregistrer une vente", lot)
		}
		last := hist[len(hist)-1].Owner
		switch {
		case seller == "":
			seller = last
		case last != seller:
			return res, ledger.Errorf(ledger.Invalid, "Les lots %s n'ont pas le même propriétaire : enregistrez une vente par vendeur", strings.Join(s.Lots, ", "))
		}
	}
	if res.Seller, err = tx.Owner(seller); err != nil {
		return res, err
	}

	buyer := s.Buyer
	if buyer.Account == "" {
		if buyer.EntryDate.IsZero() {
			buyer.EntryDate = s.Date
		}
		if err := tx.AddOwner(&buyer); err != nil {
			return res, err
		}
		res.NewBuyer = true
	} else {
		if buyer.Account == seller {
			return res, ledger.Errorf(ledger.Invalid, "L'acheteur doit être un autre copropriétaire que le vendeur %s", res.Seller.DisplayName())
		}
		if buyer, err = tx.Owner(buyer.Account); err != nil {
			return res, err
		}
		if buyer.Left(s.Date) {
			// He comes back into the residence: he has not left any more.
			buyer.ExitDate = time.Time{}
			if err := tx.UpdateOwner(buyer); err != nil {
				return res, err
			}
		}
	}
	res.Buyer = buyer

	for _, lot := range s.Lots {
		if err := tx.TransferLot(lot, buyer.Account, s.Date); err != nil {
			return res, err
		}
	}

	if res.LaterCalls, err = callsAfter(tx, seller, s.Date); err != nil {
		return res, err
	}
	split, err := saleSplit(tx)
	if err != nil {
		return res, err
	}
	if split == SaleSplitTransfer {
		if res.Split, err = splitRunningCalls(tx, s, seller, buyer); err != nil {
			return res, err
		}
	}
	if res.SellerBalance, err = tx.AccountBalanceAt(seller, s.Date); err != nil {
		return res, err
	}
	res.Settled = res.SellerBalance <= 0

	if s.SellerLeaves {
		lots, err := tx.Lots()
		if err != nil {
			return res, err
		}
		var kept []string
		for _, l := range lots {
			if l.Owner == seller && !slices.Contains(s.Lots, l.Number) {
				kept = append(kept, l.Number)
			}
		}
		if len(kept) > 0 {
			return res, ledger.Errorf(ledger.Invalid, "%s garde encore un ou des lots (%s) : il ne quitte pas la résidence",
				res.Seller.DisplayName(), strings.Join(kept, ", "))
		}
		res.Seller.ExitDate = s.Date
		if err := tx.UpdateOwner(res.Seller); err != nil {
			return res, err
		}
	}
	return res, nil
}

// callsAfter lists the pieces of the live calls due on or after day d that
// ask something of owner.
func callsAfter(tx *ledger.Tx, owner string, d time.Time) ([]string, error) {
	calls, err := tx.Calls(ledger.CallFilter{Live: true})
	if err != nil {
		return nil, err
	}
	var ids []int64
	pieceOf := map[int64]string{}
	for _, c := range calls {
		if !c.Due.Before(d) {
			ids = append(ids, c.ID)
			pieceOf[c.ID] = c.Piece
		}
	}
	parts, err := tx.CallParts(ids...)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range ids {
		for _, p := range parts[id] {
			if p.Owner == owner {
				out = append(out, pieceOf[id])
				break
			}
		}
	}
	return out, nil
}
