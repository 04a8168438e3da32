package closing

import (
	"fmt"
	"sort"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
)

// OwnerVAT is the VAT included in an owner's share of the charges a
// closing distributes, in all and per key.
type OwnerVAT struct {
	Total ledger.Amount
	ByKey map[string]ledger.Amount // key code → VAT of his part of it
}

// VATShares returns, per owner, the VAT included in his share of the
// charges of exercise ex (closed, or previewed as Of does).
func VATShares(r *app.Residence, ex ledger.Exercise) (map[string]OwnerVAT, error) {
	var out map[string]OwnerVAT
	err := r.View(func(tx *ledger.Tx) error {
		p, _, err := closingOf(tx, ex.ID, Options{})
		if err != nil {
			return err
		}
		out, err = vatShares(tx, p)
		return err
	})
	return out, err
}

// vatShares splits each charge line's VAT of p's exercise over the owners
// of its section and key, with the weights and the rounding of the
// distribution itself (each owner's shares on the key at the attribution
// date, ledger.Allocate's largest remainder, ties to the lower account), so
// that the owners' VAT adds up to each line's. The arrêté du 14 mars 2005
// asks that owners who declared themselves VAT-registered be told the VAT
// included in their charges, which they may deduct.
func vatShares(tx *ledger.Tx, p *Plan) (map[string]OwnerVAT, error) {
	b, err := loadBooks(tx)
	if err != nil {
		return nil, err
	}
	type sk struct{ section, key string }
	weights := map[sk][]ledger.Weight{}
	for _, o := range p.Owners {
		for _, s := range o.Sections {
			for _, pt := range s.Parts {
				if pt.Key != "" && pt.Shares.IsPositive() {
					k := sk{s.Code, pt.Key}
					weights[k] = append(weights[k], ledger.Weight{Code: o.Account, Weight: pt.Shares})
				}
			}
		}
	}
	for _, ws := range weights {
		sort.Slice(ws, func(i, j int) bool { return ws[i].Code < ws[j].Code })
	}
	entries, err := tx.Entries(ledger.EntryFilter{From: p.Exercise.Start, To: p.Exercise.End})
	if err != nil {
		return nil, err
	}
	out := map[string]OwnerVAT{}
	for _, e := range entries {
		for _, l := range e.Lines {
			if l.VAT == 0 || ledger.AccountClass(l.Account) != 6 {
				continue
			}
			vat := l.VAT
			if l.Credit > 0 {
				vat = -vat // a credit note gives VAT back
			}
			ws := weights[sk{chargeSection(b, l.Account), l.Key}]
			if len(ws) == 0 {
				continue // not distributed by this closing (works not finished)
			}
			parts, err := ledger.Allocate(vat, ws)
			if err != nil {
				return nil, err
			}
			for i, w := range ws {
				ov := out[w.Code]
				if ov.ByKey == nil {
					ov.ByKey = map[string]ledger.Amount{}
				}
				ov.Total += parts[i]
				ov.ByKey[l.Key] += parts[i]
				out[w.Code] = ov
			}
		}
	}
	return out, nil
}

// chargeSection is the section of the closing a charge account belongs
// to, as distribute's specs sort them.
func chargeSection(b *books, account string) string {
	switch b.role(account) {
	case roleWorks:
		return b.campaign(account)
	case roleExcCharge:
		return ExceptionalSection
	}
	return CurrentSection
}

// vatNote is the décompte's line for a VAT-registered owner.
func vatNote(v OwnerVAT) string {
	var keys []string
	for k, a := range v.ByKey {
		if a != 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	text := fmt.Sprintf("Copropriétaire assujetti à la TVA : vos quotes-parts de charges comprennent %s de TVA", v.Total)
	if len(keys) > 1 {
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("clé %s : %s", k, v.ByKey[k]))
		}
		text += " (" + strings.Join(parts, ", ") + ")"
	}
	return text + ", votre part de la TVA de chaque facture, répartie comme la facture."
}
